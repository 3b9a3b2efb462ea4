package se.samplan.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import se.samplan.server.hapi.StorageInterceptor;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What access decisions need to know about a stored plan (its parties, its consents, the organisation
 * holding overall responsibility) and which plans a resource belongs to, kept between requests: computing
 * them takes several lookups, and reads are far more frequent than the writes that change them. Any write
 * of a resource they depend on empties both caches, before and again after its commit, so a decision never
 * rests on data older than the last committed write on this server.
 */
@Component
@Interceptor
class PlanFacts implements StorageInterceptor {

	/** The resource types the cached facts are made from. */
	private static final Set<String> SOURCES = Set.of("CarePlan", "Task", "CareTeam", "Consent", "PractitionerRole",
			"Patient", "RelatedPerson", "Goal", "Appointment");

	/** A consent as the decision needs it; whether it is in force is judged at the time of the decision. */
	record ConsentFact(boolean active, Date end, Set<String> actors) {

		boolean inForce(Date now) {
			return active && (end == null || end.after(now));
		}
	}

	record Facts(Set<String> parties, List<ConsentFact> consents, String responsible) {}

	private final Cache<String, Facts> plans = cache();
	private final Cache<String, List<String>> links = cache();

	private static <V> Cache<String, V> cache() {
		return Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();
	}

	/** The resource types whose plans are found by a search for the plans pointing at them. */
	static final Set<String> POINTED_AT = Set.of("Goal", "CareTeam", "Patient");

	Facts of(String plan, Function<String, Facts> compute) {
		return plans.get(plan, compute);
	}

	List<String> plansOf(IBaseResource resource, Function<IBaseResource, List<String>> compute) {
		return links.get(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), k -> compute.apply(resource));
	}

	static ConsentFact fact(Consent consent) {
		return new ConsentFact(consent.getStatus() == Consent.ConsentState.ACTIVE, consent.getProvision().getPeriod().getEnd(),
				Set.copyOf(consent.getProvision().getActor().stream().map(a -> PlanLinks.reference(a.getReference()))
						.filter(java.util.Objects::nonNull).toList()));
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
