package se.samplan.server.hapi;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ParameterUtil;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.outcome.Refusal;

import java.util.Optional;

/**
 * Optimistic locking as FHIR says (http.html#concurrency): an update, patch or delete whose {@code If-Match}
 * (the header, or {@code Bundle.entry.request.ifMatch} in a transaction) names a version that is no longer the
 * current one gets 412, not HAPI's 409. The check runs under a row lock on the resource, so of many concurrent
 * writes with the same {@code If-Match} exactly one wins; HAPI's own check before the write (a version already
 * stale when read) is turned into the same 412. HAPI does not check {@code If-Match} on DELETE at all; this does.
 */
@Component
@Order(110)
@Interceptor
public class IfMatch implements WriteStep, RestInterceptor {

	/** HAPI's codes for "the version given is not the current one" on update, delete and patch. */
	private static final String[] STALE_VERSION_CODES = {"HAPI-0989", "HAPI-0961", "HAPI-0974"};

	private final RowLocks locks;

	IfMatch(RowLocks locks) {
		this.locks = locks;
	}

	/** The version a write of {@code Type/id} was conditioned on, if the client sent one; none for operations. */
	public static Optional<String> expected(RequestDetails request, String key) {
		if (request == null || key == null || isOperation(request)) {
			return Optional.empty();
		}
		Optional<String> etag = PendingWrites.of(request).ifMatch(key);
		if (etag.isEmpty() && request.getRestOperationType() != RestOperationTypeEnum.TRANSACTION
				&& request.getRestOperationType() != RestOperationTypeEnum.BATCH) {
			etag = Optional.ofNullable(request.getHeader(Constants.HEADER_IF_MATCH));
		}
		return etag.filter(e -> !e.isBlank()).map(ParameterUtil::parseETagValue);
	}

	private static boolean isOperation(RequestDetails request) {
		RestOperationTypeEnum type = request.getRestOperationType();
		return type == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE || type == RestOperationTypeEnum.EXTENDED_OPERATION_TYPE
				|| type == RestOperationTypeEnum.EXTENDED_OPERATION_SERVER;
	}

	@Override
	public void beforeStore(Write write) {
		if (!write.isCreate()) {
			check(write.previous(), write.request());
		}
	}

	@Override
	public void beforeDelete(Delete delete) {
		check(delete.resource(), delete.request());
	}

	private void check(IBaseResource stored, RequestDetails request) {
		String key = References.key(stored);
		Optional<String> expected = expected(request, key);
		if (expected.isEmpty()) {
			return;
		}
		String current = locks.lock(key).map(String::valueOf).orElse(stored.getIdElement().getVersionIdPart());
		if (!expected.get().equals(current)) {
			throw stale(key, expected.get(), current);
		}
	}

	/** HAPI's 409 for a stale version becomes 412; other conflicts (references, a duplicate) stay 409. */
	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException staleVersionIs412(Throwable exception) {
		if (exception instanceof ResourceVersionConflictException conflict && conflict.getMessage() != null) {
			for (String code : STALE_VERSION_CODES) {
				if (conflict.getMessage().contains(code)) {
					return stale(null, null, null);
				}
			}
		}
		return null;
	}

	private static BaseServerResponseException stale(String key, String expected, String current) {
		String english = key == null ? "The If-Match version is not the current version of the resource; read it again."
				: "If-Match names version " + expected + " of " + key + ", but the current version is " + current
						+ "; read it again and redo the change.";
		return Refusal.create().issue(IssueType.CONFLICT,
				"Resursen har ändrats sedan den lästes (If-Match anger en äldre version). Läs den igen och gör om ändringen.",
				english, null).preconditionFailed();
	}
}
