package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.RuleStep;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipPhase;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipRule;

/**
 * R11 (undantag vid ÖPT och ÖRV): for a person in open compulsory or open forensic psychiatric care,
 * coordination happens in a samordnad vårdplan (national type SPLPTLRV), so no SIP is started.
 */
@Component
@Order(230)
@Keeps(appliesTo = {"CarePlan"}, value = SipRule.R11, where = "any create of a SIP CarePlan", refusal = "422")
class R11CoordinatedCarePlanRule extends RuleStep {

	private final PlanRepository plans;

	R11CoordinatedCarePlanRule(RuleSwitch ruleSwitch, PlanRepository plans) {
		super(ruleSwitch);
		this.plans = plans;
	}

	@Override
	protected void check(Write write) {
		if (!write.isCreate() || !SipPlans.isSip(write.resource()) || SipPhase.isClosed((CarePlan) write.resource())) {
			return;
		}
		String subject = plans.key(((CarePlan) write.resource()).getSubject(), write.request());
		if (subject != null && !plans.activeCoordinatedCarePlans(subject, write.request()).isEmpty()) {
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R11.coding(),
					"Personen har öppen psykiatrisk tvångsvård eller öppen rättspsykiatrisk vård. Samordningen görs i en samordnad vårdplan i stället för en SIP.",
					subject + " has an active plan of national type SPLPTLRV (ÖPT/ÖRV): coordinate in that plan, not a SIP (R11).",
					"CarePlan.subject").unprocessable();
		}
	}
}
