package se.samplan.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.RestInterceptor;

/**
 * What a {@code $sip-*} operation answers is filtered like a read: the resources it changed that the caller may
 * not read are left out of its Bundle (an organisation answering an invitation sees the plan only within the
 * consent). {@code $sip-summary} is the exception: it shows the one plan the caller was let read, as a whole
 * document. Runs before the audit log, so the log records what was shown.
 */
@Component
@Interceptor
class OperationAnswers implements RestInterceptor {

	private final Callers callers;
	private final AccessPolicy policy;

	OperationAnswers(Callers callers, AccessPolicy policy) {
		this.callers = callers;
		this.policy = policy;
	}

	@Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = 100)
	public boolean filter(RequestDetails request, ResponseDetails response) {
		if (OperationAccess.isAuthorized(request) && !"$sip-summary".equals(request.getOperation())
				&& response.getResponseResource() instanceof Bundle answer) {
			Caller caller = callers.of(request);
			answer.getEntry().removeIf(e -> e.getResource() != null && !policy.canRead(caller, e.getResource(), request));
		}
		return true;
	}
}
