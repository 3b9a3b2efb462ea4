package se.samplan.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.RestInterceptor;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipRule;
import se.samplan.server.sip.SipUrls;


/**
 * An organisation's searches of the types that carry {@link Readers} tags, also those in its batches and transactions
 * (their entries' searches pass the same hook), are narrowed in the database to what it may read
 * ({@code _tag=https://samplan.github.io/fhir/reader|Organization/<id>}, AND'ed with the client's criteria), so that a
 * page is found without loading what the read filter would drop. The read filter still decides on every result.
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

	/** Whether the caller's searches are narrowed: it acts for an organisation and R15 holds. */
	private boolean narrows(Caller caller) {
		return caller.actsForOrganization() && ruleSwitch.holds(SipRule.R15);
	}
}
