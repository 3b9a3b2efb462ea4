/** The Samplan application: boots HAPI FHIR's JPA server with the SIP features. */
package se.samplan.server;
