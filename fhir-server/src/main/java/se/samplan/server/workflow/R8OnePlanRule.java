package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.RowLocks;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.RuleStep;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipPhase;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipRule;

import java.util.List;

/**
 * R8 (en plan): a person has at most one open SIP; new needs revise the plan they have. Held by the database
 * under concurrency: a write that opens a plan first locks the person's row, so of two requests opening a plan
 * for the same person at once the second waits for the first to commit, then finds its plan and is refused.
 */
@Component
@Order(220)
@Keeps(appliesTo = {"CarePlan"}, value = SipRule.R8, where = "any create of a SIP CarePlan (also two in one transaction, or two at once), and reopening one",
		refusal = "422, names the open plan")
class R8OnePlanRule extends RuleStep {

	private final PlanRepository plans;
	private final RowLocks locks;

	R8OnePlanRule(RuleSwitch ruleSwitch, PlanRepository plans, RowLocks locks) {
		super(ruleSwitch);
		this.plans = plans;
		this.locks = locks;
	}

	@Override
	protected void check(Write write) {
		if (!SipPlans.isSip(write.resource()) || SipPhase.isClosed((CarePlan) write.resource())
				|| write.previous() instanceof CarePlan stored && !SipPhase.isClosed(stored)) {
			return; // not opening a plan: closed, or open already
		}
		CarePlan plan = (CarePlan) write.resource();
		String subject = plans.key(plan.getSubject(), write.request());
		if (subject == null) {
			return; // no subject: the profile refuses it
		}
		if (subject.startsWith("Patient/")) {
			locks.lock(subject);
		}
		// Plans of the same transaction count too, by their placeholder while they are not stored.
		List<String> others = plans.openSips(subject, write.request()).stream().filter(p -> p != plan)
				.map(p -> plans.keyOf(p, write.request())).filter(p -> p != null && !p.equals(plans.keyOf(plan, write.request())))
				.toList();
		if (!others.isEmpty()) {
			String other = others.get(0).startsWith("urn:") ? "(ny plan)" : others.get(0);
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R8.coding(),
					"Personen har redan en öppen SIP (" + other + "). Nya behov läggs in i den planen.",
					subject + " already has an open SIP, " + other + " (R8): revise that plan instead.",
					"CarePlan.subject").unprocessable();
		}
	}
}
