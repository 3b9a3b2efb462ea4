// NamingSystems: one per Swedish identifier or code system the package uses (domain.md, "Identifiers").
// Each lists the URI form the server stores (preferred) and the OID form(s) it also accepts on input.
// An OID form is marked preferred when it names the same system as the preferred URI (urn:oid:<oid>).

RuleSet: SipNamingSystemRules
* status = #active
* date = "2026-11-23"
* publisher = "Samplan"
* jurisdiction = urn:iso:std:iso:3166#SE "Sweden"

Instance: personnummer
InstanceOf: NamingSystem
Usage: #definition
Title: "Personnummer"
* name = "Personnummer"
* insert SipNamingSystemRules
* kind = #identifier
* responsible = "Skatteverket"
* description = "Swedish personal identity number: 12 digits YYYYMMDDNNNC with a Luhn check digit over the last 10."
* usage = "Store the URI form. The OID form is the one used in RIV-TA service contracts; it is accepted on input and stored as the URI."
* uniqueId[0].type = #uri
* uniqueId[=].value = "http://electronichealth.se/identifier/personnummer"
* uniqueId[=].preferred = true
* uniqueId[+].type = #oid
* uniqueId[=].value = "1.2.752.129.2.1.3.1"
* uniqueId[=].preferred = false

Instance: samordningsnummer
InstanceOf: NamingSystem
Usage: #definition
Title: "Samordningsnummer"
* name = "Samordningsnummer"
* insert SipNamingSystemRules
* kind = #identifier
* responsible = "Skatteverket"
* description = "Swedish coordination number for a person who is or has been without a personnummer: like a personnummer with the day of birth plus 60."
* usage = "Store the URI form. The OID form is accepted on input and stored as the URI."
* uniqueId[0].type = #uri
* uniqueId[=].value = "http://electronichealth.se/identifier/samordningsnummer"
* uniqueId[=].preferred = true
* uniqueId[+].type = #oid
* uniqueId[=].value = "1.2.752.129.2.1.3.3"
* uniqueId[=].preferred = false

Instance: nationellt-reservnummer
InstanceOf: NamingSystem
Usage: #definition
Title: "Nationellt reservnummer"
* name = "NationelltReservnummer"
* insert SipNamingSystemRules
* kind = #identifier
* description = "Swedish national reserve number, for a person whose personnummer or samordningsnummer is not known."
* uniqueId[0].type = #uri
* uniqueId[=].value = "http://electronichealth.se/identifier/nationelltReservnummer"
* uniqueId[=].preferred = true

Instance: hsa-id
InstanceOf: NamingSystem
Usage: #definition
Title: "HSA-id"
* name = "HsaId"
* insert SipNamingSystemRules
* kind = #identifier
* responsible = "Inera"
* type = http://terminology.hl7.org/CodeSystem/v2-0203#PRN "Provider number"
* description = "Identifier in the national catalogue of health and care services (HSA) for organisations, units, functions and staff."
* usage = "Store urn:oid:1.2.752.29.4.19 (HL7 Sweden base profiles). The OID 1.2.752.129.2.1.4.1 (used in RIV-TA service contracts) is accepted on input and stored as urn:oid:1.2.752.29.4.19."
* uniqueId[0].type = #uri
* uniqueId[=].value = "urn:oid:1.2.752.29.4.19"
* uniqueId[=].preferred = true
* uniqueId[+].type = #oid
* uniqueId[=].value = "1.2.752.29.4.19"
* uniqueId[=].preferred = true
* uniqueId[+].type = #oid
* uniqueId[=].value = "1.2.752.129.2.1.4.1"
* uniqueId[=].preferred = false
* uniqueId[+].type = #uri
* uniqueId[=].value = "urn:oid:1.2.752.129.2.1.4.1"
* uniqueId[=].preferred = false

Instance: organisationsnummer
InstanceOf: NamingSystem
Usage: #definition
Title: "Organisationsnummer"
* name = "Organisationsnummer"
* insert SipNamingSystemRules
* kind = #identifier
* responsible = "Bolagsverket"
* description = "Swedish organisation number (10 digits) of a legal entity, such as a municipality, a region or a state agency."
* usage = "Identifier.type v2-0203#XX. Municipal units without HSA-id are identified by the municipality's organisationsnummer plus a local unit identifier."
* uniqueId[0].type = #uri
* uniqueId[=].value = "urn:oid:2.5.4.97"
* uniqueId[=].preferred = true
* uniqueId[+].type = #oid
* uniqueId[=].value = "2.5.4.97"
* uniqueId[=].preferred = true

Instance: kv-kommun
InstanceOf: NamingSystem
Usage: #definition
Title: "KV Kommun (kommunkod)"
* name = "KvKommun"
* insert SipNamingSystemRules
* kind = #codesystem
* responsible = "Statistiska centralbyrån (SCB), published as KV Kommun by Inera"
* description = "Swedish municipality codes (4 digits, SCB). Also known as HSA Kommunkod, which shares the OID."
* uniqueId[0].type = #uri
* uniqueId[=].value = "urn:oid:1.2.752.129.2.2.1.17"
* uniqueId[=].preferred = true
* uniqueId[+].type = #oid
* uniqueId[=].value = "1.2.752.129.2.2.1.17"
* uniqueId[=].preferred = true

Instance: kv-lan
InstanceOf: NamingSystem
Usage: #definition
Title: "KV Län (länskod)"
* name = "KvLan"
* insert SipNamingSystemRules
* kind = #codesystem
* responsible = "Statistiska centralbyrån (SCB), published as KV Län by Inera"
* description = "Swedish county codes (2 digits, SCB). Also known as HSA Länskod, which shares the OID."
* uniqueId[0].type = #uri
* uniqueId[=].value = "urn:oid:1.2.752.129.2.2.1.18"
* uniqueId[=].preferred = true
* uniqueId[+].type = #oid
* uniqueId[=].value = "1.2.752.129.2.2.1.18"
* uniqueId[=].preferred = true

Instance: kva
InstanceOf: NamingSystem
Usage: #definition
Title: "KVÅ (Klassifikation av vårdåtgärder)"
* name = "Kva"
* insert SipNamingSystemRules
* kind = #codesystem
* responsible = "Socialstyrelsen"
* description = "Swedish classification of health care procedures, used for the yearly follow-up of SIPs (R14). Which codes apply is configured per county."
* usage = "The OID required by RIV-TA service contracts. No registered FHIR URI is known; use the urn:oid: form."
* uniqueId[0].type = #uri
* uniqueId[=].value = "urn:oid:1.2.752.116.1.3.2.1.4"
* uniqueId[=].preferred = true
* uniqueId[+].type = #oid
* uniqueId[=].value = "1.2.752.116.1.3.2.1.4"
* uniqueId[=].preferred = true
