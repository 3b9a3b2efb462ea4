// OperationDefinitions of the SIP workflow (workflow.md, "Operations"). The server serves each of them
// and names it in its CapabilityStatement by these canonical URLs.

RuleSet: SipOperationRules
* status = #active
* kind = #operation
* experimental = false
* publisher = "Samplan"
* affectsState = true

RuleSet: InParam(name, min, max, type, doc)
* parameter[+].name = #{name}
* parameter[=].use = #in
* parameter[=].min = {min}
* parameter[=].max = "{max}"
* parameter[=].type = #{type}
* parameter[=].documentation = "{doc}"

Instance: sip-initiate
InstanceOf: OperationDefinition
Usage: #definition
Title: "$sip-initiate"
* url = "https://samplan.github.io/fhir/OperationDefinition/sip-initiate"
* name = "SipInitiate"
* title = "Ta initiativ till en SIP (initiate a SIP)"
* insert SipOperationRules
* code = #sip-initiate
* description = "Someone takes the initiative to a SIP for a person (R1). Creates a SipCarePlan in phase initiated (status draft) with the sip-initiative extension; the R4 clock starts. Refused with 422 naming R8 when the person already has an open SIP, and R11 when the person has an active coordinated care plan under LPT/LRV (SPLPTLRV). Answers 201 Created with a Location header and the plan."
* resource[0] = #CarePlan
* system = false
* type = true
* instance = false
* insert InParam(patient, 1, 1, Reference, [[The person the plan is for (Patient).]])
* insert InParam(initiator, 1, 1, Reference, [[Who took the initiative: PractitionerRole, Organization, Patient or RelatedPerson.]])
* insert InParam(reason, 0, 1, string, [[Why a SIP is needed.]])
* insert InParam(context, 0, 1, code, [[Where the initiative was taken: outpatient, discharge, school, other (sip-initiative-context).]])
* insert InParam(title, 0, 1, string, [[Title of the plan; default 'Samordnad individuell plan'.]])
* insert InParam(readyForDischarge, 0, 1, date, [[The day the person is ready for discharge from inpatient care: the invitation is then due within the county's discharge limit (3 days). Implies context discharge.]])
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #CarePlan
* parameter[=].documentation = "The created plan."

Instance: sip-close
InstanceOf: OperationDefinition
Usage: #definition
Title: "$sip-close"
* url = "https://samplan.github.io/fhir/OperationDefinition/sip-close"
* name = "SipClose"
* title = "Avsluta en SIP (close a SIP)"
* insert SipOperationRules
* code = #sip-close
* description = "Closes a SIP (R10): records the reason and date in sip-closure, cancels the plan's open invitations (Task.basedOn) and future meetings (Appointment via sip-care-plan), makes its care teams inactive, and sets phase closed with status completed, or revoked when the plan was never active or the consent was withdrawn. One transaction. A closed plan cannot change any more (W2: 422). Returns a collection Bundle of the changed resources, the plan first."
* resource[0] = #CarePlan
* system = false
* type = false
* instance = true
* insert InParam(reason, 1, 1, Coding, [[Why the plan closes, from sip-closure-reason (no-longer-needed, consent-withdrawn, declined, moved, deceased, coordinated-care-plan-instead, entered-in-error).]])
* insert InParam(note, 0, 1, string, [[A note on the closure.]])
* insert InParam(date, 0, 1, dateTime, [[When the plan closed; default now.]])
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "The changed resources, the plan first (collection)."

Instance: sip-consent
InstanceOf: OperationDefinition
Usage: #definition
Title: "$sip-consent"
* url = "https://samplan.github.io/fhir/OperationDefinition/sip-consent"
* name = "SipConsent"
* title = "Registrera samtycke (record consent)"
* insert SipOperationRules
* code = #sip-consent
* description = "Stores the person's consent to the SIP (R2): the server links it to the plan (Consent.provision.data, meaning related), sets Consent.patient to the plan's subject, and moves an initiated plan to consented. For a person under 18 every registered guardian (active RelatedPerson with GUARD) must be a performer, or the child together with a maturity judgement (sip-child-maturity, mature = true); otherwise 422 naming R3. Returns a collection Bundle: the stored consent, then the plan."
* resource[0] = #CarePlan
* system = false
* type = false
* instance = true
* insert InParam(consent, 1, 1, Consent, [[The consent (SipConsent, without id): who gave it (performer), how (sip-consent-method), which organisations may share information (provision.actor, role IRCP), for how long (provision.period).]])
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "The stored consent, then the plan (collection)."

Instance: sip-invite
InstanceOf: OperationDefinition
Usage: #definition
Title: "$sip-invite"
* url = "https://samplan.github.io/fhir/OperationDefinition/sip-invite"
* name = "SipInvite"
* title = "Kalla till SIP-möte (invite to a SIP meeting)"
* insert SipOperationRules
* code = #sip-invite
* description = "Sets a SIP meeting (SipAppointment, status booked, supportingInformation = the plan) and invites each organisation with a SipInvitationTask (status requested, owner = the organisation, restriction.period.end = respondBy; default: the county's days to answer). Needs an active consent to the plan (422 R2) that covers every invited organisation in provision.actor (422 R2, one issue per organisation). The first meeting moves a consented plan to invited; on an active plan the meeting is a follow-up. A closed plan gets no new meetings (422 W2). Returns a collection Bundle: the meeting, the invitations, the plan."
* resource[0] = #CarePlan
* system = false
* type = false
* instance = true
* insert InParam(start, 1, 1, dateTime, [[When the meeting starts.]])
* insert InParam(end, 1, 1, dateTime, [[When the meeting ends (after start).]])
* insert InParam(organization, 1, *, Reference, [[Each organisation invited (SipOrganization); one invitation each.]])
* insert InParam(participant, 0, *, Reference, [[Others asked to the meeting: RelatedPerson, PractitionerRole.]])
* insert InParam(location, 0, 1, Reference, [[Where the meeting is held (Location).]])
* insert InParam(virtualMeetingUrl, 0, 1, url, [[Link to a video meeting (sip-virtual-meeting).]])
* insert InParam(respondBy, 0, 1, dateTime, [[When the invited must answer; default now + samplan.workflow.days-to-answer-invitation (5).]])
* insert InParam(type, 0, 1, code, [[first or follow-up (sip-meeting-type); default first before the plan is active, follow-up after.]])
* insert InParam(note, 0, 1, string, [[The questions for the meeting.]])
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "The meeting, the invitations and the plan (collection)."

Instance: sip-respond
InstanceOf: OperationDefinition
Usage: #definition
Title: "$sip-respond"
* url = "https://samplan.github.io/fhir/OperationDefinition/sip-respond"
* name = "SipRespond"
* title = "Svara på kallelse (answer an invitation)"
* insert SipOperationRules
* code = #sip-respond
* description = "The invited organisation answers its invitation (R5). accept: the Task becomes accepted; an attendee (PractitionerRole) joins the meeting and the plan's care team (created with the person when the plan has none). decline: needs a reason (422 R5), the Task becomes rejected with the reason in statusReason, and the server records a SipDeviation of type invitation-declined (R12). Only the owner organisation may answer (403 R5; until the access issue lands the caller's organisation is read from the temporary header X-Samplan-Organization). An invitation already answered or cancelled cannot be answered (422 R5). Returns a collection Bundle of the changed resources, the invitation first."
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert InParam(answer, 1, 1, code, [[accept or decline (sip-invitation-answer).]])
* insert InParam(reason, 0, 1, string, [[Why the organisation declines; required with decline.]])
* insert InParam(attendee, 0, 1, Reference, [[Who attends for the organisation (PractitionerRole).]])
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "The changed resources, the invitation first (collection)."

Instance: sip-activate
InstanceOf: OperationDefinition
Usage: #definition
Title: "$sip-activate"
* url = "https://samplan.github.io/fhir/OperationDefinition/sip-activate"
* name = "SipActivate"
* title = "Fastställ planen (activate the plan)"
* insert SipOperationRules
* code = #sip-activate
* description = "The first meeting was held and the plan is complete, so it becomes active (phase active, status active). Needs an active consent (422 R2) and phase invited (422 W1). Checks R6 and lists every missing part in one 422: the person's goals, at least one activity, a description and a performer for each activity, the principal with overall responsibility (an organisation of kind kommun or region), a next follow-up in the future, and a held meeting of the plan (started, not cancelled). Then the meeting becomes fulfilled with the person's participation, the invitations of the organisations that attended are completed, those invited but absent are failed and recorded as SipDeviation absent-from-meeting (R12), attending staff join the care team, and the plan is approved for the person (sip-approved-for-patient = true) unless samplan.workflow.approve-for-patient-on-activate is false. Returns the changed resources, the plan first (collection Bundle)."
* resource[0] = #CarePlan
* system = false
* type = false
* instance = true
* insert InParam(meeting, 1, 1, Reference, [[The meeting where the plan was agreed (an Appointment of the plan).]])
* insert InParam(attended, 1, *, Reference, [[Who came: Organization, or PractitionerRole (counts for its organisation).]])
* insert InParam(patientParticipation, 0, 1, code, [[present, represented or absent (sip-patient-participation).]])
* insert InParam(patientParticipationReason, 0, 1, string, [[Why the person was absent, or how represented.]])
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "The changed resources, the plan first (collection)."

Instance: sip-follow-up
InstanceOf: OperationDefinition
Usage: #definition
Title: "$sip-follow-up"
* url = "https://samplan.github.io/fhir/OperationDefinition/sip-follow-up"
* name = "SipFollowUp"
* title = "Följ upp planen (follow up the plan)"
* insert SipOperationRules
* code = #sip-follow-up
* description = "Records a held follow-up meeting of an active plan (R9): the same checks as $sip-activate (R2, R6, with nextFollowUp as the next follow-up; 422 W1 when the plan is not active), the meeting recorded in the same way, the outcome added to CarePlan.note and the next follow-up booked in sip-next-follow-up. The plan gets a new version, so its _history shows it as it was at each meeting. Returns the changed resources, the plan first (collection Bundle)."
* resource[0] = #CarePlan
* system = false
* type = false
* instance = true
* insert InParam(meeting, 1, 1, Reference, [[The follow-up meeting (an Appointment of the plan).]])
* insert InParam(attended, 1, *, Reference, [[Who came: Organization, or PractitionerRole.]])
* insert InParam(outcome, 0, 1, string, [[What the meeting concluded.]])
* insert InParam(nextFollowUp, 1, 1, dateTime, [[The next follow-up, in the future.]])
* insert InParam(patientParticipation, 0, 1, code, [[present, represented or absent.]])
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "The changed resources, the plan first (collection)."

Instance: sip-withdraw-consent
InstanceOf: OperationDefinition
Usage: #definition
Title: "$sip-withdraw-consent"
* url = "https://samplan.github.io/fhir/OperationDefinition/sip-withdraw-consent"
* name = "SipWithdrawConsent"
* title = "Återkalla samtycket (withdraw consent)"
* insert SipOperationRules
* code = #sip-withdraw-consent
* description = "The person, or a guardian, withdraws the consent to the SIP (R2), which they may do at any time. Every active consent to the plan becomes inactive; with no consent left the plan closes with reason consent-withdrawn and status revoked (R10): open invitations and future meetings are cancelled and the care team becomes inactive. 422 R2 when there is no active consent. Returns the changed resources, the plan first (collection Bundle)."
* resource[0] = #CarePlan
* system = false
* type = false
* instance = true
* insert InParam(withdrawnBy, 1, 1, Reference, [[Who withdraws: the person (Patient) or a guardian (RelatedPerson).]])
* insert InParam(note, 0, 1, string, [[A note, kept in the plan's sip-closure.]])
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "The changed resources, the plan first (collection)."

Instance: sip-summary
InstanceOf: OperationDefinition
Usage: #definition
Title: "$sip-summary"
* url = "https://samplan.github.io/fhir/OperationDefinition/sip-summary"
* name = "SipSummary"
* title = "Min plan (the plan for the person)"
* status = #active
* kind = #operation
* experimental = false
* publisher = "Samplan"
* affectsState = false
* code = #sip-summary
* description = "The plan as the person reads it, in plain Swedish (R13): what matters to me and my goals; each service with what, who and when; who holds overall responsibility; my contacts with phone; the next follow-up and coming meetings; my consent and how to withdraw it. By default a FHIR document Bundle (type document, Composition first, every section with narrative); with Accept text/html or _format=html an accessible, printable HTML page; with Accept application/pdf or _format=pdf the same as PDF. Open to whoever may read the plan (access.md); 404 otherwise. Each call is logged (R15)."
* resource[0] = #CarePlan
* system = false
* type = false
* instance = true
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Resource
* parameter[=].documentation = "The document Bundle, or a Binary with the HTML page or the PDF."

Instance: sip-worklist
InstanceOf: OperationDefinition
Usage: #definition
Title: "$sip-worklist"
* url = "https://samplan.github.io/fhir/OperationDefinition/sip-worklist"
* name = "SipWorklist"
* title = "Arbetslista (what waits for the caller)"
* status = #active
* kind = #operation
* experimental = false
* publisher = "Samplan"
* affectsState = false
* code = #sip-worklist
* description = "What waits for the caller's organisation, earliest due first (followup.md, \"Worklists\"): invitations-to-answer (its open invitations, due by their answer-by date), follow-ups-due (active plans it holds overall responsibility for or performs a service in, with the follow-up within `days`), follow-ups-overdue (the same, with the follow-up date passed), waiting-for-consent (plans it initiated that have no consent yet, due by the invitation deadline), waiting-for-meeting (plans consented or invited whose first meeting is not held, due by the invitation or first-meeting deadline), deviations-open (deviations implicating it, of plans not closed). The person or a guardian gets meetings-to-answer: their coming meetings not answered yet. Only what the caller may read (access.md). Answers a searchset Bundle, a page at a time with next and previous links; each entry's due date in entry.search.extension (sip-worklist-due)."
* system = true
* type = false
* instance = false
* insert InParam(kind, 1, 1, code, [[invitations-to-answer | follow-ups-due | follow-ups-overdue | waiting-for-consent | waiting-for-meeting | deviations-open | meetings-to-answer.]])
* insert InParam(days, 0, 1, integer, [[For follow-ups-due: how many days ahead; default 14.]])
* insert InParam(_count, 0, 1, integer, [[At most this many entries (default 50, at most 500); Bundle.total counts them all.]])
* insert InParam(_offset, 0, 1, integer, [[Skip this many entries (default 0): the page after is in the Bundle's next link.]])
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "A searchset Bundle, earliest due first."
