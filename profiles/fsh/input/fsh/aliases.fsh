// Aliases used throughout the samplan.fhir.sip package.

// Swedish identifier systems (see design/domain.md, "Identifiers")
Alias: $personnummer = http://electronichealth.se/identifier/personnummer
Alias: $samordningsnummer = http://electronichealth.se/identifier/samordningsnummer
Alias: $reservnummer = http://electronichealth.se/identifier/nationelltReservnummer
Alias: $hsaid = urn:oid:1.2.752.29.4.19
Alias: $orgnr = urn:oid:2.5.4.97
Alias: $kvkommun = urn:oid:1.2.752.129.2.2.1.17
Alias: $kvlan = urn:oid:1.2.752.129.2.2.1.18
Alias: $kva = urn:oid:1.2.752.116.1.3.2.1.4

// National and international code systems
Alias: $typeofcareplan = https://fhir.inera.se/CodeSystem/typeofcareplan-cs
Alias: $securitylabel = http://hl7.se/fhir/ig/base/CodeSystem/SecurityLabel
Alias: $v2-0203 = http://terminology.hl7.org/CodeSystem/v2-0203
Alias: $v3-RoleCode = http://terminology.hl7.org/CodeSystem/v3-RoleCode
Alias: $v3-ParticipationType = http://terminology.hl7.org/CodeSystem/v3-ParticipationType
Alias: $consentscope = http://terminology.hl7.org/CodeSystem/consentscope
Alias: $sct = http://snomed.info/sct
