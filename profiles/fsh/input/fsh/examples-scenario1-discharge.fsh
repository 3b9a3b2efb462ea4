// Scenario 1: an older person with dementia after discharge from hospital (lag 2017:612).
// Elsa (88) has been treated for a hip fracture. Ready for discharge on 2026-09-10, her
// designated care contact (fast vårdkontakt), a district nurse at the health centre, takes the
// initiative; Elsa consents by word of mouth with her son present; the nurse invites social
// services and home care within three days; the first meeting is held at Elsa's home.
// Persons, identifiers and organisation numbers are synthetic.

Instance: sip1-patient
InstanceOf: SipPatient
Usage: #example
Title: "Scenario 1: Elsa, older person with dementia"
* id = "sip1-patient"
* insert Personnummer(193804129827)
* name.family = "Ek"
* name.given = "Elsa"
* telecom.system = #phone
* telecom.value = "070-1740611"
* gender = #female
* birthDate = "1938-04-12"
* address.line = "Älvgatan 3"
* address.postalCode = "65225"
* address.city = "Karlstad"
* address.country = "SE"

Instance: sip1-son
InstanceOf: SipRelatedPerson
Usage: #example
Title: "Scenario 1: Lars, Elsa's son"
* id = "sip1-son"
* insert Personnummer(196203059818)
* active = true
* patient = Reference(sip1-patient)
* relationship = $v3-RoleCode#NOK "next of kin"
* name.family = "Ek"
* name.given = "Lars"
* telecom.system = #phone
* telecom.value = "070-1740612"
* gender = #male

Instance: sip1-org-kommun
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 1: Karlstads kommun (principal)"
* id = "sip1-org-kommun"
* insert Orgnr(2120009998)
* insert Kommunkod(1780, 17)
* active = true
* insert PrincipalKind(kommun)
* name = "Karlstads kommun"

Instance: sip1-org-hemtjanst
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 1: home care unit of the municipality"
* id = "sip1-org-hemtjanst"
* insert Orgnr(2120009998)
* insert Kommunkod(1780, 17)
* active = true
* insert PrincipalKind(kommun)
* name = "Karlstads kommun, Hemtjänst Älvsidan"
* telecom.system = #phone
* telecom.value = "070-1740613"
* partOf = Reference(sip1-org-kommun)

Instance: sip1-org-region
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 1: Region Värmland (principal)"
* id = "sip1-org-region"
* insert HsaId(SE2321009997-SIP1000)
* insert Orgnr(2321009997)
* insert Lanskod(17)
* active = true
* insert PrincipalKind(region)
* name = "Region Värmland"

Instance: sip1-org-vardcentral
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 1: health centre with the district nurses"
* id = "sip1-org-vardcentral"
* insert HsaId(SE2321009997-SIP1001)
* insert Lanskod(17)
* active = true
* insert PrincipalKind(region)
* name = "Vårdcentralen Älvkanten"
* telecom.system = #phone
* telecom.value = "070-1740614"
* partOf = Reference(sip1-org-region)

Instance: sip1-role-distriktsskoterska
InstanceOf: SipPractitionerRole
Usage: #example
Title: "Scenario 1: district nurse, designated care contact"
* id = "sip1-role-distriktsskoterska"
* insert HsaId(SE2321009997-SIP1101)
* active = true
* practitioner.display = "Karin Sjöberg"
* organization = Reference(sip1-org-vardcentral)
* code.text = "Distriktssköterska, fast vårdkontakt"
* telecom.system = #phone
* telecom.value = "070-1740615"

Instance: sip1-role-bistandshandlaggare
InstanceOf: SipPractitionerRole
Usage: #example
Title: "Scenario 1: care needs assessor of the municipality"
* id = "sip1-role-bistandshandlaggare"
* active = true
* practitioner.display = "Jonas Holm"
* organization = Reference(sip1-org-kommun)
* code.text = "Biståndshandläggare, äldreomsorgen"
* telecom.system = #phone
* telecom.value = "070-1740616"

Instance: sip1-role-hemtjanst
InstanceOf: SipPractitionerRole
Usage: #example
Title: "Scenario 1: head of the home care unit"
* id = "sip1-role-hemtjanst"
* active = true
* practitioner.display = "Sofia Åberg"
* organization = Reference(sip1-org-hemtjanst)
* code.text = "Enhetschef, hemtjänst"
* telecom.system = #phone
* telecom.value = "070-1740617"

Instance: sip1-consent
InstanceOf: SipConsent
Usage: #example
Title: "Scenario 1: Elsa's spoken consent"
* id = "sip1-consent"
* extension[method].valueCode = #spoken
* status = #active
* scope = $consentscope#patient-privacy
* category[sip] = SipConsentCategoryCS#sip
* patient = Reference(sip1-patient)
* dateTime = "2026-09-11T09:30:00+02:00"
* performer = Reference(sip1-patient)
* organization = Reference(sip1-org-vardcentral)
* insert SfsPolicy
* provision.type = #permit
* provision.period.start = "2026-09-11"
* insert ConsentActor(sip1-org-vardcentral)
* insert ConsentActor(sip1-org-region)
* insert ConsentActor(sip1-org-kommun)
* insert ConsentActor(sip1-org-hemtjanst)
* provision.data.meaning = #related
* provision.data.reference = Reference(sip1-careplan)

Instance: sip1-careteam
InstanceOf: SipCareTeam
Usage: #example
Title: "Scenario 1: care team"
* id = "sip1-careteam"
* status = #active
* category[sipTeam] = SipCareTeamCS#sip
* name = "SIP-team för Elsa Ek"
* subject = Reference(sip1-patient)
* period.start = "2026-09-17"
* insert CareTeamMember(sip1-patient, person)
* insert CareTeamMember(sip1-son, relative)
* insert CareTeamMember(sip1-role-distriktsskoterska, designated-care-contact)
* insert CareTeamMember(sip1-role-bistandshandlaggare, coordinator)
* insert CareTeamMember(sip1-role-hemtjanst, principal-representative)
* managingOrganization = Reference(sip1-org-kommun)

Instance: sip1-goal-viktigt
InstanceOf: SipGoal
Usage: #example
Title: "Scenario 1: what matters to Elsa"
* id = "sip1-goal-viktigt"
* lifecycleStatus = #active
* category = SipGoalCategoryCS#what-matters-to-me
* description.text = "Jag vill bo kvar i mitt hem och kunna sitta ute på balkongen när vädret är fint."
* subject = Reference(sip1-patient)
* startDate = "2026-09-17"
* expressedBy = Reference(sip1-patient)

Instance: sip1-goal-trygg
InstanceOf: SipGoal
Usage: #example
Title: "Scenario 1: shared goal"
* id = "sip1-goal-trygg"
* lifecycleStatus = #active
* category = SipGoalCategoryCS#goal
* description.text = "Elsa känner sig trygg hemma, får sina läkemedel i rätt tid och återfår gångförmågan efter höftfrakturen."
* subject = Reference(sip1-patient)
* startDate = "2026-09-17"
* expressedBy = Reference(sip1-role-distriktsskoterska)

Instance: sip1-careplan
InstanceOf: SipCarePlan
Usage: #example
Title: "Scenario 1: Elsa's SIP"
* id = "sip1-careplan"
* extension[phase].valueCode = #active
* extension[overallResponsibility].valueReference = Reference(sip1-org-kommun)
* extension[nextFollowUp].valueDateTime = "2027-03-15T10:00:00+01:00"
* extension[initiative].extension[initiatedBy].valueReference = Reference(sip1-role-distriktsskoterska)
* extension[initiative].extension[date].valueDateTime = "2026-09-10T15:00:00+02:00"
* extension[initiative].extension[reason].valueString = "Utskrivningsklar efter höftfraktur. Demenssjukdom och behov av både hemtjänst och hemsjukvård."
* extension[initiative].extension[context].valueCode = #discharge
* extension[initiative].extension[readyForDischarge].valueDate = "2026-09-10"
* extension[approvedForPatient].valueBoolean = true
* status = #active
* intent = #plan
* category[sipType] = $typeofcareplan#SIP
* title = "Samordnad individuell plan för Elsa Ek"
* description = "Stöd så att Elsa kan bo kvar hemma efter utskrivningen från sjukhuset."
* subject = Reference(sip1-patient)
* period.start = "2026-09-17"
* created = "2026-09-17"
* author = Reference(sip1-role-distriktsskoterska)
* careTeam = Reference(sip1-careteam)
* goal[0] = Reference(sip1-goal-viktigt)
* goal[+] = Reference(sip1-goal-trygg)
* insert Activity(Hemtjänst med tillsyn två gånger dagligen samt hjälp med inköp och städning, sip1-org-hemtjanst, in-progress)
* insert Activity(Distriktssköterska följer upp läkemedelsbehandling och sårläkning varannan vecka, sip1-role-distriktsskoterska, in-progress)
* insert Activity(Biståndshandläggare utreder behov av dagverksamhet för personer med demenssjukdom, sip1-role-bistandshandlaggare, scheduled)
* insert Activity(Lars följer med sin mamma på läkarbesök på vårdcentralen, sip1-son, in-progress)

Instance: sip1-meeting
InstanceOf: SipAppointment
Usage: #example
Title: "Scenario 1: first SIP meeting"
* id = "sip1-meeting"
* extension[patientParticipation].extension[participation].valueCode = #present
* status = #fulfilled
* appointmentType = SipMeetingTypeCS#first
* description = "Första SIP-mötet för Elsa Ek"
* supportingInformation = Reference(sip1-careplan)
* start = "2026-09-17T13:00:00+02:00"
* end = "2026-09-17T14:00:00+02:00"
* created = "2026-09-11T14:00:00+02:00"
* comment = "Hur ska Elsas vardag fungera efter utskrivningen? Vem gör vad, och när följer vi upp?"
* patientInstruction = "Välkommen till ett möte om din samordnade individuella plan. Mötet hålls hemma hos dig på Älvgatan 3. Din son Lars är också välkommen."
* insert MeetingParticipant(sip1-patient)
* insert MeetingParticipant(sip1-son)
* insert MeetingParticipant(sip1-role-distriktsskoterska)
* insert MeetingParticipant(sip1-role-bistandshandlaggare)
* insert MeetingParticipant(sip1-role-hemtjanst)

Instance: sip1-task-kommun
InstanceOf: SipInvitationTask
Usage: #example
Title: "Scenario 1: invitation to the municipality"
* id = "sip1-task-kommun"
* status = #completed
* intent = #order
* code = SipTaskTypeCS#invitation
* description = "Kallelse till första SIP-mötet för Elsa Ek"
* basedOn = Reference(sip1-careplan)
* focus = Reference(sip1-meeting)
* for = Reference(sip1-patient)
* authoredOn = "2026-09-11T14:00:00+02:00"
* lastModified = "2026-09-17T14:10:00+02:00"
* requester = Reference(sip1-role-distriktsskoterska)
* owner = Reference(sip1-org-kommun)
* restriction.period.end = "2026-09-14T16:00:00+02:00"

Instance: sip1-task-hemtjanst
InstanceOf: SipInvitationTask
Usage: #example
Title: "Scenario 1: invitation to home care"
* id = "sip1-task-hemtjanst"
* status = #completed
* intent = #order
* code = SipTaskTypeCS#invitation
* description = "Kallelse till första SIP-mötet för Elsa Ek"
* basedOn = Reference(sip1-careplan)
* focus = Reference(sip1-meeting)
* for = Reference(sip1-patient)
* authoredOn = "2026-09-11T14:00:00+02:00"
* lastModified = "2026-09-17T14:10:00+02:00"
* requester = Reference(sip1-role-distriktsskoterska)
* owner = Reference(sip1-org-hemtjanst)
* restriction.period.end = "2026-09-14T16:00:00+02:00"

Instance: sip1-bundle
InstanceOf: Bundle
Usage: #example
Title: "Scenario 1: transaction Bundle"
Description: "The base data of scenario 1: the person, relatives, organisations, staff, care team and goals, PUT with their ids so that loading is idempotent. The plan itself, its consent, meetings, invitations and deviations are made through the $sip-* operations (rule W1); their single examples show the result."
* id = "sip1-bundle"
* type = #transaction
* insert PutEntry(Patient, sip1-patient)
* insert PutEntry(RelatedPerson, sip1-son)
* insert PutEntry(Organization, sip1-org-kommun)
* insert PutEntry(Organization, sip1-org-hemtjanst)
* insert PutEntry(Organization, sip1-org-region)
* insert PutEntry(Organization, sip1-org-vardcentral)
* insert PutEntry(PractitionerRole, sip1-role-distriktsskoterska)
* insert PutEntry(PractitionerRole, sip1-role-bistandshandlaggare)
* insert PutEntry(PractitionerRole, sip1-role-hemtjanst)
* insert PutEntry(CareTeam, sip1-careteam)
* insert PutEntry(Goal, sip1-goal-viktigt)
* insert PutEntry(Goal, sip1-goal-trygg)
