/** What the server conforms to: installs the samplan.fhir.sip package at start-up and publishes it in the CapabilityStatement. */
package se.samplan.server.conformance;
