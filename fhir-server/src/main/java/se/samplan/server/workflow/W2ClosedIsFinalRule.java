package se.samplan.server.workflow;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
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

import java.util.List;

/**
 * W2 (avslutad plan är slutgiltig): a closed SIP is not changed, and neither are its meetings
 * (Appointment.supportingInformation) or invitations (Task.basedOn), nor are new ones added to it; the
 * operations on a closed plan are refused the same way ({@link #requireOpen}).
 */
@Component
@Order(210)
@Keeps(appliesTo = {"CarePlan", "Appointment", "Task"}, value = SipRule.W2, where = "updates of a closed plan; writes of its meetings and invitations; operations on it",
		refusal = "422")
public class W2ClosedIsFinalRule extends RuleStep {

	private final PlanRepository plans;

	W2ClosedIsFinalRule(RuleSwitch ruleSwitch, PlanRepository plans) {
		super(ruleSwitch);
		this.plans = plans;
	}

	@Override
	protected void check(Write write) {
		if (write.previous() instanceof CarePlan stored && SipPlans.isSip(stored) && SipPhase.isClosed(stored)) {
			throw refusal("CarePlan/" + stored.getIdElement().getIdPart(), "CarePlan");
		}
		if (write.resource() instanceof Appointment meeting) {
			checkLinks(meeting.getSupportingInformation(), "Appointment.supportingInformation", write.request());
		} else if (write.resource() instanceof Task task) {
			checkLinks(task.getBasedOn(), "Task.basedOn", write.request());
		}
	}

	/** 422 for an operation on a closed plan. */
	public void requireOpen(CarePlan plan) {
		if (holds() && SipPlans.isSip(plan) && SipPhase.isClosed(plan)) {
			throw refusal("CarePlan/" + plan.getIdElement().getIdPart(), "CarePlan");
		}
	}

	private void checkLinks(List<Reference> references, String path, RequestDetails request) {
		for (int i = 0; i < references.size(); i++) {
			String expression = path + "[" + i + "]";
			plans.read(references.get(i), CarePlan.class, request)
					.filter(plan -> SipPlans.isSip(plan) && SipPhase.isClosed(plan))
					.ifPresent(plan -> {
						throw refusal("CarePlan/" + plan.getIdElement().getIdPart(), expression);
					});
		}
	}

	private static RuntimeException refusal(String plan, String expression) {
		return Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.W2.coding(),
				"Planen " + plan + " är avslutad och kan inte ändras, och inte heller dess möten och kallelser.",
				plan + " is closed: it, its meetings and its invitations can no longer change (W2).",
				expression).unprocessable();
	}
}
