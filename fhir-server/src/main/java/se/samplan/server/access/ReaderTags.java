package se.samplan.server.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import se.samplan.server.hapi.Delete;
import se.samplan.server.hapi.PendingWrites;
import se.samplan.server.hapi.References;
import se.samplan.server.hapi.RequestCache;
import se.samplan.server.hapi.TagWriter;
import se.samplan.server.hapi.Write;
import se.samplan.server.hapi.WriteStep;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipUrls;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

	private static final Logger log = LoggerFactory.getLogger(ReaderTags.class);

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
		AtBeforeCommit commit = commit();
		commit.request = commit.written.isEmpty() || commit.request == write.request() ? write.request() : null;
		commit.written.add(resource);
		if (write.isCreate()) {
			commit.created.add(resource);
		} else if (write.previous() instanceof CarePlan before) {
			commit.before.putIfAbsent(References.key(before), Readers.on(before).codes());
		}
		if (Readers.KEPT_ON.contains(resource.fhirType())) {
			policy.readers(resource, write.request()).codes().forEach(code -> resource.getMeta().addTag(SipUrls.READER, code, null));
		} else if (resource instanceof PractitionerRole role && write.previous() instanceof PractitionerRole before
				&& !Objects.equals(References.key(role.getOrganization()), References.key(before.getOrganization()))) {
			// The plans it takes part in now count another organisation; which they are is not searchable.
			commit.everyPlan = true;
		}
	}

	@Override
	public void beforeDelete(Delete delete) {
		AtBeforeCommit commit = commit();
		commit.deleted = true;
		if (FACTS.contains(delete.resource().fhirType())) {
			commit.plans.addAll(plans.plansOf(delete.resource(), delete.request()));
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
		private final Set<Resource> created = Collections.newSetFromMap(new IdentityHashMap<>());
		/** The reader tags of the plans the transaction updated, as they were before. */
		private final Map<String, Set<String>> before = new HashMap<>();
		private final Set<String> plans = new LinkedHashSet<>();
		private boolean everyPlan;
		/**
		 * The request that made every write of the transaction (null when several did), whose lookups the commit
		 * reuses unless the transaction deleted something.
		 */
		private RequestDetails request;
		private boolean deleted;

		private ReaderTags owner() {
			return ReaderTags.this;
		}

		/**
		 * Everything is stored now. A plan whose readers did not change keeps the tags of what the transaction did not
		 * write; otherwise every resource of it is looked at. What the transaction wrote is read as written (loading
		 * it again in the session that wrote it would make Hibernate share HAPI's cached tag definitions between
		 * sessions), and each plan's readers are found once. What the request looked up in the store stands, as its
		 * writes are read in front of it; a delete, which the lookups would not know of, makes the commit look again.
		 */
		@Override
		public void beforeCommit(boolean readOnly) {
			SystemRequestDetails view = new SystemRequestDetails();
			PendingWrites.settled(view, written, created);
			if (!deleted) {
				RequestCache.lookupsFor(view, request);
			}
			Set<String> touched = new LinkedHashSet<>(plans);
			if (everyPlan) {
				touched.addAll(ReaderTags.this.plans.allPlans());
			}
			Set<String> check = new LinkedHashSet<>();
			for (Resource resource : written) {
				String key = References.key(resource);
				if (key != null && Readers.KEPT_ON.contains(resource.fhirType())) {
					check.add(key);
					if (FACTS.contains(resource.fhirType())) {
						touched.addAll(ReaderTags.this.plans.plansOf(resource, view));
					}
				}
			}
			for (String plan : touched) {
				Optional<CarePlan> now = ReaderTags.this.plans.read(plan, view).filter(CarePlan.class::isInstance).map(CarePlan.class::cast);
				if (now.isEmpty()) {
					continue;
				}
				Set<String> was = PendingWrites.of(view).createdHere(plan) ? null : before.getOrDefault(plan, Readers.on(now.get()).codes());
				if (!policy.readers(now.get(), view).codes().equals(was)) {
					check.addAll(resourcesOf(now.get(), plan, view));
				} else if (check.contains(plan)) {
					// The plan as written may link a care team, goal or person it did not link before.
					check.addAll(linkedBy(now.get(), view));
				}
			}
			check.forEach(key -> ReaderTags.this.plans.read(key, view).ifPresent(r -> keep(key, r, view)));
		}
	}

	/** The keys of the plan and of everything whose readers follow from it. */
	private Set<String> resourcesOf(CarePlan plan, String planKey, SystemRequestDetails view) {
		Set<String> keys = new LinkedHashSet<>();
		keys.add(planKey);
		plans.tasks(planKey, view).forEach(r -> keys.add(References.key(r)));
		plans.meetings(planKey, view).forEach(r -> keys.add(References.key(r)));
		plans.consents(planKey, view).forEach(r -> keys.add(References.key(r)));
		plans.issues(planKey, view).forEach(r -> keys.add(References.key(r)));
		keys.addAll(linkedBy(plan, view));
		String patient = plans.patientOf(plan, view);
		if (patient != null) {
			plans.relatedPersons(patient, view).forEach(r -> keys.add(References.key(r)));
		}
		keys.remove(null);
		return keys;
	}

	/** What the plan itself links: its care teams, goals and person. */
	private Set<String> linkedBy(CarePlan plan, SystemRequestDetails view) {
		Set<String> keys = new LinkedHashSet<>();
		plan.getCareTeam().forEach(r -> keys.add(plans.key(r, view)));
		plan.getGoal().forEach(r -> keys.add(plans.key(r, view)));
		keys.add(plans.patientOf(plan, view));
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
		log.debug("Readers of {}: +{} -{}", key, add, remove);
		tagWriter.change(key, stored, SipUrls.READER, add, remove);
		// As stored, also in the answer when the transaction wrote it.
		stored.getMeta().getTag().removeIf(t -> SipUrls.READER.equals(t.getSystem()));
		want.forEach(code -> stored.getMeta().addTag(SipUrls.READER, code, null));
	}
}
