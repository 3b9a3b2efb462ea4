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
