package se.samplan.server.access;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import se.samplan.server.hapi.Delete;
import se.samplan.server.hapi.References;
import se.samplan.server.hapi.TagWriter;
import se.samplan.server.hapi.Write;
import se.samplan.server.hapi.WriteStep;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipUrls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the {@link Readers} tags of every resource of a plan equal to who may read it, in the database transaction
 * of each write that changes it, so that every node filters on committed facts. A resource written gets its tags
 * before it is stored (a client's own reader tags are dropped); just before the commit, every plan whose parties
 * or consents the transaction changed has the tags of all its resources (the plan, its invitations, meetings,
 * consents, deviations, care teams and goals, the person and their related persons) set again from the stored
 * facts, without new versions. Runs last in the write pipeline, so a refused write costs nothing here.
 */
@Component
@Order(400)
class ReaderTags implements WriteStep {

	/** What decides who may read a plan: a change to one of these changes the tags of the whole plan. */
	private static final Set<String> FACTS = Set.of("CarePlan", "CareTeam", "Task", "Appointment", "Consent");

	private final AccessPolicy policy;
	private final PlanRepository plans;
	private final TagWriter tagWriter;

	ReaderTags(AccessPolicy policy, PlanRepository plans, TagWriter tagWriter) {
		this.policy = policy;
		this.plans = plans;
		this.tagWriter = tagWriter;
	}

	@Override
	public void beforeStore(Write write) {
		Resource resource = (Resource) write.resource();
		resource.getMeta().getTag().removeIf(t -> SipUrls.READER.equals(t.getSystem()));
		if (Readers.KEPT_ON.contains(resource.fhirType())) {
			policy.readers(resource, write.request()).codes().forEach(code -> resource.getMeta().addTag(SipUrls.READER, code, null));
			commit().written.add(resource);
		} else if (resource instanceof PractitionerRole role && write.previous() instanceof PractitionerRole before
				&& !Objects.equals(References.key(role.getOrganization()), References.key(before.getOrganization()))) {
			// The plans it takes part in now count another organisation; which they are is not searchable.
			commit().everyPlan = true;
		}
	}

	@Override
	public void beforeDelete(Delete delete) {
		if (FACTS.contains(delete.resource().fhirType())) {
			commit().plans.addAll(plans.plansOf(delete.resource(), delete.request()));
		}
	}

	/** The work for the commit of the running transaction. */
	private AtBeforeCommit commit() {
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof AtBeforeCommit mine && mine.owner() == this) {
				return mine;
			}
		}
		AtBeforeCommit mine = new AtBeforeCommit();
		TransactionSynchronizationManager.registerSynchronization(mine);
		return mine;
	}

	private final class AtBeforeCommit implements TransactionSynchronization {

		private final List<Resource> written = new ArrayList<>();
		private final Set<String> plans = new LinkedHashSet<>();
		private boolean everyPlan;

		private ReaderTags owner() {
			return ReaderTags.this;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			// Everything is stored now: decide from the store, as the next request will.
			SystemRequestDetails view = new SystemRequestDetails();
			Set<String> whole = new LinkedHashSet<>(plans);
			Set<String> single = new LinkedHashSet<>();
			if (everyPlan) {
				whole.addAll(ReaderTags.this.plans.allPlans());
			}
			for (Resource resource : written) {
				String key = References.key(resource);
				if (key == null) {
					continue;
				}
				single.add(key);
				if (FACTS.contains(resource.fhirType())) {
					ReaderTags.this.plans.read(key, view).ifPresent(stored -> whole.addAll(ReaderTags.this.plans.plansOf(stored, view)));
				}
			}
			whole.forEach(plan -> single.addAll(resourcesOf(plan, view)));
			single.forEach(key -> ReaderTags.this.plans.read(key, view).ifPresent(r -> keep(key, r, view)));
		}
	}

	/** The keys of the plan and of everything whose readers follow from it. */
	private Set<String> resourcesOf(String planKey, SystemRequestDetails view) {
		Set<String> keys = new LinkedHashSet<>();
		Optional<CarePlan> plan = plans.read(planKey, view).filter(CarePlan.class::isInstance).map(CarePlan.class::cast);
		if (plan.isEmpty()) {
			return keys;
		}
		keys.add(planKey);
		plans.tasks(planKey, view).forEach(r -> keys.add(References.key(r)));
		plans.meetings(planKey, view).forEach(r -> keys.add(References.key(r)));
		plans.consents(planKey, view).forEach(r -> keys.add(References.key(r)));
		plans.issues(planKey, view).forEach(r -> keys.add(References.key(r)));
		plan.get().getCareTeam().stream().map(Reference::getReference).map(References::key).forEach(keys::add);
		plan.get().getGoal().stream().map(Reference::getReference).map(References::key).forEach(keys::add);
		String patient = plans.patientOf(plan.get(), view);
		if (patient != null) {
			keys.add(patient);
			plans.relatedPersons(patient, view).forEach(r -> keys.add(References.key(r)));
		}
		keys.remove(null);
		return keys;
	}

	/** Sets the stored resource's reader tags to its readers, if they differ. */
	private void keep(String key, Resource stored, SystemRequestDetails view) {
		Set<String> want = policy.readers(stored, view).codes();
		Set<String> have = Readers.on(stored).codes();
		if (want.equals(have)) {
			return;
		}
		Set<String> add = new LinkedHashSet<>(want);
		add.removeAll(have);
		Set<String> remove = new LinkedHashSet<>(have);
		remove.removeAll(want);
		tagWriter.change(key, SipUrls.READER, add, remove);
	}
}
