package se.samplan.server.workflow;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.validation.SipCarePlan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * R7 (egna beslut): each principal decides about its own services, so an organisation adds, changes or
 * removes only the activities it performs itself (performer = the organisation, one of its units, or a
 * PractitionerRole of it). Activities performed by the person or a relative may be edited by any party.
 * 403 otherwise. The caller's organisation comes from its token ({@link Callers}).
 */
@Component
@Order(60)
class OwnServicesRule implements WriteRule {

	private final Callers callers;

	private final SipRecords records;
	private final FhirContext ctx;

	OwnServicesRule(SipRecords records, FhirContext ctx, Callers callers) {
		this.callers = callers;
		this.records = records;
		this.ctx = ctx;
	}

	@Override
	public SipRule rule() {
		return SipRule.R7;
	}

	@Override
	public void check(Write write) {
		if (!(write.previous() instanceof CarePlan before) || !(write.resource() instanceof CarePlan after)
				|| !SipCarePlan.isSip(after)) {
			return;
		}
		String caller = callers.organizationOf(write.request()).orElse(null);
		if (caller == null) {
			return;
		}
		List<String> old = encode(before.getActivity());
		List<String> now = encode(after.getActivity());
		// Indexes of the stored activities not found unchanged in the update: changed or removed.
		List<Integer> gone = new ArrayList<>(IntStream.range(0, old.size()).boxed().toList());
		Refusal refusal = Refusal.create();
		for (int i = 0; i < now.size(); i++) {
			int same = firstEqual(gone, old, now.get(i));
			if (same >= 0) {
				gone.remove(same);
			} else if (!ownedBy(after.getActivity().get(i), caller)) {
				refusal.issue(IssueType.FORBIDDEN, SipRule.R7.coding(),
						"Insats " + (i + 1) + " utförs av en annan verksamhet, som själv beslutar om den.",
						caller + " may not add or change activity " + i + ", performed by another organisation (R7).",
						"CarePlan.activity[" + i + "]");
			}
		}
		for (int j : gone) {
			if (!ownedBy(before.getActivity().get(j), caller)) {
				refusal.issue(IssueType.FORBIDDEN, SipRule.R7.coding(),
						"En insats som en annan verksamhet utför kan bara tas bort av den verksamheten.",
						caller + " may not remove an activity performed by another organisation (R7).", "CarePlan.activity");
			}
		}
		if (!refusal.isEmpty()) {
			throw refusal.forbidden();
		}
	}

	/** The position in {@code indexes} of the first stored activity equal to {@code activity}, or -1. */
	private static int firstEqual(List<Integer> indexes, List<String> stored, String activity) {
		for (int k = 0; k < indexes.size(); k++) {
			if (stored.get(indexes.get(k)).equals(activity)) {
				return k;
			}
		}
		return -1;
	}

	private List<String> encode(List<CarePlanActivityComponent> activities) {
		List<String> out = new ArrayList<>();
		activities.forEach(a -> out.add(ctx.newJsonParser().encodeToString(a)));
		return out;
	}

	/** Whether every organisation-performed part of the activity belongs to the caller. */
	private boolean ownedBy(CarePlanActivityComponent activity, String caller) {
		for (Reference performer : activity.getDetail().getPerformer()) {
			String ref = performer.getReference();
			if (ref == null || ref.startsWith("Patient/") || ref.startsWith("RelatedPerson/")) {
				continue;
			}
			String organization = organizationOf(performer);
			if (!caller.equals(organization) && !caller.equals(parentOf(organization))) {
				return false;
			}
		}
		return true;
	}

	private String parentOf(String organization) {
		return records.organization(new Reference(organization)).map(o -> o.getPartOf().getReference()).orElse(null);
	}

	/** The organisation a performer acts for: itself, or a PractitionerRole's. */
	private String organizationOf(Reference performer) {
		String ref = performer.getReference();
		if (ref.startsWith("PractitionerRole/")) {
			return records.practitionerRole(performer).map(r -> r.getOrganization().getReference()).orElse(ref);
		}
		return ref;
	}
}
