package se.samplan.server.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What access decisions looked up during one request (plans, their parties, the caller's plans), so a
 * search of fifty goals of one plan reads the plan once. Lives in the request's user data; the sub-requests
 * of a batch share their own.
 */
final class RequestCache {

	private static final String KEY = RequestCache.class.getName();

	private final Map<String, Object> values = new HashMap<>();

	static RequestCache of(RequestDetails request) {
		if (request == null) {
			return new RequestCache();
		}
		return (RequestCache) request.getUserData().computeIfAbsent(KEY, k -> new RequestCache());
	}

	@SuppressWarnings("unchecked")
	<T> T get(String key, Function<String, T> load) {
		if (values.containsKey(key)) {
			return (T) values.get(key);
		}
		T value = load.apply(key);
		values.put(key, value);
		return value;
	}
}
