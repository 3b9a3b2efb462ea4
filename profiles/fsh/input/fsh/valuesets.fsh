// Value sets of the samplan.fhir.sip package: one per local code system (same id, all codes),
// plus sip-relationship.

RuleSet: SipValueSetRules
* ^language = #sv
* ^experimental = false
* ^publisher = "Samplan"

ValueSet: SipPhaseVS
Id: sip-phase
Title: "SIP-fas (SIP phase)"
Description: "All codes of the code system sip-phase."
* insert SipValueSetRules
* include codes from system SipPhaseCS

ValueSet: SipOrganizationKindVS
Id: sip-organization-kind
Title: "Typ av aktör i SIP (SIP organisation kind)"
Description: "All codes of the code system sip-organization-kind."
* insert SipValueSetRules
* include codes from system SipOrganizationKindCS

ValueSet: SipParticipantRoleVS
Id: sip-participant-role
Title: "Roll i SIP (SIP participant role)"
Description: "All codes of the code system sip-participant-role."
* insert SipValueSetRules
* include codes from system SipParticipantRoleCS

ValueSet: SipGoalCategoryVS
Id: sip-goal-category
Title: "Kategori av mål i SIP (SIP goal category)"
Description: "All codes of the code system sip-goal-category."
* insert SipValueSetRules
* include codes from system SipGoalCategoryCS

ValueSet: SipCareTeamVS
Id: sip-care-team
Title: "Typ av SIP-team (SIP care team category)"
Description: "All codes of the code system sip-care-team."
* insert SipValueSetRules
* include codes from system SipCareTeamCS

ValueSet: SipConsentCategoryVS
Id: sip-consent-category
Title: "Kategori av samtycke för SIP (SIP consent category)"
Description: "All codes of the code system sip-consent-category."
* insert SipValueSetRules
* include codes from system SipConsentCategoryCS

ValueSet: SipTaskTypeVS
Id: sip-task-type
Title: "Typ av uppgift i SIP (SIP task type)"
Description: "All codes of the code system sip-task-type."
* insert SipValueSetRules
* include codes from system SipTaskTypeCS

ValueSet: SipMeetingTypeVS
Id: sip-meeting-type
Title: "Typ av SIP-möte (SIP meeting type)"
Description: "All codes of the code system sip-meeting-type."
* insert SipValueSetRules
* include codes from system SipMeetingTypeCS

ValueSet: SipClosureReasonVS
Id: sip-closure-reason
Title: "Orsak till avslut av SIP (SIP closure reason)"
Description: "All codes of the code system sip-closure-reason."
* insert SipValueSetRules
* include codes from system SipClosureReasonCS

ValueSet: SipDeviationTypeVS
Id: sip-deviation-type
Title: "Typ av avvikelse i SIP (SIP deviation type)"
Description: "All codes of the code system sip-deviation-type."
* insert SipValueSetRules
* include codes from system SipDeviationTypeCS

ValueSet: SipDueKindVS
Id: sip-due-kind
Title: "Tidsgräns i SIP (SIP due kind)"
Description: "All codes of the code system sip-due-kind."
* insert SipValueSetRules
* include codes from system SipDueKindCS

ValueSet: SipRuleVS
Id: sip-rule
Title: "Regler för SIP (SIP rules)"
Description: "All codes of the code system sip-rule."
* insert SipValueSetRules
* include codes from system SipRuleCS

ValueSet: SipInitiativeContextVS
Id: sip-initiative-context
Title: "Sammanhang för initiativ till SIP (SIP initiative context)"
Description: "All codes of the code system sip-initiative-context."
* insert SipValueSetRules
* include codes from system SipInitiativeContextCS

ValueSet: SipConsentMethodVS
Id: sip-consent-method
Title: "Sätt att lämna samtycke (Consent method)"
Description: "All codes of the code system sip-consent-method."
* insert SipValueSetRules
* include codes from system SipConsentMethodCS

ValueSet: SipPatientParticipationVS
Id: sip-patient-participation
Title: "Den enskildes deltagande (Patient participation)"
Description: "All codes of the code system sip-patient-participation."
* insert SipValueSetRules
* include codes from system SipPatientParticipationCS

ValueSet: SipInvitationAnswerVS
Id: sip-invitation-answer
Title: "Svar på kallelse (Invitation answer)"
Description: "All codes of the code system sip-invitation-answer."
* insert SipValueSetRules
* include codes from system SipInvitationAnswerCS

ValueSet: SipRelationshipVS
Id: sip-relationship
Title: "Relation till den enskilde (SIP relationship)"
Description: "How a related person stands to the person in a SIP: guardian (vårdnadshavare), next of kin or family member (närstående), or legal representative such as god man or förvaltare (POWATT)."
* insert SipValueSetRules
* $v3-RoleCode#GUARD "guardian"
* $v3-RoleCode#NOK "next of kin"
* $v3-RoleCode#FAMMEMB "family member"
* $v3-RoleCode#POWATT "power of attorney"
