package se.samplan.server.access;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.PendingWrites;
import se.samplan.server.hapi.References;
import se.samplan.server.hapi.RequestCache;
import se.samplan.server.hapi.RestInterceptor;

import java.util.Set;

/**
 * Applies {@link AccessPolicy} to every resource a response would show, on every read path: HAPI's
 * consent interceptor calls it for read, vread, search results, includes and revincludes, history,
 * {@code $everything} and the GET entries of a batch, and again when a stored page of results is shown
 * (paging links can be replayed by another caller); a hidden resource reads as 404 and is left
 * out of searches (and {@code Bundle.total} is not given, so counts reveal nothing). A search's page is cut from the
 * matches before this filter leaves out what the caller may not see, so a page can hold fewer than {@code _count}
 * ({@link IncludesOfHidden} leaves out what only hidden matches brought in). The operator, the server's own requests,
 * and {@code $sip-*} operations authorised by {@link OperationAccess} pass here unfiltered: {@link OperationAnswers}
 * filters their answers.
 */
@Component
class ReadFilter extends ConsentInterceptor implements RestInterceptor {

	private static final Set<RestOperationTypeEnum> SEARCHES = Set.of(RestOperationTypeEnum.SEARCH_TYPE,
			RestOperationTypeEnum.SEARCH_SYSTEM);

	private static final String HID_SOMETHING = ReadFilter.class.getName() + ".hidSomething";

	/** Shapes whose content is checked one resource at a time. */
	private static final Set<String> CONTAINERS = Set.of("Bundle", "Parameters", "OperationOutcome");

	/** Whether this filter hid anything from the request's caller. */
	static boolean hidSomething(RequestDetails request) {
		return Boolean.TRUE.equals(request.getUserData().get(HID_SOMETHING));
	}

	private static boolean writtenByThisRequest(RequestDetails request, IBaseResource resource) {
		String key = References.key(resource);
		return key != null && PendingWrites.of(request).find(key).isPresent();
	}

	ReadFilter(Callers callers, AccessPolicy policy) {
		super(new IConsentService() {
			@Override
			public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
				Caller caller = callers.of(request);
				return caller.kind() == Caller.Kind.SYSTEM || caller.kind() == Caller.Kind.OPERATOR
						|| OperationAccess.isAuthorized(request) ? ConsentOutcome.AUTHORIZED : ConsentOutcome.PROCEED;
			}

			// Before a search's page is cut, HAPI would load every match (the whole county for a bare GET /Goal) to
			// ask this; a search instead shows what it may of each page, asked below (an organisation's searches
			// are narrowed to what it may read in the database, and a person's usually name the person).
			@Override
			public boolean shouldProcessCanSeeResource(RequestDetails request, IConsentContextServices services) {
				return !SEARCHES.contains(request.getRestOperationType());
			}

			@Override
			public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices services) {
				return decide(request, resource);
			}

			// Asked again when a page of stored search results is shown: the search may have been someone else's.
			@Override
			public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices services) {
				return decide(request, resource);
			}

			private ConsentOutcome decide(RequestDetails request, IBaseResource resource) {
				if (CONTAINERS.contains(resource.fhirType())) {
					return ConsentOutcome.AUTHORIZED;
				}
				if (writtenByThisRequest(request, resource)) {
					// HAPI shows a transaction entry's write to this filter before storing it, and drops the write
					// silently (answering 200) if the filter hides it: the write gate (R15, R2 ...) decides instead.
					return ConsentOutcome.PROCEED;
				}
				Caller caller = callers.of(request);
				boolean visible = resource.getIdElement().hasIdPart()
						? RequestCache.of(request).get("may read " + resource.getIdElement().toUnqualified().getValue(),
								k -> policy.canRead(caller, resource, request))
						: policy.canRead(caller, resource, request);
				if (!visible) {
					request.getUserData().put(HID_SOMETHING, Boolean.TRUE);
				}
				return visible ? ConsentOutcome.AUTHORIZED : ConsentOutcome.REJECT;
			}
		});
	}
}
