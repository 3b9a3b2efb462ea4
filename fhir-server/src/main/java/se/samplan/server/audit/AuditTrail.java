package se.samplan.server.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.samplan.server.access.AccessPolicy;
import se.samplan.server.access.Caller;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.RestInterceptor;

import java.util.ArrayList;
import java.util.List;

/**
 * R15 (loggning): every request that reads or writes personal data leaves an AuditEvent per person it
 * concerns (who, what, when, outcome, purpose), all made durable (in the audit log's journal) before the answer is sent, so
 * there is no 2xx without its AuditEvent, also if the server dies right after. If storing it fails, the client
 * gets a 500 instead of the data. Refused and failed requests are logged too, as far as the storage
 * allows. The log is written after the read filter, so it records what the caller was shown.
 */
@Component
@Interceptor
public class AuditTrail implements RestInterceptor {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private final Callers callers;
	private final AuditEvents events;
	private final AuditLog auditLog;

	AuditTrail(Callers callers, AuditEvents events, AuditLog log) {
		this.callers = callers;
		this.events = events;
		this.auditLog = log;
	}

	@Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = 1000)
	public boolean answered(RequestDetails request, ResponseDetails response) {
		List<IBaseResource> shown = shown(response.getResponseResource());
		if (concernsPersonalData(request, shown) && callers.of(request).kind() != Caller.Kind.SYSTEM) {
			store(events.of(callers.of(request), request, shown, response.getResponseCode(), null));
		}
		return true;
	}

	@Hook(value = Pointcut.SERVER_HANDLE_EXCEPTION, order = 1000)
	public boolean failed(RequestDetails request, ServletRequestDetails servletRequest, BaseServerResponseException exception) {
		try {
			// As the token claims: the caller may be the very reason for the failure (a party the server does not hold).
			// A token naming no one at all is not logged.
			Caller caller = callers.claimed(request);
			if (concernsPersonalData(request, List.of()) && caller.kind() != Caller.Kind.SYSTEM) {
				store(events.of(caller, request, List.of(), exception.getStatusCode(), exception.getMessage()));
			}
		} catch (RuntimeException e) {
			log.warn("Could not log the refused request {} {}: {}", request.getRequestType(), request.getCompleteUrl(), e.getMessage());
		}
		return true;
	}

	/** A notification delivered: logged as the subscriber's read of what it was told of (R15). */
	public void notified(Caller subscriber, List<IBaseResource> told) {
		SystemRequestDetails delivery = new SystemRequestDetails();
		delivery.setRestOperationType(RestOperationTypeEnum.READ);
		store(events.of(subscriber, delivery, told, 200, null));
	}

	/** All AuditEvents of the request, durable before the answer leaves. */
	private void store(AuditEvents.RequestEvents events) {
		try {
			auditLog.append(events);
		} catch (RuntimeException e) {
			throw new InternalErrorException("The access could not be logged, so its answer is withheld (R15).", e);
		}
	}

	/** The resources in the answer: the resource itself, or a Bundle's entries (and a transaction's locations). */
	private static List<IBaseResource> shown(IBaseResource response) {
		List<IBaseResource> shown = new ArrayList<>();
		if (response instanceof Bundle bundle) {
			bundle.getEntry().stream().filter(e -> e.getResource() != null).forEach(e -> shown.add(e.getResource()));
		} else if (response != null) {
			shown.add(response);
		}
		return shown;
	}

	/** Whether the request is about personal data: system-level, a type that is not open, or showing any. */
	private static boolean concernsPersonalData(RequestDetails request, List<IBaseResource> shown) {
		if (request == null || request instanceof SystemRequestDetails
				|| request.getRestOperationType() == RestOperationTypeEnum.METADATA) {
			return false;
		}
		String type = request.getResourceName();
		return type == null || !AccessPolicy.isOpenType(type)
				|| shown.stream().anyMatch(r -> AccessPolicy.isPersonalType(r.fhirType()));
	}
}
