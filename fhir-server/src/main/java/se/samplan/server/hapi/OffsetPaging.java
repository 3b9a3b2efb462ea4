package se.samplan.server.hapi;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.interceptor.ForceOffsetSearchModeInterceptor;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;

/**
 * Every REST search as an offset query (HAPI's {@link ForceOffsetSearchModeInterceptor}): nothing is written per
 * search, no result cache can go stale or cross callers, and a next page is the same search again with
 * {@code _offset}, so it works on any node. An offset query returns all it loaded, so {@code _count} is capped here
 * at the largest page size, as the paging provider caps it for other searches.
 */
@Interceptor
class OffsetPaging extends ForceOffsetSearchModeInterceptor {

	private final int maxPageSize;

	OffsetPaging(int defaultPageSize, int maxPageSize) {
		this.maxPageSize = maxPageSize;
		setDefaultCount(defaultPageSize);
	}

	@Override
	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	public void storagePreSearchRegistered(SearchParameterMap map, RequestDetails request) {
		super.storagePreSearchRegistered(map, request);
		if (map.getCount() != null && map.getCount() > maxPageSize) {
			map.setCount(maxPageSize);
		}
	}
}
