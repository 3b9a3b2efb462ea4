package se.samplan.server.hapi;

import ca.uhn.fhir.rest.api.server.RequestDetails;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What was looked up in the store during one request (plans, their parties, access decisions), so that a search
 * of fifty goals of one plan reads the plan once. Lives in the request's user data (which the entries of a batch
 * or transaction share); emptied by every write the request makes, so it never outlives what it was read from.
 */
public final class RequestCache {

	private static final String KEY = RequestCache.class.getName();

	private final Map<String, Object> values = new HashMap<>();

	public static RequestCache of(RequestDetails request) {
		if (request == null) {
			return new RequestCache();
		}
		return (RequestCache) request.getUserData().computeIfAbsent(KEY, k -> new RequestCache());
	}

	static void clear(RequestDetails request) {
		if (request != null) {
			request.getUserData().remove(KEY);
		}
	}

	@SuppressWarnings("unchecked")
	public <T> T get(String key, Function<String, T> load) {
		if (values.containsKey(key)) {
			return (T) values.get(key);
		}
		T value = load.apply(key);
		values.put(key, value);
		return value;
	}
}
