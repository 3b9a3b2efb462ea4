// Rule sets shared by the example scenarios.
// Every scenario is a set of single example instances plus one transaction Bundle that PUTs
// them all with their ids, so loading a scenario twice is idempotent.

RuleSet: PutEntry(type, id)
* entry[+].fullUrl = "https://samplan.github.io/fhir/{type}/{id}"
* entry[=].resource = {id}
* entry[=].request.method = #PUT
* entry[=].request.url = "{type}/{id}"

RuleSet: Personnummer(value)
* identifier[personnummer].system = $personnummer
* identifier[personnummer].value = "{value}"

RuleSet: HsaId(value)
* identifier[hsaId].type = $v2-0203#PRN "Provider number"
* identifier[hsaId].system = $hsaid
* identifier[hsaId].value = "{value}"

RuleSet: Orgnr(value)
* identifier[organisationsnummer].type = $v2-0203#XX "Organization identifier"
* identifier[organisationsnummer].system = $orgnr
* identifier[organisationsnummer].value = "{value}"

RuleSet: PrincipalKind(code)
* type[principalKind] = SipOrganizationKindCS#{code}

RuleSet: Kommunkod(kommun, lan)
* extension[municipalityCode].valueCoding = $kvkommun#{kommun}
* extension[countyCode].valueCoding = $kvlan#{lan}

RuleSet: Lanskod(lan)
* extension[countyCode].valueCoding = $kvlan#{lan}

RuleSet: CareTeamMember(member, role)
* participant[+].role = SipParticipantRoleCS#{role}
* participant[=].member = Reference({member})

RuleSet: Activity(text, performer, status)
* activity[+].detail.status = #{status}
* activity[=].detail.description = "{text}"
* activity[=].detail.performer = Reference({performer})

RuleSet: MeetingParticipant(actor)
* participant[+].actor = Reference({actor})
* participant[=].status = #accepted
* participant[=].required = #required

RuleSet: ConsentActor(org)
* provision.actor[+].role = $v3-ParticipationType#IRCP "information recipient"
* provision.actor[=].reference = Reference({org})

RuleSet: SfsPolicy
* policy[0].authority = "https://www.riksdagen.se"
* policy[0].uri = "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/halso--och-sjukvardslag-201730_sfs-2017-30/"

// Examples outside the three scenarios

Instance: sip-example-samordningsnummer
InstanceOf: SipPatient
Usage: #example
Title: "Patient identified by samordningsnummer"
Description: "A person without personnummer, identified by a (synthetic) samordningsnummer: born 1990-01-18, day 18 + 60 = 78."
* id = "sip-example-samordningsnummer"
* identifier[samordningsnummer].system = $samordningsnummer
* identifier[samordningsnummer].value = "199001789941"
* name.family = "Exempelsson"
* name.given = "Ali"
* gender = #male
* birthDate = "1990-01-18"
