/**
 * The plan as the person reads it (R13): {@code $sip-summary} as a FHIR document, HTML and PDF, the
 * person's own writes (answers to meetings, what matters to me), and the "Mina planer" portal page.
 */
package se.samplan.server.patientview;
