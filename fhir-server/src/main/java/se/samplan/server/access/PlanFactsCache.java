package se.samplan.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import se.samplan.server.hapi.StorageInterceptor;
import se.samplan.server.sip.PartyFacts;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link PartyFacts} of stored plans and which plans a resource belongs to, kept between reads: computing them
 * takes several lookups, and reads are far more frequent than the writes that change them. Any write of a resource
 * they depend on empties both caches, before and again after its commit, so a decision never rests on data older
 * than the last committed write on this server. A request that writes decides on fresh facts, never these.
 */
@Component
@Interceptor
class PlanFactsCache implements StorageInterceptor {

	/** The resource types the cached facts are made from. */
	private static final Set<String> SOURCES = Set.of("CarePlan", "Task", "CareTeam", "Consent", "PractitionerRole",
			"Patient", "RelatedPerson", "Goal", "Appointment");

	/** The resource types whose plans are found by a search for the plans pointing at them. */
	static final Set<String> POINTED_AT = Set.of("Goal", "CareTeam", "Patient");

	private final Cache<String, PartyFacts> plans = cache();
	private final Cache<String, List<String>> links = cache();

	private static <V> Cache<String, V> cache() {
		return Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();
	}

	PartyFacts of(String plan, Function<String, PartyFacts> compute) {
		return plans.get(plan, compute);
	}

	List<String> plansOf(String resource, Function<String, List<String>> compute) {
		return links.get(resource, compute);
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
		if (!SOURCES.contains(resource.fhirType())) {
			return;
		}
		clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// A request running meanwhile may have cached what the committing transaction is replacing.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					clear();
				}
			});
		}
	}

	private void clear() {
		plans.invalidateAll();
		links.invalidateAll();
	}
}
