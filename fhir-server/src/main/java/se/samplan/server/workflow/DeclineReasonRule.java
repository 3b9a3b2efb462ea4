package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;

/** R5 (kallelse): an invited organisation must take part; declining is an exception that states its reason. */
@Component
@Order(40)
class DeclineReasonRule implements WriteRule {

	static final String TASK_TYPE_SYSTEM = SipPackage.codeSystem("sip-task-type");

	@Override
	public void check(Write write) {
		if (write.resource() instanceof Task task && task.getCode().hasCoding(TASK_TYPE_SYSTEM, "invitation")
				&& task.getStatus() == Task.TaskStatus.REJECTED && task.getStatusReason().isEmpty()) {
			throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R5.coding(),
					"Den som avböjer en kallelse till SIP-möte måste ange skälet.",
					"An invitation is declined (status rejected) without a reason in Task.statusReason (R5).",
					"Task.statusReason").unprocessable();
		}
	}
}
