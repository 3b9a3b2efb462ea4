// SipOrganization and SipPractitionerRole: the organisations and the staff taking part.

Profile: SipOrganization
Parent: Organization
Id: SipOrganization
Title: "SIP Organization"
Description: "A principal (kommun, region) or a unit acting for one, or another actor in a SIP (school, Försäkringskassan, Arbetsförmedlingen, ...). Identified by HSA-id or organisationsnummer; municipal units often have no HSA-id and use the municipality's organisationsnummer."
* obeys sip-org-1
* extension contains
    SipMunicipalityCode named municipalityCode 0..1 MS and
    SipCountyCode named countyCode 0..1 MS
* identifier MS
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "HSA-id and organisationsnummer, by system"
* identifier contains
    hsaId 0..1 MS and
    organisationsnummer 0..1 MS
* identifier[hsaId] ^short = "HSA-id"
* identifier[hsaId].type = $v2-0203#PRN
* identifier[hsaId].system 1..1
* identifier[hsaId].system = $hsaid (exactly)
* identifier[hsaId].value 1..1
* identifier[organisationsnummer] ^short = "Organisationsnummer (10 digits)"
* identifier[organisationsnummer] obeys sip-orgnr-1
* identifier[organisationsnummer].type = $v2-0203#XX
* identifier[organisationsnummer].system 1..1
* identifier[organisationsnummer].system = $orgnr (exactly)
* identifier[organisationsnummer].value 1..1
* type 1..* MS
* type ^slicing.discriminator.type = #value
* type ^slicing.discriminator.path = "coding.system"
* type ^slicing.rules = #open
* type ^slicing.description = "The kind of actor in the SIP, from sip-organization-kind"
* type contains principalKind 1..1 MS
* type[principalKind] ^short = "kommun | region | contractor | school | state-agency | dental | other"
* type[principalKind].coding 1..*
* type[principalKind].coding.system 1..1
* type[principalKind].coding.system = "https://samplan.github.io/fhir/CodeSystem/sip-organization-kind" (exactly)
* type[principalKind].coding.code 1..1
* type[principalKind] from SipOrganizationKindVS (required)
* name 1..1 MS
* telecom MS
* address MS
* partOf only Reference(SipOrganization)
* partOf MS

Profile: SipPractitionerRole
Parent: PractitionerRole
Id: SipPractitionerRole
Title: "SIP PractitionerRole"
Description: "A member of staff acting for an organisation in a SIP: the coordinator (samordnare), the designated care contact (fast vårdkontakt), or anyone who attends meetings or carries out a service."
* identifier MS
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "HSA-id, by system"
* identifier contains hsaId 0..1 MS
* identifier[hsaId].type = $v2-0203#PRN
* identifier[hsaId].system 1..1
* identifier[hsaId].system = $hsaid (exactly)
* identifier[hsaId].value 1..1
* practitioner MS
* organization 1..1 MS
* organization only Reference(SipOrganization)
* code MS
* code ^short = "The person's title or role, e.g. kurator, distriktssköterska, biståndshandläggare"
* telecom MS
* telecom ^short = "How the person and their organisation can reach this contact"
