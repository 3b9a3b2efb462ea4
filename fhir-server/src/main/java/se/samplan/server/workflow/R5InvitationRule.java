package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.RuleStep;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipResources;
import se.samplan.server.sip.SipRule;

import java.util.Set;

/**
 * R5 (kallelse): an invited organisation must take part; declining is an exception that states its reason
 * (422), and only the invited organisation (Task.owner) answers: a change of an invitation's status by another
 * organisation is refused (403), and an invitation answered or cancelled is not answered again. The caller's
 * organisation comes from its token ({@link Callers}). {@code $sip-respond} asks the same questions first.
 */
@Component
@Order(240)
@Keeps(appliesTo = {"Task"}, value = SipRule.R5, where = "$sip-respond, any invitation Task write",
		refusal = "422 decline without reason, or an answer to a closed invitation; 403 another organisation answering")
public class R5InvitationRule extends RuleStep {

	private static final Set<Task.TaskStatus> OPEN = Set.of(Task.TaskStatus.REQUESTED, Task.TaskStatus.RECEIVED);

	private final Callers callers;
	private final PlanRepository plans;

	R5InvitationRule(RuleSwitch ruleSwitch, Callers callers, PlanRepository plans) {
		super(ruleSwitch);
		this.callers = callers;
		this.plans = plans;
	}

	@Override
	protected void check(Write write) {
		if (!(write.resource() instanceof Task task) || !SipResources.isInvitation(task)) {
			return;
		}
		if (write.previous() instanceof Task stored && stored.getStatus() != task.getStatus()
				&& !W1ManagedPhaseRule.inWorkflowOperation(write.request())) {
			callers.organizationOf(write.request()).ifPresent(caller -> requireOwner(stored, caller, "Task.status"));
		}
		if (task.getStatus() == Task.TaskStatus.REJECTED && task.getStatusReason().isEmpty()) {
			throw declineWithoutReason("Task.statusReason");
		}
	}

	/** 403 unless the caller's organisation is the invited one. */
	public void requireOwner(Task invitation, String caller, String expression) {
		String owner = plans.key(invitation.getOwner(), null);
		if (holds() && !caller.equals(owner)) {
			throw Refusal.create().issue(IssueType.FORBIDDEN, SipRule.R5.coding(),
					"Bara den kallade verksamheten (" + owner + ") kan svara på kallelsen.",
					caller + " cannot answer an invitation owned by " + owner + " (R5).", expression).forbidden();
		}
	}

	/** 422 for an answer to an invitation already answered or cancelled, or a decline without a reason. */
	public void requireAnswerable(Task invitation, boolean decline, String reason, String reasonExpression) {
		if (!holds()) {
			return;
		}
		if (!OPEN.contains(invitation.getStatus())) {
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R5.coding(),
					"Kallelsen är redan besvarad eller inställd.",
					"Task/" + invitation.getIdElement().getIdPart() + " is " + invitation.getStatus().toCode()
							+ ", not open for an answer (R5).", "Task.status").unprocessable();
		}
		if (decline && (reason == null || reason.isBlank())) {
			throw declineWithoutReason(reasonExpression);
		}
	}

	private static RuntimeException declineWithoutReason(String expression) {
		return Refusal.create().issue(IssueType.REQUIRED, SipRule.R5.coding(),
				"Den som avböjer en kallelse till SIP-möte måste ange skälet.",
				"An invitation is declined without a reason (Task.statusReason, or the parameter 'reason' of $sip-respond) (R5).",
				expression).unprocessable();
	}
}
