// SipPatient and SipRelatedPerson: the person and the people around them.

Profile: SipPatient
Parent: Patient
Id: SipPatient
Title: "SIP Patient"
Description: "The person a SIP is for (den enskilde). Identified by personnummer, samordningsnummer or nationellt reservnummer (systems as in HL7 Sweden's base profiles). Security labels for sekretessmarkering and skyddad folkbokföring (http://hl7.se/fhir/ig/base/CodeSystem/SecurityLabel) may be set in meta.security."
* meta.security MS
* meta.security ^comment = "Use http://hl7.se/fhir/ig/base/CodeSystem/SecurityLabel#sekretessmarkering or #skyddadFolkbokforing for a person with protected personal data. A child with protected identity gives guardians no access (R13)."
* identifier 1..* MS
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "Swedish national person identifiers, by system"
* identifier contains
    personnummer 0..1 MS and
    samordningsnummer 0..1 MS and
    reservnummer 0..1 MS
* identifier[personnummer] ^short = "Personnummer (12 digits YYYYMMDDNNNC)"
* identifier[personnummer] obeys sip-pnr-1
* identifier[personnummer].system 1..1
* identifier[personnummer].system = $personnummer (exactly)
* identifier[personnummer].value 1..1
* identifier[samordningsnummer] ^short = "Samordningsnummer (12 digits, day + 60)"
* identifier[samordningsnummer] obeys sip-snr-1
* identifier[samordningsnummer].system 1..1
* identifier[samordningsnummer].system = $samordningsnummer (exactly)
* identifier[samordningsnummer].value 1..1
* identifier[reservnummer] ^short = "Nationellt reservnummer"
* identifier[reservnummer].system 1..1
* identifier[reservnummer].system = $reservnummer (exactly)
* identifier[reservnummer].value 1..1
* name MS
* telecom MS
* birthDate 1..1 MS
* address MS

Profile: SipRelatedPerson
Parent: RelatedPerson
Id: SipRelatedPerson
Title: "SIP RelatedPerson"
Description: "A person close to the person a SIP is for: a guardian (vårdnadshavare; with two guardians both are registered), a relative (närstående), or a legal representative (god man, förvaltare)."
* identifier MS
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "Swedish national person identifiers, by system"
* identifier contains personnummer 0..1 MS
* identifier[personnummer] obeys sip-pnr-1
* identifier[personnummer].system 1..1
* identifier[personnummer].system = $personnummer (exactly)
* identifier[personnummer].value 1..1
* patient only Reference(SipPatient)
* patient MS
* relationship 1..* MS
* relationship from SipRelationshipVS (required)
* relationship ^short = "GUARD (vårdnadshavare) | NOK | FAMMEMB (närstående) | POWATT (god man, förvaltare)"
* name MS
* telecom MS
