package se.samplan.server.hapi;

import ca.uhn.fhir.rest.server.IResourceProvider;

/** Marks a bean that serves its resource type at /fhir in place of HAPI's JPA resource provider for that type. */
public interface OwnResourceProvider extends IResourceProvider {
}
