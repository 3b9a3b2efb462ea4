// SipGoal, SipCareTeam and SipDeviation.

Profile: SipGoal
Parent: Goal
Id: SipGoal
Title: "SIP Goal"
Description: "A goal in a SIP: what matters to the person in their own words (what-matters-to-me), or a shared goal of the plan (goal). Who expressed it is recorded."
* category 1..* MS
* category from SipGoalCategoryVS (required)
* description MS
* subject MS
* subject only Reference(SipPatient)
* expressedBy 1..1 MS
* expressedBy only Reference(SipPatient or SipRelatedPerson or SipPractitionerRole)
* lifecycleStatus MS
* startDate MS
* note MS

Profile: SipCareTeam
Parent: CareTeam
Id: SipCareTeam
Title: "SIP CareTeam"
Description: "Everyone taking part in a SIP: the person, guardians and relatives, the coordinator, the designated care contact and the staff of each organisation. A PractitionerRole member already carries its organisation; onBehalfOf is only allowed for Practitioner members (base invariant ctm-1)."
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category ^slicing.description = "SIP care team"
* category contains sipTeam 1..1 MS
* category[sipTeam] = SipCareTeamCS#sip
* status MS
* subject 1..1 MS
* subject only Reference(SipPatient)
* participant 1..* MS
* participant.role 1..1 MS
* participant.role from SipParticipantRoleVS (required)
* participant.member 1..1 MS
* participant.member only Reference(SipPatient or SipRelatedPerson or SipPractitionerRole or SipOrganization)
* participant.onBehalfOf MS
* participant.onBehalfOf only Reference(SipOrganization)
* participant.period MS
* managingOrganization MS
* managingOrganization only Reference(SipOrganization)

Profile: SipDeviation
Parent: DetectedIssue
Id: SipDeviation
Title: "SIP deviation"
Description: "A deviation (avvikelse) in the cooperation around a SIP (R12): an unanswered or declined invitation, a party absent from a meeting, a service not delivered, an overdue follow-up. Counted in the yearly follow-up (R14)."
* status MS
* code 1..1 MS
* code from SipDeviationTypeVS (required)
* patient 1..1 MS
* patient only Reference(SipPatient)
* identified[x] 1..1 MS
* author MS
* author only Reference(SipPractitionerRole or Device)
* implicated 1..* MS
* implicated ^short = "The plan, the invitation, the meeting and the organisation concerned"
* detail MS
