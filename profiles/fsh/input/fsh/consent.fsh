// SipConsent: the person's (or the guardians') consent to the SIP (R2, R3).

Profile: SipConsent
Parent: Consent
Id: SipConsent
Title: "SIP Consent"
Description: "Consent to a SIP and to the organisations that may share information for it (R2). For a child the guardians give consent, both when there are two; a child judged mature consents for themself (R3, sip-child-maturity). Consent may be time-limited (provision.period) and can be withdrawn at any time. Note that the base resource requires policy or policyRule (ppc-1): give the legal basis in policy.uri."
* extension contains
    SipConsentMethod named method 1..1 MS and
    SipChildMaturity named childMaturity 0..1 MS
* status MS
// Replaces the base resource's example, whose value is no URI although its system says so (the HL7 validator refuses it).
* identifier ^example[0].label = "Samtyckets id i journalen"
* identifier ^example[0].valueIdentifier.system = "urn:ietf:rfc:3986"
* identifier ^example[0].valueIdentifier.value = "urn:uuid:3f1c1a52-7a0e-4c61-9d8f-0f6d2b1d5e21"
* scope = $consentscope#patient-privacy
* category MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category ^slicing.description = "Consent to a SIP"
* category contains sip 1..1 MS
* category[sip] = SipConsentCategoryCS#sip
* patient 1..1 MS
* patient only Reference(SipPatient)
* dateTime 1..1 MS
* performer 1..* MS
* performer only Reference(SipPatient or SipRelatedPerson)
* performer ^short = "Who gave the consent: the person, the guardians (both) or the legal representative"
* organization MS
* organization only Reference(SipOrganization)
* organization ^short = "The organisation that recorded the consent"
* policy MS
* provision 1..1 MS
* provision.type 1..1 MS
* provision.type = #permit
* provision.period MS
* provision.period ^short = "How long the consent is valid (time limit)"
* provision.actor 1..* MS
* provision.actor ^short = "The organisations that may share information for the plan"
* provision.actor.role = $v3-ParticipationType#IRCP
* provision.actor.reference only Reference(SipOrganization)
* provision.data 1..* MS
* provision.data.meaning = #related
* provision.data.reference only Reference(SipCarePlan)
* provision.data ^short = "The SIP this consent covers"
