/** The samplan.fhir.sip FHIR package: where it lies on the classpath and the canonical names in it. */
package se.samplan.profiles;
