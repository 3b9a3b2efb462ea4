/** What the server conforms to: installs the samplan.fhir.sip package at start-up, publishes it in the CapabilityStatement and serves the implementation guide at /ig/. */
package se.samplan.server.conformance;
