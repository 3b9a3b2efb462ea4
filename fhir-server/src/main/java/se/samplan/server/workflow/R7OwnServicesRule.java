package se.samplan.server.workflow;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.RuleStep;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipRule;

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
@Order(260)
@Keeps(appliesTo = {"CarePlan"}, value = SipRule.R7, where = "any SIP CarePlan update", refusal = "403 when an organisation adds, changes or removes another's activity")
class R7OwnServicesRule extends RuleStep {

	private final Callers callers;

	private final PlanRepository plans;
	private final FhirContext ctx;

	R7OwnServicesRule(RuleSwitch ruleSwitch, PlanRepository plans, FhirContext ctx, Callers callers) {
		super(ruleSwitch);
		this.callers = callers;
		this.plans = plans;
		this.ctx = ctx;
	}

	@Override
	protected void check(Write write) {
		if (!(write.previous() instanceof CarePlan before) || !(write.resource() instanceof CarePlan after)
				|| !SipPlans.isSip(after)) {
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
			} else if (!ownedBy(after.getActivity().get(i), caller, write.request())) {
				refusal.issue(IssueType.FORBIDDEN, SipRule.R7.coding(),
						"Insats " + (i + 1) + " utförs av en annan verksamhet, som själv beslutar om den.",
						caller + " may not add or change activity " + i + ", performed by another organisation (R7).",
						"CarePlan.activity[" + i + "]");
			}
		}
		for (int j : gone) {
			if (!ownedBy(before.getActivity().get(j), caller, write.request())) {
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

	/** Whether every organisation-performed part of the activity belongs to the caller or one of its units. */
	private boolean ownedBy(CarePlanActivityComponent activity, String caller, RequestDetails request) {
		for (Reference performer : activity.getDetail().getPerformer()) {
			String organization = plans.organizationOf(performer, request);
			if (organization == null) {
				continue; // the person, a relative, or another who acts for no organisation
			}
			String parent = plans.read(organization, request).filter(Organization.class::isInstance)
					.map(o -> plans.key(((Organization) o).getPartOf(), request)).orElse(null);
			if (!caller.equals(organization) && !caller.equals(parent)) {
				return false;
			}
		}
		return true;
	}
}
