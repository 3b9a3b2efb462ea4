// Extensions of the samplan.fhir.sip package (fhir-model.md, "Extensions").

// ---------------------------------------------------------------- CarePlan

Extension: SipPhase
Id: sip-phase
Title: "SIP phase"
Description: "The phase of the SIP in the planning workflow (initiated, consented, invited, active, closed). Managed by the server: clients never set or change it (rule W1)."
Context: CarePlan
* value[x] only code
* value[x] 1..1
* value[x] from SipPhaseVS (required)

Extension: SipOverallResponsibility
Id: sip-overall-responsibility
Title: "SIP overall responsibility"
Description: "The principal, the municipality (kommun) or the region, that has the overall responsibility for the plan (R6)."
Context: CarePlan
* value[x] only Reference(SipOrganization)
* value[x] 1..1

Extension: SipNextFollowUp
Id: sip-next-follow-up
Title: "SIP next follow-up"
Description: "When the plan is next followed up (R9). Booked at every meeting."
Context: CarePlan
* value[x] only dateTime
* value[x] 1..1

Extension: SipInitiative
Id: sip-initiative
Title: "SIP initiative"
Description: "Who took the initiative to the SIP, when, why and in which setting (R1, R4). The date starts the clock for the county's deadlines."
Context: CarePlan
* extension contains
    initiatedBy 1..1 MS and
    date 1..1 MS and
    reason 0..1 MS and
    context 0..1 MS and
    readyForDischarge 0..1 MS
* extension[initiatedBy] ^short = "Who took the initiative"
* extension[initiatedBy].value[x] only Reference(SipPatient or SipRelatedPerson or SipPractitionerRole or SipOrganization)
* extension[date] ^short = "When the initiative was taken"
* extension[date].value[x] only dateTime
* extension[reason] ^short = "Why a SIP is needed"
* extension[reason].value[x] only string
* extension[context] ^short = "outpatient | discharge | school | other"
* extension[context].value[x] only code
* extension[context].value[x] from SipInitiativeContextVS (required)
* extension[readyForDischarge] ^short = "When the person is ready for discharge from inpatient care (context discharge)"
* extension[readyForDischarge] ^definition = "The day the person was judged ready for discharge (utskrivningsklar). The invitation is then due within the county's discharge limit (3 days, lag 2017:612) instead of the ordinary one."
* extension[readyForDischarge].value[x] only date

Extension: SipDue
Id: sip-due
Title: "SIP due date"
Description: "A deadline of the start of the plan (R4), one per kind: when the invitation and the first meeting are due. Computed and kept by the server from the initiative and the county's day limits; a client's value is replaced. The invitation's answer-by date is on the Task (restriction.period.end), the follow-up's in sip-next-follow-up."
Context: CarePlan
* extension contains
    kind 1..1 MS and
    date 1..1 MS
* extension[kind].value[x] only code
* extension[kind].value[x] from SipDueKindVS (required)
* extension[date].value[x] only date

Extension: SipClosure
Id: sip-closure
Title: "SIP closure"
Description: "Why and when the SIP was closed (R10)."
Context: CarePlan
* extension contains
    reason 1..1 MS and
    date 1..1 MS and
    note 0..1 MS
* extension[reason].value[x] only Coding
* extension[reason].value[x] from SipClosureReasonVS (required)
* extension[date].value[x] only dateTime
* extension[note].value[x] only string

Extension: SipApprovedForPatient
Id: sip-approved-for-patient
Title: "SIP approved for patient"
Description: "Whether the plan may be shown to the person in the patient portal; same meaning as approvedForPatient in the national care-plan service (R13)."
Context: CarePlan
* value[x] only boolean
* value[x] 1..1

Extension: SipGuardianAccess
Id: sip-guardian-access
Title: "SIP guardian access"
Description: "Guardians may read this plan although the child is 13 to 15 years old (R13). Never gives access to a child with protected identity."
Context: CarePlan
* value[x] only boolean
* value[x] 1..1

// ---------------------------------------------------------------- Appointment

Extension: SipPatientParticipation
Id: sip-patient-participation
Title: "SIP patient participation"
Description: "Whether the person took part in the SIP meeting (present, represented, absent), and if not, why (R6)."
Context: Appointment
* obeys sip-pp-1
* extension contains
    participation 1..1 MS and
    reason 0..1 MS
* extension[participation].value[x] only code
* extension[participation].value[x] from SipPatientParticipationVS (required)
* extension[reason] ^short = "Why the person did not take part, or how they were represented"
* extension[reason].value[x] only string

Extension: SipVirtualMeeting
Id: sip-virtual-meeting
Title: "SIP virtual meeting"
Description: "The address of a video meeting for the SIP meeting."
Context: Appointment
* value[x] only url
* value[x] 1..1

// ---------------------------------------------------------------- Consent

Extension: SipConsentMethod
Id: sip-consent-method
Title: "SIP consent method"
Description: "How the consent was given: spoken, written or digital (R2)."
Context: Consent
* value[x] only code
* value[x] 1..1
* value[x] from SipConsentMethodVS (required)

Extension: SipChildMaturity
Id: sip-child-maturity
Title: "SIP child maturity"
Description: "The documented judgement whether a child is mature enough to consent for themself (R3)."
Context: Consent
* extension contains
    mature 1..1 MS and
    assessedBy 1..1 MS and
    date 1..1 MS and
    note 0..1 MS
* extension[mature].value[x] only boolean
* extension[assessedBy].value[x] only Reference(SipPractitionerRole)
* extension[date].value[x] only dateTime
* extension[note].value[x] only string

// ---------------------------------------------------------------- Organization

Extension: SipMunicipalityCode
Id: sip-municipality-code
Title: "SIP municipality code (kommunkod)"
Description: "The municipality (KV Kommun, 4-digit SCB code) an organisation belongs to or is."
Context: Organization
* value[x] only Coding
* value[x] 1..1
* valueCoding.system 1..1
* valueCoding.system = "urn:oid:1.2.752.129.2.2.1.17" (exactly)
* valueCoding.code 1..1
* valueCoding obeys sip-kommun-1

Extension: SipCountyCode
Id: sip-county-code
Title: "SIP county code (länskod)"
Description: "The county (KV Län, 2-digit SCB code) an organisation belongs to or is."
Context: Organization
* value[x] only Coding
* value[x] 1..1
* valueCoding.system 1..1
* valueCoding.system = "urn:oid:1.2.752.129.2.2.1.18" (exactly)
* valueCoding.code 1..1
* valueCoding obeys sip-lan-1

// ---------------------------------------------------------------- Bundle

Extension: SipWorklistDue
Id: sip-worklist-due
Title: "SIP worklist due date"
Description: "When the entry of a $sip-worklist answer is due: the invitation's answer-by date, the follow-up date, the plan's deadline, the meeting's start, or when the deviation was identified."
Context: Bundle.entry.search
* value[x] only dateTime
* value[x] 1..1
