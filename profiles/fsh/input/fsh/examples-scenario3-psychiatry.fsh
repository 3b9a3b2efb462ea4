// Scenario 3: an adult with psychiatric illness and addiction.
// Johan (36) has depression, anxiety and an alcohol addiction, and has been without work for
// two years. His nurse at the adult psychiatric clinic takes the initiative; Johan consents
// digitally for one year; social services (addiction care), Arbetsförmedlingen and
// Försäkringskassan are invited. Försäkringskassan never answers the invitation, which is
// recorded as a deviation (R12). The municipality has the overall responsibility.
// Johan has a god man (legal representative) for his finances.
// Persons, identifiers and organisation numbers are synthetic.

Instance: sip3-patient
InstanceOf: SipPatient
Usage: #example
Title: "Scenario 3: Johan, adult with psychiatric illness and addiction"
* id = "sip3-patient"
* insert Personnummer(199001189837)
* name.family = "Berg"
* name.given = "Johan"
* telecom.system = #phone
* telecom.value = "070-1740631"
* gender = #male
* birthDate = "1990-01-18"
* address.line = "Storgatan 40 lgh 1102"
* address.postalCode = "97231"
* address.city = "Luleå"
* address.country = "SE"

Instance: sip3-godman
InstanceOf: SipRelatedPerson
Usage: #example
Title: "Scenario 3: Per, god man"
* id = "sip3-godman"
* insert Personnummer(197806149915)
* active = true
* patient = Reference(sip3-patient)
* relationship = $v3-RoleCode#POWATT "power of attorney"
* relationship.text = "God man"
* name.family = "Öberg"
* name.given = "Per"
* telecom.system = #phone
* telecom.value = "070-1740632"
* gender = #male

Instance: sip3-org-kommun
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 3: Luleå kommun (principal)"
* id = "sip3-org-kommun"
* insert Orgnr(2120009972)
* insert Kommunkod(2580, 25)
* active = true
* insert PrincipalKind(kommun)
* name = "Luleå kommun"

Instance: sip3-org-beroende
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 3: social services, addiction care"
* id = "sip3-org-beroende"
* insert Orgnr(2120009972)
* insert Kommunkod(2580, 25)
* active = true
* insert PrincipalKind(kommun)
* name = "Luleå kommun, Socialtjänsten vuxen missbruks- och beroendevård"
* telecom.system = #phone
* telecom.value = "070-1740633"
* partOf = Reference(sip3-org-kommun)

Instance: sip3-org-region
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 3: Region Norrbotten (principal)"
* id = "sip3-org-region"
* insert HsaId(SE2321009971-SIP3000)
* insert Orgnr(2321009971)
* insert Lanskod(25)
* active = true
* insert PrincipalKind(region)
* name = "Region Norrbotten"

Instance: sip3-org-psykiatri
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 3: adult psychiatric clinic"
* id = "sip3-org-psykiatri"
* insert HsaId(SE2321009971-SIP3001)
* insert Lanskod(25)
* active = true
* insert PrincipalKind(region)
* name = "Vuxenpsykiatrisk öppenvårdsmottagning Luleå"
* telecom.system = #phone
* telecom.value = "070-1740634"
* partOf = Reference(sip3-org-region)

Instance: sip3-org-af
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 3: Arbetsförmedlingen"
* id = "sip3-org-af"
* insert Orgnr(2021009963)
* active = true
* insert PrincipalKind(state-agency)
* name = "Arbetsförmedlingen"
* telecom.system = #phone
* telecom.value = "070-1740635"

Instance: sip3-org-fk
InstanceOf: SipOrganization
Usage: #example
Title: "Scenario 3: Försäkringskassan"
* id = "sip3-org-fk"
* insert Orgnr(2021009955)
* active = true
* insert PrincipalKind(state-agency)
* name = "Försäkringskassan"
* telecom.system = #phone
* telecom.value = "070-1740636"

Instance: sip3-role-sjukskoterska
InstanceOf: SipPractitionerRole
Usage: #example
Title: "Scenario 3: psychiatric nurse, coordinator"
* id = "sip3-role-sjukskoterska"
* insert HsaId(SE2321009971-SIP3101)
* active = true
* practitioner.display = "Åsa Lindgren"
* organization = Reference(sip3-org-psykiatri)
* code.text = "Sjuksköterska, vuxenpsykiatrin"
* telecom.system = #phone
* telecom.value = "070-1740637"

Instance: sip3-role-socialsekreterare
InstanceOf: SipPractitionerRole
Usage: #example
Title: "Scenario 3: social worker, addiction care"
* id = "sip3-role-socialsekreterare"
* active = true
* practitioner.display = "Tomas Nyström"
* organization = Reference(sip3-org-beroende)
* code.text = "Socialsekreterare, missbruks- och beroendevård"
* telecom.system = #phone
* telecom.value = "070-1740638"

Instance: sip3-role-arbetsformedlare
InstanceOf: SipPractitionerRole
Usage: #example
Title: "Scenario 3: employment officer"
* id = "sip3-role-arbetsformedlare"
* active = true
* practitioner.display = "Fatima Karlsson"
* organization = Reference(sip3-org-af)
* code.text = "Arbetsförmedlare, rehabilitering till arbete"
* telecom.system = #phone
* telecom.value = "070-1740639"

Instance: sip3-consent
InstanceOf: SipConsent
Usage: #example
Title: "Scenario 3: Johan's digital consent, valid for one year"
* id = "sip3-consent"
* extension[method].valueCode = #digital
* status = #active
* scope = $consentscope#patient-privacy
* category[sip] = SipConsentCategoryCS#sip
* patient = Reference(sip3-patient)
* dateTime = "2026-08-20T08:45:00+02:00"
* performer = Reference(sip3-patient)
* organization = Reference(sip3-org-psykiatri)
* insert SfsPolicy
* provision.type = #permit
* provision.period.start = "2026-08-20"
* provision.period.end = "2027-08-20"
* insert ConsentActor(sip3-org-psykiatri)
* insert ConsentActor(sip3-org-region)
* insert ConsentActor(sip3-org-beroende)
* insert ConsentActor(sip3-org-kommun)
* insert ConsentActor(sip3-org-af)
* insert ConsentActor(sip3-org-fk)
* provision.data.meaning = #related
* provision.data.reference = Reference(sip3-careplan)

Instance: sip3-careteam
InstanceOf: SipCareTeam
Usage: #example
Title: "Scenario 3: care team"
* id = "sip3-careteam"
* status = #active
* category[sipTeam] = SipCareTeamCS#sip
* name = "SIP-team för Johan Berg"
* subject = Reference(sip3-patient)
* period.start = "2026-09-02"
* insert CareTeamMember(sip3-patient, person)
* insert CareTeamMember(sip3-godman, legal-representative)
* insert CareTeamMember(sip3-role-sjukskoterska, coordinator)
* insert CareTeamMember(sip3-role-socialsekreterare, principal-representative)
* insert CareTeamMember(sip3-role-arbetsformedlare, other-actor)
* managingOrganization = Reference(sip3-org-kommun)

Instance: sip3-goal-viktigt
InstanceOf: SipGoal
Usage: #example
Title: "Scenario 3: what matters to Johan"
* id = "sip3-goal-viktigt"
* lifecycleStatus = #active
* category = SipGoalCategoryCS#what-matters-to-me
* description.text = "Jag vill ha ett jobb att gå till, klara mig utan alkohol och få träffa min dotter oftare."
* subject = Reference(sip3-patient)
* startDate = "2026-09-02"
* expressedBy = Reference(sip3-patient)

Instance: sip3-goal-nykter
InstanceOf: SipGoal
Usage: #example
Title: "Scenario 3: shared goal"
* id = "sip3-goal-nykter"
* lifecycleStatus = #active
* category = SipGoalCategoryCS#goal
* description.text = "Johan är nykter, har en stabil psykisk hälsa och har påbörjat arbetsträning inom ett år."
* subject = Reference(sip3-patient)
* startDate = "2026-09-02"
* expressedBy = Reference(sip3-role-socialsekreterare)

Instance: sip3-careplan
InstanceOf: SipCarePlan
Usage: #example
Title: "Scenario 3: Johan's SIP"
* id = "sip3-careplan"
* extension[phase].valueCode = #active
* extension[overallResponsibility].valueReference = Reference(sip3-org-kommun)
* extension[nextFollowUp].valueDateTime = "2027-02-10T09:00:00+01:00"
* extension[initiative].extension[initiatedBy].valueReference = Reference(sip3-role-sjukskoterska)
* extension[initiative].extension[date].valueDateTime = "2026-08-18T10:00:00+02:00"
* extension[initiative].extension[reason].valueString = "Depression, ångest och alkoholberoende. Johan behöver insatser från både psykiatrin och socialtjänsten och stöd för att komma tillbaka till arbete."
* extension[initiative].extension[context].valueCode = #outpatient
* extension[approvedForPatient].valueBoolean = true
* status = #active
* intent = #plan
* category[sipType] = $typeofcareplan#SIP
* title = "Samordnad individuell plan för Johan Berg"
* description = "Samordnad behandling av psykisk ohälsa och beroende, och stöd tillbaka till arbete."
* subject = Reference(sip3-patient)
* period.start = "2026-09-02"
* created = "2026-09-02"
* author = Reference(sip3-role-sjukskoterska)
* careTeam = Reference(sip3-careteam)
* goal[0] = Reference(sip3-goal-viktigt)
* goal[+] = Reference(sip3-goal-nykter)
* insert Activity(Läkemedelsbehandling mot depression och återbesök hos läkare på psykiatrisk mottagning var sjätte vecka, sip3-org-psykiatri, in-progress)
* insert Activity(Öppenvårdsbehandling för alkoholberoende med återfallsprevention två gånger i veckan, sip3-org-beroende, in-progress)
* insert Activity(Arbetsförmedlingen utreder arbetsförmåga och erbjuder arbetsträning med stöd, sip3-role-arbetsformedlare, scheduled)
* insert Activity(God man hjälper Johan att betala räkningar och göra upp en plan för skulderna, sip3-godman, in-progress)

Instance: sip3-meeting
InstanceOf: SipAppointment
Usage: #example
Title: "Scenario 3: first SIP meeting"
* id = "sip3-meeting"
* extension[patientParticipation].extension[participation].valueCode = #present
* status = #fulfilled
* appointmentType = SipMeetingTypeCS#first
* description = "Första SIP-mötet för Johan Berg"
* supportingInformation = Reference(sip3-careplan)
* start = "2026-09-02T13:00:00+02:00"
* end = "2026-09-02T14:30:00+02:00"
* created = "2026-08-21T10:00:00+02:00"
* comment = "Hur samordnar vi behandlingen av depressionen och beroendet? Vilket stöd behöver Johan för att komma tillbaka till arbete?"
* patientInstruction = "Välkommen till ett möte om din samordnade individuella plan på psykiatriska mottagningen, plan 2. Du får gärna ta med din gode man."
* insert MeetingParticipant(sip3-patient)
* insert MeetingParticipant(sip3-godman)
* insert MeetingParticipant(sip3-role-sjukskoterska)
* insert MeetingParticipant(sip3-role-socialsekreterare)
* insert MeetingParticipant(sip3-role-arbetsformedlare)

Instance: sip3-task-beroende
InstanceOf: SipInvitationTask
Usage: #example
Title: "Scenario 3: invitation to addiction care"
* id = "sip3-task-beroende"
* status = #completed
* intent = #order
* code = SipTaskTypeCS#invitation
* description = "Kallelse till första SIP-mötet för Johan Berg"
* basedOn = Reference(sip3-careplan)
* focus = Reference(sip3-meeting)
* for = Reference(sip3-patient)
* authoredOn = "2026-08-21T10:00:00+02:00"
* lastModified = "2026-09-02T14:45:00+02:00"
* requester = Reference(sip3-role-sjukskoterska)
* owner = Reference(sip3-org-beroende)
* restriction.period.end = "2026-08-26T16:00:00+02:00"

Instance: sip3-task-af
InstanceOf: SipInvitationTask
Usage: #example
Title: "Scenario 3: invitation to Arbetsförmedlingen"
* id = "sip3-task-af"
* status = #completed
* intent = #order
* code = SipTaskTypeCS#invitation
* description = "Kallelse till första SIP-mötet för Johan Berg"
* basedOn = Reference(sip3-careplan)
* focus = Reference(sip3-meeting)
* for = Reference(sip3-patient)
* authoredOn = "2026-08-21T10:00:00+02:00"
* lastModified = "2026-09-02T14:45:00+02:00"
* requester = Reference(sip3-role-sjukskoterska)
* owner = Reference(sip3-org-af)
* restriction.period.end = "2026-08-26T16:00:00+02:00"

Instance: sip3-task-fk
InstanceOf: SipInvitationTask
Usage: #example
Title: "Scenario 3: unanswered invitation to Försäkringskassan"
* id = "sip3-task-fk"
* status = #failed
* statusReason.text = "Kallelsen besvarades inte."
* intent = #order
* code = SipTaskTypeCS#invitation
* description = "Kallelse till första SIP-mötet för Johan Berg"
* basedOn = Reference(sip3-careplan)
* focus = Reference(sip3-meeting)
* for = Reference(sip3-patient)
* authoredOn = "2026-08-21T10:00:00+02:00"
* lastModified = "2026-09-02T14:45:00+02:00"
* requester = Reference(sip3-role-sjukskoterska)
* owner = Reference(sip3-org-fk)
* restriction.period.end = "2026-08-26T16:00:00+02:00"

Instance: sip3-deviation-fk
InstanceOf: SipDeviation
Usage: #example
Title: "Scenario 3: deviation, invitation unanswered"
* id = "sip3-deviation-fk"
* status = #final
* code = SipDeviationTypeCS#invitation-unanswered
* patient = Reference(sip3-patient)
* identifiedDateTime = "2026-09-02T14:45:00+02:00"
* author = Reference(sip3-role-sjukskoterska)
* implicated[0] = Reference(sip3-task-fk)
* implicated[+] = Reference(sip3-org-fk)
* implicated[+] = Reference(sip3-careplan)
* detail = "Försäkringskassan svarade inte på kallelsen till första SIP-mötet och deltog inte i mötet."

Instance: sip3-bundle
InstanceOf: Bundle
Usage: #example
Title: "Scenario 3: transaction Bundle"
Description: "The base data of scenario 3: the person, relatives, organisations, staff, care team and goals, PUT with their ids so that loading is idempotent. The plan itself, its consent, meetings, invitations and deviations are made through the $sip-* operations (rule W1); their single examples show the result."
* id = "sip3-bundle"
* type = #transaction
* insert PutEntry(Patient, sip3-patient)
* insert PutEntry(RelatedPerson, sip3-godman)
* insert PutEntry(Organization, sip3-org-kommun)
* insert PutEntry(Organization, sip3-org-beroende)
* insert PutEntry(Organization, sip3-org-region)
* insert PutEntry(Organization, sip3-org-psykiatri)
* insert PutEntry(Organization, sip3-org-af)
* insert PutEntry(Organization, sip3-org-fk)
* insert PutEntry(PractitionerRole, sip3-role-sjukskoterska)
* insert PutEntry(PractitionerRole, sip3-role-socialsekreterare)
* insert PutEntry(PractitionerRole, sip3-role-arbetsformedlare)
* insert PutEntry(CareTeam, sip3-careteam)
* insert PutEntry(Goal, sip3-goal-viktigt)
* insert PutEntry(Goal, sip3-goal-nykter)
