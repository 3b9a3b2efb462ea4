package se.samplan.server.conformance;

/** Published once the samplan.fhir.sip package is installed, before the server takes requests. */
public record SipPackageInstalled() {
}
