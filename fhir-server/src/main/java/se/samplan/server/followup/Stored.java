package se.samplan.server.followup;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The follow-up's own questions to the store, asked as the server: who may see an answer is decided by the caller
 * afterwards (the worklist by the access rules, the sweeper records for everyone).
 */
@Component
class Stored {

	private final DaoRegistry daoRegistry;

	Stored(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	<T extends IBaseResource> List<T> search(Class<T> type, SearchParameterMap query) {
		return daoRegistry.getResourceDao(type).search(query, new SystemRequestDetails()).getAllResources().stream()
				.map(type::cast).toList();
	}

	boolean none(Class<? extends IBaseResource> type, SearchParameterMap query) {
		query.setLoadSynchronousUpTo(1);
		return daoRegistry.getResourceDao(type).search(query, new SystemRequestDetails()).isEmpty();
	}
}
