// SipCarePlan: the samordnad individuell plan itself.

Profile: SipCarePlan
Parent: CarePlan
Id: SipCarePlan
Title: "SIP CarePlan"
Description: "A samordnad individuell plan (SIP): one plan, made together with the person, that coordinates what social services, health care and other actors do for them. The phase (sip-phase) and the status are managed by the server through the $sip-* operations (W1). An active plan must be complete (R6): care team, activities each with description and performer, the principal with overall responsibility, and the next follow-up."
* obeys sip-cp-1 and sip-cp-2 and sip-cp-3 and sip-cp-4 and sip-cp-5
* extension contains
    SipPhase named phase 0..1 MS and
    SipOverallResponsibility named overallResponsibility 0..1 MS and
    SipNextFollowUp named nextFollowUp 0..1 MS and
    SipInitiative named initiative 0..1 MS and
    SipClosure named closure 0..1 MS and
    SipApprovedForPatient named approvedForPatient 0..1 MS and
    SipGuardianAccess named guardianAccess 0..1 MS and
    SipDue named due 0..* MS
* status MS
* status ^comment = "Managed by the server together with sip-phase: draft (initiated, consented, invited), active, completed or revoked (closed)."
* intent = #plan
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category ^slicing.description = "The national care-plan type: SIP"
* category contains sipType 1..1 MS
* category[sipType] = $typeofcareplan#SIP
* title 1..1 MS
* description MS
* subject only Reference(SipPatient)
* subject MS
* period MS
* created MS
* author MS
* careTeam only Reference(SipCareTeam)
* careTeam MS
* goal only Reference(SipGoal)
* goal MS
* activity MS
* activity.detail MS
* activity.detail.description MS
* activity.detail.description ^short = "What the service (insats) is, in plain Swedish"
* activity.detail.performer MS
* activity.detail.performer only Reference(SipOrganization or SipPractitionerRole or SipRelatedPerson or SipPatient)
* activity.detail.performer ^short = "Who carries out the service"
* note MS
