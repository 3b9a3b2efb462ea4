// Search parameters of the samplan.fhir.sip package (fhir-model.md, "Search parameters").

RuleSet: SipSearchParameterRules
* status = #active
* experimental = false
* publisher = "Samplan"
* xpathUsage = #normal

Instance: SipPhaseSearchParameter
InstanceOf: SearchParameter
Usage: #definition
Title: "CarePlan sip-phase"
* id = "sip-phase"
* url = "https://samplan.github.io/fhir/SearchParameter/sip-phase"
* name = "SipPhase"
* insert SipSearchParameterRules
* description = "Search SIP CarePlans by their phase (initiated, consented, invited, active, closed), from the sip-phase extension."
* code = #sip-phase
* base[0] = #CarePlan
* type = #token
* expression = "CarePlan.extension('https://samplan.github.io/fhir/StructureDefinition/sip-phase').value"

Instance: SipOverallResponsibilitySearchParameter
InstanceOf: SearchParameter
Usage: #definition
Title: "CarePlan sip-overall-responsibility"
* id = "sip-overall-responsibility"
* url = "https://samplan.github.io/fhir/SearchParameter/sip-overall-responsibility"
* name = "SipOverallResponsibility"
* insert SipSearchParameterRules
* description = "Search SIP CarePlans by the principal (kommun or region) with overall responsibility, from the sip-overall-responsibility extension."
* code = #sip-overall-responsibility
* base[0] = #CarePlan
* type = #reference
* target[0] = #Organization
* expression = "CarePlan.extension('https://samplan.github.io/fhir/StructureDefinition/sip-overall-responsibility').value"

Instance: SipNextFollowUpSearchParameter
InstanceOf: SearchParameter
Usage: #definition
Title: "CarePlan sip-next-follow-up"
* id = "sip-next-follow-up"
* url = "https://samplan.github.io/fhir/SearchParameter/sip-next-follow-up"
* name = "SipNextFollowUp"
* insert SipSearchParameterRules
* description = "Search SIP CarePlans by the date of the next follow-up, from the sip-next-follow-up extension (e.g. sip-next-follow-up=lt2027-01-01 for plans due for follow-up)."
* code = #sip-next-follow-up
* base[0] = #CarePlan
* type = #date
* expression = "CarePlan.extension('https://samplan.github.io/fhir/StructureDefinition/sip-next-follow-up').value"
* comparator[0] = #eq
* comparator[+] = #ne
* comparator[+] = #gt
* comparator[+] = #lt
* comparator[+] = #ge
* comparator[+] = #le

Instance: SipCarePlanSearchParameter
InstanceOf: SearchParameter
Usage: #definition
Title: "Appointment sip-care-plan"
* id = "sip-care-plan"
* url = "https://samplan.github.io/fhir/SearchParameter/sip-care-plan"
* name = "SipCarePlan"
* insert SipSearchParameterRules
* description = "Search SIP meetings (Appointment) by the SIP CarePlan they refer to in supportingInformation."
* code = #sip-care-plan
* base[0] = #Appointment
* type = #reference
* target[0] = #CarePlan
* expression = "Appointment.supportingInformation.where(resolve() is CarePlan)"
