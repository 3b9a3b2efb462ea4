// SipAppointment: a SIP meeting.

Profile: SipAppointment
Parent: Appointment
Id: SipAppointment
Title: "SIP Appointment"
Description: "A SIP meeting, first or follow-up. It refers to its plan in supportingInformation (exactly one reference to a CarePlan, given as a relative reference such as CarePlan/123, or with Reference.type = CarePlan; invariant sip-app-1). The patient instruction is written in Swedish for the person."
* obeys sip-app-1
* extension contains
    SipPatientParticipation named patientParticipation 0..1 MS and
    SipVirtualMeeting named virtualMeeting 0..1 MS
* status MS
* appointmentType 1..1 MS
* appointmentType from SipMeetingTypeVS (required)
* description MS
* supportingInformation 1..* MS
* supportingInformation ^short = "The SIP CarePlan this meeting is about (exactly one), and any other supporting information"
* start 1..1 MS
* end 1..1 MS
* created MS
* comment MS
* comment ^short = "The questions for the meeting"
* patientInstruction MS
* patientInstruction ^short = "Information to the person, in Swedish"
* participant MS
* participant.actor MS
* participant.actor only Reference(SipPatient or SipRelatedPerson or SipPractitionerRole or Location)
