/** Wiring of HAPI FHIR's JPA server: storage settings, persistence, and the REST servlet at /fhir. */
package se.samplan.server.hapi;
