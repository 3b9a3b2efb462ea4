/** The peer: a plain HAPI FHIR JPA server of the same HAPI version with its defaults on H2 and Lucene, what a user runs instead of Samplan. */
package se.samplan.benchmark.peer;
