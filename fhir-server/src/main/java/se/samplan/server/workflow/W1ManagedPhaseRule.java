package se.samplan.server.workflow;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
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

import java.util.Objects;

/**
 * W1 (fasen styrs av servern): a SIP's phase ({@code sip-phase}) and {@code status} change only through the
 * {@code $sip-*} operations. A client may create a SIP as a draft (it starts as initiated) and edit its content,
 * but not set or change either; a client update that leaves the phase out keeps the stored one. The operations
 * refuse a step the plan's phase does not allow with the same rule ({@link #requirePhase}).
 */
@Component
@Order(205)
@Keeps(appliesTo = {"CarePlan"}, value = SipRule.W1, where = "any SIP CarePlan create or update outside an operation; each operation's phase",
		refusal = "422; a plain create starts as a draft in phase initiated, an update that leaves the phase out keeps it")
public class W1ManagedPhaseRule extends RuleStep {

	W1ManagedPhaseRule(RuleSwitch ruleSwitch) {
		super(ruleSwitch);
	}

	@Override
	protected void check(Write write) {
		if (!SipPlans.isSip(write.resource()) || inWorkflowOperation(write.request())) {
			return;
		}
		CarePlan plan = (CarePlan) write.resource();
		if (write.isCreate()) {
			SipPhase phase = SipPhase.of(plan).orElse(null);
			if (plan.getStatus() != CarePlan.CarePlanStatus.DRAFT || (phase != null && phase != SipPhase.INITIATED)) {
				throw refusal("En ny SIP börjar som utkast i fasen initierad; fas och status ändras sedan genom SIP-operationerna.",
						"A new SIP starts with status draft in phase initiated; phase and status then change through the $sip-* operations only (W1).",
						"CarePlan.status");
			}
			SipPhase.INITIATED.applyTo(plan, false);
			return;
		}
		CarePlan stored = (CarePlan) write.previous();
		if (SipPhase.of(plan).isEmpty()) {
			SipPhase.of(stored).ifPresent(p -> plan.addExtension(SipUrls.PHASE, new CodeType(p.code())));
		}
		if (!Objects.equals(SipPhase.of(plan), SipPhase.of(stored)) || plan.getStatus() != stored.getStatus()) {
			throw refusal("Planens fas och status ändras bara genom SIP-operationerna ($sip-activate, $sip-close med flera).",
					"sip-phase and status of a SIP change only through the $sip-* operations, not by a plain write (W1).",
					"CarePlan.status");
		}
	}

	/** 422 when an operation's step does not fit the plan's phase: {@code swedish} says what the step needs. */
	public void requirePhase(CarePlan plan, String step, String swedish, SipPhase... allowed) {
		SipPhase phase = SipPhase.of(plan).orElse(null);
		if (!holds() || java.util.Arrays.asList(allowed).contains(phase)) {
			return;
		}
		throw refusal(swedish, step + " needs a plan in phase " + java.util.Arrays.stream(allowed).map(SipPhase::code)
				.toList() + "; this one is " + (phase == null ? "not a SIP" : phase.code()) + " (W1).", "CarePlan.extension");
	}

	/** A write made by one of the workflow's own operations (for REST requests, the operation named in the URL). */
	public static boolean inWorkflowOperation(RequestDetails request) {
		return request != null && request.getOperation() != null && request.getOperation().startsWith("$sip-");
	}

	private static RuntimeException refusal(String swedish, String english, String expression) {
		return Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.W1.coding(), swedish, english, expression)
				.unprocessable();
	}
}
