package se.samplan.server.hapi;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A create or update about to be stored.
 *
 * @param previous the stored version an update replaces; null for a create
 * @param resource what will be stored (may still be changed)
 * @param request the request the write belongs to; null or a system request for internal writes
 * @param transaction the database transaction, shared by all entries of a FHIR transaction
 */
public record Write(IBaseResource previous, IBaseResource resource, RequestDetails request,
		TransactionDetails transaction) {

	public boolean isCreate() {
		return previous == null;
	}

	/** The server's own write (HAPI's or ours), not a client's. */
	public boolean isInternal() {
		return request == null || request instanceof SystemRequestDetails;
	}
}
