package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;

/**
 * R5 (kallelse): an invited organisation must take part; declining is an exception that states its
 * reason (422), and only the invited organisation (Task.owner) answers: a change of an invitation's
 * status by another organisation is refused (403). The caller's organisation comes from its token ({@link Callers}).
 */
@Component
@Order(40)
class InvitationAnswerRule implements WriteRule {

	private final Callers callers;

	InvitationAnswerRule(Callers callers) {
		this.callers = callers;
	}

	static final String TASK_TYPE_SYSTEM = SipPackage.codeSystem("sip-task-type");

	@Override
	public SipRule rule() {
		return SipRule.R5;
	}

	@Override
	public void check(Write write) {
		if (!(write.resource() instanceof Task task) || !task.getCode().hasCoding(TASK_TYPE_SYSTEM, "invitation")) {
			return;
		}
		if (write.previous() instanceof Task stored && stored.getStatus() != task.getStatus()
				&& !ManagedPhaseRule.inWorkflowOperation(write.request())) {
			String owner = stored.getOwner().getReference();
			callers.organizationOf(write.request()).filter(caller -> !caller.equals(owner)).ifPresent(caller -> {
				throw Refusal.create().issue(IssueType.FORBIDDEN, SipRule.R5.coding(),
						"Bara den kallade verksamheten (" + owner + ") kan svara på kallelsen.",
						caller + " cannot answer an invitation owned by " + owner + " (R5).", "Task.status").forbidden();
			});
		}
		if (task.getStatus() == Task.TaskStatus.REJECTED && task.getStatusReason().isEmpty()) {
			throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R5.coding(),
					"Den som avböjer en kallelse till SIP-möte måste ange skälet.",
					"An invitation is declined (status rejected) without a reason in Task.statusReason (R5).",
					"Task.statusReason").unprocessable();
		}
	}
}
