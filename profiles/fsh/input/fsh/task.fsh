// SipInvitationTask: the invitation (kallelse) of one organisation to a SIP meeting (R5).

Profile: SipInvitationTask
Parent: Task
Id: SipInvitationTask
Title: "SIP invitation Task"
Description: "The invitation (kallelse) of one organisation to a SIP meeting. The owner organisation answers it (accepted or rejected through $sip-respond); a decline needs a reason (R5) and is reported as a deviation (R12). restriction.period.end is the date by which to answer."
* obeys sip-task-1
* status MS
* statusReason MS
* statusReason ^short = "Why the invitation was declined (required when rejected)"
* intent = #order
* code 1..1 MS
* code = SipTaskTypeCS#invitation
* basedOn 1..1 MS
* basedOn only Reference(SipCarePlan)
* focus 1..1 MS
* focus only Reference(SipAppointment)
* for 1..1 MS
* for only Reference(SipPatient)
* authoredOn MS
* requester 1..1 MS
* requester only Reference(SipPractitionerRole or SipOrganization)
* owner 1..1 MS
* owner only Reference(SipOrganization)
* restriction MS
* restriction.period.end MS
* restriction.period.end ^short = "Answer by"
* note MS
* output MS
