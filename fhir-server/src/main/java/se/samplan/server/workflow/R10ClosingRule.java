package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.RuleStep;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipPhase;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipRule;
import se.samplan.server.sip.SipUrls;

/**
 * R10 (avslut): a plan is closed with its reason (a code of {@code sip-closure-reason}) and date recorded in
 * {@code sip-closure}, on every write that closes one; {@code $sip-close} checks the reason it is given first
 * ({@link #requireReason}). What closing does (open invitations and future meetings cancelled, the care team
 * inactive) is {@link PlanClosure}'s.
 */
@Component
@Order(290)
@Keeps(appliesTo = {"CarePlan", "Task", "Appointment", "CareTeam"}, value = SipRule.R10, where = "close, withdraw, and any write that closes a SIP",
		refusal = "400 for $sip-close without a reason of sip-closure-reason; 422 for a closed plan without its reason and date")
public class R10ClosingRule extends RuleStep {

	R10ClosingRule(RuleSwitch ruleSwitch) {
		super(ruleSwitch);
	}

	@Override
	protected void check(Write write) {
		if (SipPlans.isSip(write.resource()) && SipPhase.isClosed((CarePlan) write.resource())
				&& !(write.previous() instanceof CarePlan stored && SipPhase.isClosed(stored))) {
			CarePlan plan = (CarePlan) write.resource();
			boolean dated = plan.getExtensionByUrl(SipUrls.CLOSURE) != null
					&& plan.getExtensionByUrl(SipUrls.CLOSURE).getExtensionByUrl("date") != null;
			if (SipPlans.closureReason(plan).filter(R10ClosingRule::isReason).isEmpty() || !dated) {
				throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R10.coding(),
						"En avslutad plan ska ange orsak och datum för avslutet.",
						"A closed SIP records its reason (a code of " + SipUrls.CLOSURE_REASON_SYSTEM + ") and date in sip-closure (R10).",
						"CarePlan.extension").unprocessable();
			}
		}
	}

	/** 400 unless {@code reason} is a code of sip-closure-reason. */
	public void requireReason(Coding reason) {
		if (holds() && (reason == null || !isReason(reason))) {
			throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R10.coding(),
					"Ange orsaken till att planen avslutas.",
					"Parameter 'reason' must be a Coding from " + SipUrls.CLOSURE_REASON_SYSTEM + " (R10).",
					"Parameters.parameter.where(name = 'reason')").invalidRequest();
		}
	}

	private static boolean isReason(Coding reason) {
		return SipUrls.CLOSURE_REASON_SYSTEM.equals(reason.getSystem()) && reason.hasCode();
	}
}
