// Rule sets shared by the example scenarios.
// Every scenario is a set of single example instances plus one transaction Bundle that PUTs its base
// data (persons, organisations, staff, care team, goals) with their ids, so loading it twice is
// idempotent. The plan and what belongs to it is made through the $sip-* operations (rule W1).

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

// Two more persons, so that the demo has a plan in every phase: sip4 is invited, sip5's plan is closed,
// and sip-example-samordningsnummer's plan is initiated.

Instance: sip4-patient
InstanceOf: SipPatient
Usage: #example
Title: "Demo: Märta, invited to her first SIP meeting"
* id = "sip4-patient"
* insert Personnummer(195704039824)
* name.family = "Lind"
* name.given = "Märta"
* gender = #female
* birthDate = "1957-04-03"
* address.city = "Karlstad"
* address.country = "SE"

Instance: sip5-patient
InstanceOf: SipPatient
Usage: #example
Title: "Demo: Oskar, whose SIP was closed"
* id = "sip5-patient"
* insert Personnummer(198306229934)
* name.family = "Nyström"
* name.given = "Oskar"
* gender = #male
* birthDate = "1983-06-22"
* address.city = "Karlstad"
* address.country = "SE"
