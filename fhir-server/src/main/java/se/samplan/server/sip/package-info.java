/**
 * The SIP model, at the bottom of the dependency graph: the package's canonical URLs, codes and rule ids, typed
 * accessors for the extensions on FHIR resources, and the repository that reads a plan and what links to it.
 */
package se.samplan.server.sip;
