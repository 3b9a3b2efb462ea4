package se.samplan.server.hapi;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A refused entry of a batch answers with the refusal's own OperationOutcome (the rule's code, Swedish text,
 * expression), as a refused single request does: HAPI builds a new outcome for each failed batch entry from the
 * exception's message alone, so the refusals the write pipeline throws are kept and put back in the answer.
 */
@Component
@Interceptor
public class BatchOutcomes implements RestInterceptor {

	private static final String KEY = BatchOutcomes.class.getName();

	/** Called by the write pipeline for each refusal. */
	@SuppressWarnings("unchecked")
	static void refused(RequestDetails request, BaseServerResponseException refusal) {
		if (request != null && refusal.getOperationOutcome() instanceof OperationOutcome) {
			((List<BaseServerResponseException>) request.getUserData().computeIfAbsent(KEY, k -> new ArrayList<>())).add(refusal);
		}
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	@SuppressWarnings("unchecked")
	public void restore(RequestDetails request, IBaseResource response) {
		if (!(response instanceof Bundle bundle) || bundle.getType() != Bundle.BundleType.BATCHRESPONSE
				|| !(request.getUserData().get(KEY) instanceof List<?> refusals)) {
			return;
		}
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (entry.getResponse().getOutcome() instanceof OperationOutcome built) {
				String said = built.getIssueFirstRep().getDiagnostics();
				((List<BaseServerResponseException>) refusals).stream()
						.filter(r -> said != null && said.equals(r.getMessage())).findFirst()
						.ifPresent(r -> entry.getResponse().setOutcome((OperationOutcome) r.getOperationOutcome()));
			}
		}
	}
}
