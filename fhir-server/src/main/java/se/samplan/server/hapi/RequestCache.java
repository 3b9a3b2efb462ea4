package se.samplan.server.hapi;

import ca.uhn.fhir.rest.api.server.RequestDetails;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What was looked up during one request, so that a search of fifty goals of one plan reads the plan once. Lives in
 * the request's user data (which the entries of a batch or transaction share). Lookups in the store are kept through
 * the request's own writes, since {@link PendingWrites} stands in front of them; decisions made from the request's
 * state (who may read, whose plans) are emptied by every write the request makes.
 */
public final class RequestCache {

	private static final String KEY = RequestCache.class.getName();

	private final Map<String, Object> stored = new HashMap<>();
	private final Map<String, Object> decisions = new HashMap<>();

	public static RequestCache of(RequestDetails request) {
		if (request == null) {
			return new RequestCache();
		}
		return (RequestCache) request.getUserData().computeIfAbsent(KEY, k -> new RequestCache());
	}

	/**
	 * Gives a view of the request's own transaction (its commit) the lookups in the store the request made: the view
	 * reads the request's writes in front of them as the request did. Copied, so that what the view looks up stays
	 * its own, and none of the request's decisions.
	 */
	public static void lookupsFor(RequestDetails view, RequestDetails request) {
		RequestCache cache = new RequestCache();
		if (request != null && request.getUserData().get(KEY) instanceof RequestCache from) {
			cache.stored.putAll(from.stored);
		}
		view.getUserData().put(KEY, cache);
	}

	static void written(RequestDetails request) {
		if (request != null && request.getUserData().get(KEY) instanceof RequestCache cache) {
			cache.decisions.clear();
		}
	}

	/** A decision made from what the request has seen and written so far. */
	public <T> T get(String key, Function<String, T> load) {
		return get(decisions, key, load);
	}

	/** A lookup in the store, which the request's pending writes are read in front of. */
	public <T> T stored(String key, Function<String, T> load) {
		return get(stored, key, load);
	}

	@SuppressWarnings("unchecked")
	private static <T> T get(Map<String, Object> values, String key, Function<String, T> load) {
		if (values.containsKey(key)) {
			return (T) values.get(key);
		}
		T value = load.apply(key);
		values.put(key, value);
		return value;
	}
}
