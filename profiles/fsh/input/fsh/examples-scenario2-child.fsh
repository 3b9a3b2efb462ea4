// Scenario 2: a 9-year-old girl with two guardians.
// Saga (born 2017) has anxiety and difficulties at school. The special needs teacher at her
// school takes the initiative; both guardians consent in writing (R3: a child's consent comes
// from the guardians, from both when there are two); child and adolescent psychiatry (BUP) and
// social services are invited. The region has the overall responsibility.
// Persons, identifiers and organisation numbers are synthetic.

Instance: sip2-patient
InstanceOf: SipPatient
Usage: #example
Title: "Scenario 2: Saga, 9 years old"
* id = "sip2-patient"
* insert Personnummer(201708159841)
* name.family = "Lund"
* name.given = "Saga"
* gender = #female
* birthDate = "2017-08-15"
* address.line = "Körsbärsvägen 12"
* address.postalCode = "58248"
* address.city = "Linköping"
* address.country = "SE"

Instance: sip2-guardian-anna
InstanceOf: SipRelatedPerson
Usage: #example
Title: "Scenario 2: Anna, guardian"
* id = "sip2-guardian-anna"
* insert Personnummer(198502219861)
* active = true
* patient = Reference(sip2-patient)
* relationship = $v3-RoleCode#GUARD "guardian"
* name.family = "Lund"
* name.given = "Anna"
* telecom.system = #phone
* telecom.value = "070-1740621"
* gender = #female

Instance: sip2-guardian-erik
InstanceOf: SipRelatedPerson
Usage: #example
Title: "Scenario 2: Erik, guardian"
* id = "sip2-guardian-erik"
* insert Personnummer(198706309872)
* active = true
* patient = Reference(sip2-patient)
* relationship = $v3-RoleCode#GUARD "guardian"
* name.family = "Lund"
* name.given = "Erik"
* telecom.system = #phone
* telecom.value = "070-1740622"
* gender = #male

Instance: sip2-org-kommun
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 2: Linköpings kommun (principal)"
* id = "sip2-org-kommun"
* insert Orgnr(2120009980)
* insert Kommunkod(0580, 05)
* active = true
* insert PrincipalKind(kommun)
* name = "Linköpings kommun"

Instance: sip2-org-socialtjanst
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 2: social services, children and families"
* id = "sip2-org-socialtjanst"
* insert Orgnr(2120009980)
* insert Kommunkod(0580, 05)
* active = true
* insert PrincipalKind(kommun)
* name = "Linköpings kommun, Socialtjänsten barn och familj"
* telecom.system = #phone
* telecom.value = "070-1740623"
* partOf = Reference(sip2-org-kommun)

Instance: sip2-org-skola
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 2: Saga's school"
* id = "sip2-org-skola"
* insert Orgnr(2120009980)
* insert Kommunkod(0580, 05)
* active = true
* insert PrincipalKind(school)
* name = "Linköpings kommun, Björkängsskolan"
* telecom.system = #phone
* telecom.value = "070-1740624"
* partOf = Reference(sip2-org-kommun)

Instance: sip2-org-region
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 2: Region Östergötland (principal)"
* id = "sip2-org-region"
* insert HsaId(SE2321009989-SIP2000)
* insert Orgnr(2321009989)
* insert Lanskod(05)
* active = true
* insert PrincipalKind(region)
* name = "Region Östergötland"

Instance: sip2-org-bup
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 2: child and adolescent psychiatry (BUP)"
* id = "sip2-org-bup"
* insert HsaId(SE2321009989-SIP2001)
* insert Lanskod(05)
* active = true
* insert PrincipalKind(region)
* name = "Barn- och ungdomspsykiatriska mottagningen Linköping"
* telecom.system = #phone
* telecom.value = "070-1740625"
* partOf = Reference(sip2-org-region)

Instance: sip2-role-specialpedagog
InstanceOf: SipPractitionerRole
Usage: #example
Title: "Scenario 2: special needs teacher"
* id = "sip2-role-specialpedagog"
* active = true
* practitioner.display = "Helena Ström"
* organization = Reference(sip2-org-skola)
* code.text = "Specialpedagog, elevhälsan"
* telecom.system = #phone
* telecom.value = "070-1740626"

Instance: sip2-role-bup
InstanceOf: SipPractitionerRole
Usage: #example
Title: "Scenario 2: counsellor at BUP"
* id = "sip2-role-bup"
* insert HsaId(SE2321009989-SIP2101)
* active = true
* practitioner.display = "Mikael Göransson"
* organization = Reference(sip2-org-bup)
* code.text = "Kurator, BUP"
* telecom.system = #phone
* telecom.value = "070-1740627"

Instance: sip2-role-socialsekreterare
InstanceOf: SipPractitionerRole
Usage: #example
Title: "Scenario 2: social worker"
* id = "sip2-role-socialsekreterare"
* active = true
* practitioner.display = "Leila Haddad"
* organization = Reference(sip2-org-socialtjanst)
* code.text = "Socialsekreterare, barn och familj"
* telecom.system = #phone
* telecom.value = "070-1740628"

Instance: sip2-consent
InstanceOf: SipConsent
Usage: #example
Title: "Scenario 2: both guardians' written consent"
* id = "sip2-consent"
* extension[method].valueCode = #written
* status = #active
* scope = $consentscope#patient-privacy
* category[sip] = SipConsentCategoryCS#sip
* patient = Reference(sip2-patient)
* dateTime = "2026-10-05T10:00:00+02:00"
* performer[0] = Reference(sip2-guardian-anna)
* performer[+] = Reference(sip2-guardian-erik)
* organization = Reference(sip2-org-skola)
* insert SfsPolicy
* provision.type = #permit
* provision.period.start = "2026-10-05"
* insert ConsentActor(sip2-org-skola)
* insert ConsentActor(sip2-org-socialtjanst)
* insert ConsentActor(sip2-org-kommun)
* insert ConsentActor(sip2-org-bup)
* insert ConsentActor(sip2-org-region)
* provision.data.meaning = #related
* provision.data.reference = Reference(sip2-careplan)

Instance: sip2-careteam
InstanceOf: SipCareTeam
Usage: #example
Title: "Scenario 2: care team"
* id = "sip2-careteam"
* status = #active
* category[sipTeam] = SipCareTeamCS#sip
* name = "SIP-team för Saga Lund"
* subject = Reference(sip2-patient)
* period.start = "2026-10-14"
* insert CareTeamMember(sip2-patient, person)
* insert CareTeamMember(sip2-guardian-anna, guardian)
* insert CareTeamMember(sip2-guardian-erik, guardian)
* insert CareTeamMember(sip2-role-bup, coordinator)
* insert CareTeamMember(sip2-role-socialsekreterare, principal-representative)
* insert CareTeamMember(sip2-role-specialpedagog, other-actor)
* managingOrganization = Reference(sip2-org-region)

Instance: sip2-goal-viktigt
InstanceOf: SipGoal
Usage: #example
Title: "Scenario 2: what matters to Saga"
* id = "sip2-goal-viktigt"
* lifecycleStatus = #active
* category = SipGoalCategoryCS#what-matters-to-me
* description.text = "Jag vill våga gå till skolan och ha någon att leka med på rasterna."
* subject = Reference(sip2-patient)
* startDate = "2026-10-14"
* expressedBy = Reference(sip2-patient)

Instance: sip2-goal-skola
InstanceOf: SipGoal
Usage: #example
Title: "Scenario 2: shared goal"
* id = "sip2-goal-skola"
* lifecycleStatus = #active
* category = SipGoalCategoryCS#goal
* description.text = "Saga går i skolan hela skoldagar fyra dagar i veckan före jullovet och sover bättre på nätterna."
* subject = Reference(sip2-patient)
* startDate = "2026-10-14"
* expressedBy = Reference(sip2-guardian-anna)

Instance: sip2-careplan
InstanceOf: SipCarePlan
Usage: #example
Title: "Scenario 2: Saga's SIP"
* id = "sip2-careplan"
* extension[phase].valueCode = #active
* extension[overallResponsibility].valueReference = Reference(sip2-org-region)
* extension[nextFollowUp].valueDateTime = "2027-01-20T14:00:00+01:00"
* extension[initiative].extension[initiatedBy].valueReference = Reference(sip2-role-specialpedagog)
* extension[initiative].extension[date].valueDateTime = "2026-09-28T11:00:00+02:00"
* extension[initiative].extension[reason].valueString = "Saga har stor skolfrånvaro och ångest. Både BUP och socialtjänsten har insatser och skolan behöver samordna sitt stöd med dem."
* extension[initiative].extension[context].valueCode = #school
* extension[approvedForPatient].valueBoolean = true
* status = #active
* intent = #plan
* category[sipType] = $typeofcareplan#SIP
* title = "Samordnad individuell plan för Saga Lund"
* description = "Samordnat stöd från skola, BUP och socialtjänst så att Saga kan gå i skolan och må bättre."
* subject = Reference(sip2-patient)
* period.start = "2026-10-14"
* created = "2026-10-14"
* author = Reference(sip2-role-bup)
* careTeam = Reference(sip2-careteam)
* goal[0] = Reference(sip2-goal-viktigt)
* goal[+] = Reference(sip2-goal-skola)
* insert Activity(Stödsamtal på BUP varannan vecka med Saga och samtal med föräldrarna en gång i månaden, sip2-role-bup, in-progress)
* insert Activity(Anpassad skolgång med stöd av specialpedagog och en trygg vuxen vid skolstart varje morgon, sip2-org-skola, in-progress)
* insert Activity(Familjebehandlare från socialtjänsten ger föräldrastöd i hemmet en gång i veckan, sip2-org-socialtjanst, scheduled)
* insert Activity(Föräldrarna för sömndagbok och tar med den till samtalen på BUP, sip2-guardian-erik, in-progress)

Instance: sip2-meeting
InstanceOf: SipAppointment
Usage: #example
Title: "Scenario 2: first SIP meeting"
* id = "sip2-meeting"
* extension[patientParticipation].extension[participation].valueCode = #present
* extension[patientParticipation].extension[reason].valueString = "Saga var med under första halvtimmen av mötet tillsammans med sina föräldrar."
* extension[virtualMeeting].valueUrl = "https://meet.example.org/sip2-forsta-motet"
* status = #fulfilled
* appointmentType = SipMeetingTypeCS#first
* description = "Första SIP-mötet för Saga Lund"
* supportingInformation = Reference(sip2-careplan)
* start = "2026-10-14T15:00:00+02:00"
* end = "2026-10-14T16:30:00+02:00"
* created = "2026-10-05T13:00:00+02:00"
* comment = "Hur kan skolan, BUP och socialtjänsten tillsammans hjälpa Saga att komma till skolan? Vad tycker Saga själv är viktigt?"
* patientInstruction = "Välkommen till ett möte om Sagas samordnade individuella plan. Mötet hålls i skolans konferensrum. Det går också att delta via video."
* insert MeetingParticipant(sip2-patient)
* insert MeetingParticipant(sip2-guardian-anna)
* insert MeetingParticipant(sip2-guardian-erik)
* insert MeetingParticipant(sip2-role-specialpedagog)
* insert MeetingParticipant(sip2-role-bup)
* insert MeetingParticipant(sip2-role-socialsekreterare)

Instance: sip2-task-bup
InstanceOf: SipInvitationTask
Usage: #example
Title: "Scenario 2: invitation to BUP"
* id = "sip2-task-bup"
* status = #completed
* intent = #order
* code = SipTaskTypeCS#invitation
* description = "Kallelse till första SIP-mötet för Saga Lund"
* basedOn = Reference(sip2-careplan)
* focus = Reference(sip2-meeting)
* for = Reference(sip2-patient)
* authoredOn = "2026-10-05T13:00:00+02:00"
* lastModified = "2026-10-14T16:45:00+02:00"
* requester = Reference(sip2-role-specialpedagog)
* owner = Reference(sip2-org-bup)
* restriction.period.end = "2026-10-10T16:00:00+02:00"

Instance: sip2-task-socialtjanst
InstanceOf: SipInvitationTask
Usage: #example
Title: "Scenario 2: invitation to social services"
* id = "sip2-task-socialtjanst"
* status = #completed
* intent = #order
* code = SipTaskTypeCS#invitation
* description = "Kallelse till första SIP-mötet för Saga Lund"
* basedOn = Reference(sip2-careplan)
* focus = Reference(sip2-meeting)
* for = Reference(sip2-patient)
* authoredOn = "2026-10-05T13:00:00+02:00"
* lastModified = "2026-10-14T16:45:00+02:00"
* requester = Reference(sip2-role-specialpedagog)
* owner = Reference(sip2-org-socialtjanst)
* restriction.period.end = "2026-10-10T16:00:00+02:00"

Instance: sip2-bundle
InstanceOf: Bundle
Usage: #example
Title: "Scenario 2: transaction Bundle"
Description: "The base data of scenario 2: the person, relatives, organisations, staff, care team and goals, PUT with their ids so that loading is idempotent. The plan itself, its consent, meetings, invitations and deviations are made through the $sip-* operations (rule W1); their single examples show the result."
* id = "sip2-bundle"
* type = #transaction
* insert PutEntry(Patient, sip2-patient)
* insert PutEntry(RelatedPerson, sip2-guardian-anna)
* insert PutEntry(RelatedPerson, sip2-guardian-erik)
* insert PutEntry(Organization, sip2-org-kommun)
* insert PutEntry(Organization, sip2-org-socialtjanst)
* insert PutEntry(Organization, sip2-org-skola)
* insert PutEntry(Organization, sip2-org-region)
* insert PutEntry(Organization, sip2-org-bup)
* insert PutEntry(PractitionerRole, sip2-role-specialpedagog)
* insert PutEntry(PractitionerRole, sip2-role-bup)
* insert PutEntry(PractitionerRole, sip2-role-socialsekreterare)
* insert PutEntry(CareTeam, sip2-careteam)
* insert PutEntry(Goal, sip2-goal-viktigt)
* insert PutEntry(Goal, sip2-goal-skola)
