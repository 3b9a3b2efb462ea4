/** Build-time tools that turn SUSHI's output into the samplan.fhir.sip NPM package, offline. */
package se.samplan.profiles.build;
