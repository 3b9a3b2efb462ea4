package se.samplan.server.followup;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;

/**
 * The follow-up's own questions to the store, asked as the server: who may see an answer is decided by the caller
 * afterwards (the worklist by the access rules, the sweeper records for everyone).
 */
@Component
class Stored {

	static final int PAGE = 200;

	private final DaoRegistry daoRegistry;

	Stored(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	<T extends IBaseResource> List<T> search(Class<T> type, SearchParameterMap query) {
		return daoRegistry.getResourceDao(type).search(query, new SystemRequestDetails()).getAllResources().stream()
				.map(type::cast).toList();
	}

	/**
	 * Each resource the query finds, read {@link #PAGE} at a time in a stable order, each page its own read: a sweep
	 * over a county's open invitations held them all at once (10 000 Tasks and their entities, a third of the heap).
	 * What is written meanwhile may move a resource between pages; the sweeps decide from what is stored, so one seen
	 * twice is recorded once, and one passed over is found by the next turn.
	 */
	<T extends IBaseResource> void forEach(Class<T> type, SearchParameterMap query, Consumer<T> action) {
		query.setSort(new SortSpec(Constants.PARAM_PID)).setCount(PAGE);
		for (int offset = 0; ; offset += PAGE) {
			// HAPI takes a search's offset from its request's parameters, not from the map
			SystemRequestDetails request = new SystemRequestDetails();
			request.addParameter(Constants.PARAM_OFFSET, new String[] {Integer.toString(offset)});
			// a page followed by more has no size, so getAllResources() would refuse it
			List<IBaseResource> page = daoRegistry.getResourceDao(type).search(query, request).getResources(0, PAGE);
			page.stream().map(type::cast).forEach(action);
			if (page.size() < PAGE) {
				return;
			}
		}
	}

	boolean none(Class<? extends IBaseResource> type, SearchParameterMap query) {
		query.setLoadSynchronousUpTo(1);
		return daoRegistry.getResourceDao(type).search(query, new SystemRequestDetails()).isEmpty();
	}
}
