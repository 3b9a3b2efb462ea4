package se.samplan.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.RequestCache;
import se.samplan.server.hapi.StorageInterceptor;
import se.samplan.server.sip.PartyFacts;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link PartyFacts} of stored plans and which plans a resource belongs to, kept between reads: computing them
 * takes several lookups, and reads are far more frequent than the writes that change them. Each entry carries the
 * {@link FactsVersion} its request saw and serves only requests that see the same version, which any committed
 * write of a resource the facts are made from moves on, on whichever node it was made. So a decision never rests
 * on facts older than the last committed write in the database. A request that writes decides on fresh facts.
 */
@Component
@Interceptor
class PlanFactsCache implements StorageInterceptor {

	/** The resource types the cached facts are made from. */
	private static final Set<String> SOURCES = Set.of("CarePlan", "Task", "CareTeam", "Consent", "PractitionerRole",
			"Patient", "RelatedPerson", "Goal", "Appointment");

	/** The resource types whose plans are found by a search for the plans pointing at them. */
	static final Set<String> POINTED_AT = Set.of("Goal", "CareTeam", "Patient");

	private record Stamped<V>(long version, V value) {}

	private final FactsVersion version;
	private final Cache<String, Stamped<PartyFacts>> plans = cache();
	private final Cache<String, Stamped<List<String>>> links = cache();

	PlanFactsCache(FactsVersion version) {
		this.version = version;
	}

	private static <V> Cache<String, V> cache() {
		return Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();
	}

	PartyFacts of(String plan, RequestDetails request, Function<String, PartyFacts> compute) {
		return get(plans, plan, request, compute);
	}

	List<String> plansOf(String resource, RequestDetails request, Function<String, List<String>> compute) {
		return get(links, resource, request, compute);
	}

	private <V> V get(Cache<String, Stamped<V>> cache, String key, RequestDetails request, Function<String, V> compute) {
		// Read once per request, before the facts: an entry is never stamped newer than the data it was made from.
		long seen = RequestCache.of(request).get("access facts version", k -> version.current());
		Stamped<V> entry = cache.getIfPresent(key);
		if (entry != null && entry.version() == seen) {
			return entry.value();
		}
		V value = compute.apply(key);
		cache.put(key, new Stamped<>(seen, value));
		return value;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		changed(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource) {
		changed(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource) {
		changed(resource);
	}

	private void changed(IBaseResource resource) {
		if (SOURCES.contains(resource.fhirType())) {
			version.changed();
		}
	}
}
