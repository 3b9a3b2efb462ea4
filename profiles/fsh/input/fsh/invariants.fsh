// Invariants (FHIRPath constraints) of the samplan.fhir.sip profiles.
// The human texts are English (they reach developers through the validator's messages);
// the keys are stable and are used by tests and by the server's error mapping.

// ---------------------------------------------------------------- Swedish identifiers
// Evaluated on an Identifier (the personnummer / samordningsnummer slice). The value must be
// 12 digits YYYYMMDDNNNC: month 01-12, day 01-31 (samordningsnummer: day + 60, so 61-91) and
// a Luhn (mod 10) check digit over the last 10 digits: the digits at 0-based positions
// 2, 4, 6, 8, 10 are doubled (and the digits of the product added), those at 3, 5, 7, 9, 11
// are added as they are, and the total must be divisible by 10. The iif() guard makes any
// value that is not 12 digits fail (false), never evaluate to empty.

Invariant: sip-pnr-1
Description: "Personnummer must be 12 digits YYYYMMDDNNNC with a valid date and Luhn check digit"
Severity: #error
Expression: "iif(value.matches('^[0-9]{12}$'), value.substring(4,2).toInteger() >= 1 and value.substring(4,2).toInteger() <= 12 and value.substring(6,2).toInteger() >= 1 and value.substring(6,2).toInteger() <= 31 and (((value.substring(2,1).toInteger() * 2) div 10) + ((value.substring(2,1).toInteger() * 2) mod 10) + value.substring(3,1).toInteger() + ((value.substring(4,1).toInteger() * 2) div 10) + ((value.substring(4,1).toInteger() * 2) mod 10) + value.substring(5,1).toInteger() + ((value.substring(6,1).toInteger() * 2) div 10) + ((value.substring(6,1).toInteger() * 2) mod 10) + value.substring(7,1).toInteger() + ((value.substring(8,1).toInteger() * 2) div 10) + ((value.substring(8,1).toInteger() * 2) mod 10) + value.substring(9,1).toInteger() + ((value.substring(10,1).toInteger() * 2) div 10) + ((value.substring(10,1).toInteger() * 2) mod 10) + value.substring(11,1).toInteger()) mod 10 = 0, false)"

Invariant: sip-snr-1
Description: "Samordningsnummer must be 12 digits YYYYMMDDNNNC with the day plus 60 (61-91), a valid month and a Luhn check digit"
Severity: #error
Expression: "iif(value.matches('^[0-9]{12}$'), value.substring(4,2).toInteger() >= 1 and value.substring(4,2).toInteger() <= 12 and value.substring(6,2).toInteger() >= 61 and value.substring(6,2).toInteger() <= 91 and (((value.substring(2,1).toInteger() * 2) div 10) + ((value.substring(2,1).toInteger() * 2) mod 10) + value.substring(3,1).toInteger() + ((value.substring(4,1).toInteger() * 2) div 10) + ((value.substring(4,1).toInteger() * 2) mod 10) + value.substring(5,1).toInteger() + ((value.substring(6,1).toInteger() * 2) div 10) + ((value.substring(6,1).toInteger() * 2) mod 10) + value.substring(7,1).toInteger() + ((value.substring(8,1).toInteger() * 2) div 10) + ((value.substring(8,1).toInteger() * 2) mod 10) + value.substring(9,1).toInteger() + ((value.substring(10,1).toInteger() * 2) div 10) + ((value.substring(10,1).toInteger() * 2) mod 10) + value.substring(11,1).toInteger()) mod 10 = 0, false)"

Invariant: sip-orgnr-1
Description: "Organisationsnummer must be 10 digits"
Severity: #error
Expression: "value.matches('^[0-9]{10}$')"

Invariant: sip-org-1
Description: "An organisation needs an HSA-id or an organisationsnummer"
Severity: #error
Expression: "identifier.where(system = 'urn:oid:1.2.752.29.4.19' or system = 'urn:oid:2.5.4.97').exists()"

Invariant: sip-kommun-1
Description: "A kommunkod (KV Kommun) is 4 digits"
Severity: #error
Expression: "code.matches('^[0-9]{4}$')"

Invariant: sip-lan-1
Description: "A länskod (KV Län) is 2 digits"
Severity: #error
Expression: "code.matches('^[0-9]{2}$')"

// ---------------------------------------------------------------- CarePlan (R6)
// A plan in phase active (status = active) must be complete. Each part has its own key so a
// client learns exactly what is missing.

Invariant: sip-cp-1
Description: "An active SIP needs a care team (CarePlan.careTeam)"
Severity: #error
Expression: "status = 'active' implies careTeam.exists()"

Invariant: sip-cp-2
Description: "An active SIP needs at least one activity (CarePlan.activity)"
Severity: #error
Expression: "status = 'active' implies activity.exists()"

Invariant: sip-cp-3
Description: "In an active SIP every activity needs a description and a performer (CarePlan.activity.detail.description, CarePlan.activity.detail.performer)"
Severity: #error
Expression: "status = 'active' implies activity.all(detail.description.exists() and detail.performer.exists())"

Invariant: sip-cp-4
Description: "An active SIP needs the principal with overall responsibility (extension sip-overall-responsibility)"
Severity: #error
Expression: "status = 'active' implies extension.where(url = 'https://samplan.github.io/fhir/StructureDefinition/sip-overall-responsibility').exists()"

Invariant: sip-cp-5
Description: "An active SIP needs the date of the next follow-up (extension sip-next-follow-up)"
Severity: #error
Expression: "status = 'active' implies extension.where(url = 'https://samplan.github.io/fhir/StructureDefinition/sip-next-follow-up').exists()"

// ---------------------------------------------------------------- Appointment
Invariant: sip-app-1
Description: "A SIP meeting refers to exactly one SIP CarePlan in supportingInformation"
Severity: #error
Expression: "supportingInformation.where(type = 'CarePlan' or reference.startsWith('CarePlan/') or reference.contains('/CarePlan/')).count() = 1"

// ---------------------------------------------------------------- Task (R5)
Invariant: sip-task-1
Description: "A rejected invitation needs a reason (statusReason)"
Severity: #error
Expression: "status = 'rejected' implies statusReason.exists()"

// ---------------------------------------------------------------- Extensions
Invariant: sip-pp-1
Description: "When the person did not take part in the meeting (absent), the reason is recorded"
Severity: #error
Expression: "extension.where(url = 'participation').value.ofType(code) = 'absent' implies extension.where(url = 'reason').exists()"
