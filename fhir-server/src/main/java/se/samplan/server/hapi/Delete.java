package se.samplan.server.hapi;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A delete about to be stored.
 *
 * @param resource the stored version being deleted
 * @param request the request the delete belongs to; null or a system request for internal deletes
 */
public record Delete(IBaseResource resource, RequestDetails request) {}
