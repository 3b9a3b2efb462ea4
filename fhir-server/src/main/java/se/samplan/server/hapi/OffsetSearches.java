package se.samplan.server.hapi;

import ca.uhn.fhir.jpa.interceptor.ForceOffsetSearchModeInterceptor;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.springframework.stereotype.Component;

/**
 * Every search is answered in one go and paged by {@code _offset} (HAPI's offset mode): HAPI would otherwise write
 * each search and its result ids to {@code HFJ_SEARCH} tables in commits of their own, which on a durable database cost
 * a search as much as the search itself, and hand the search to a thread of its own. Nothing is kept between requests,
 * so a client finds its writes at once; a page's next link repeats the search from the next offset, and
 * {@code Bundle.total} is given on the last page or when {@code _total=accurate} asks for it. {@code _count} is capped
 * at the largest page size, as the paging of stored searches does.
 */
@Component
class OffsetSearches extends ForceOffsetSearchModeInterceptor implements StorageInterceptor {

	private final int largestPage;

	OffsetSearches(SamplanProperties properties) {
		setDefaultCount(properties.getDefaultPageSize());
		this.largestPage = properties.getMaxPageSize();
	}

	/** A client's search (also a transaction's GET entry); the server's own searches ask for what they need. */
	@Override
	public void storagePreSearchRegistered(SearchParameterMap map, RequestDetails request) {
		if (request == null || request instanceof SystemRequestDetails || fullText(map)) {
			return;
		}
		super.storagePreSearchRegistered(map, request);
		if (map.getCount() != null && map.getCount() > largestPage) {
			map.setCount(largestPage);
		}
	}

	/** {@code _content} and {@code _text}: HAPI 8.8's offset mode finds nothing by them, so they keep its stored paging. */
	private static boolean fullText(SearchParameterMap map) {
		return map.containsKey(Constants.PARAM_CONTENT) || map.containsKey(Constants.PARAM_TEXT);
	}
}
