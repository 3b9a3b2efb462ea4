package se.samplan.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.util.UrlUtil;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.RestInterceptor;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipRule;
import se.samplan.server.sip.SipUrls;


/**
 * An organisation's searches of the types that carry {@link Readers} tags, and the searches in its batches and
 * transactions, are narrowed in the database to what it may read ({@code _tag=https://samplan.github.io/fhir/reader|
 * Organization/<id>}, AND'ed with the client's criteria), so that a page is found without loading what the read
 * filter would drop. The read filter still decides on every result.
 */
@Component
@Interceptor
class SearchNarrowing implements RestInterceptor {

	private final Callers callers;
	private final RuleSwitch ruleSwitch;

	SearchNarrowing(Callers callers, RuleSwitch ruleSwitch) {
		this.callers = callers;
		this.ruleSwitch = ruleSwitch;
	}

	/**
	 * On the search itself, not on the request's parameters: the page's self and next links show what the client
	 * asked (offset links are made from the request's parameters).
	 */
	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	public void search(SearchParameterMap map, RequestDetails request) {
		Caller caller = callers.of(request);
		if (request != null && request.getRestOperationType() == RestOperationTypeEnum.SEARCH_TYPE
				&& Readers.KEPT_ON.contains(request.getResourceName()) && narrows(caller)) {
			map.add(Constants.PARAM_TAG, new TokenParam(SipUrls.READER, caller.organization()));
		}
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void bundle(RequestDetails request) {
		String tag = tag(request);
		if (tag == null || !(request.getResource() instanceof Bundle bundle)
				|| request.getRestOperationType() != RestOperationTypeEnum.TRANSACTION
				&& request.getRestOperationType() != RestOperationTypeEnum.BATCH) {
			return;
		}
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			String url = entry.getRequest().getUrl();
			if (entry.getRequest().getMethod() == Bundle.HTTPVerb.GET && url != null) {
				UrlUtil.UrlParts parts = UrlUtil.parseUrl(url);
				if (parts.getResourceId() == null && Readers.KEPT_ON.contains(parts.getResourceType())) {
					entry.getRequest().setUrl(url + (url.contains("?") ? "&" : "?") + Constants.PARAM_TAG + "="
							+ UrlUtil.escapeUrlParam(tag));
				}
			}
		}
	}

	/** The reader tag to narrow by: the caller's organisation's, unless it is not an organisation or R15 is off. */
	private String tag(RequestDetails request) {
		Caller caller = callers.of(request);
		return narrows(caller) ? SipUrls.READER + "|" + caller.organization() : null;
	}

	private boolean narrows(Caller caller) {
		return caller.actsForOrganization() && ruleSwitch.holds(SipRule.R15);
	}
}
