package se.samplan.server.workflow;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.validation.SipCarePlan;

import java.util.List;

/**
 * W2 (avslutad plan är slutgiltig): a closed SIP is not changed, and neither are its meetings
 * (Appointment.supportingInformation) or invitations (Task.basedOn), nor are new ones added to it.
 */
@Component
@Order(10)
class ClosedIsFinalRule implements WriteRule {

	private final SipRecords records;

	ClosedIsFinalRule(SipRecords records) {
		this.records = records;
	}

	@Override
	public SipRule rule() {
		return SipRule.W2;
	}

	@Override
	public void check(Write write) {
		IBaseResource previous = write.previous();
		IBaseResource resource = write.resource();
		if (previous instanceof CarePlan stored && SipCarePlan.isSip(stored) && SipPhase.isClosed(stored)) {
			throw refusal("CarePlan/" + stored.getIdElement().getIdPart(), "CarePlan");
		}
		if (resource instanceof Appointment meeting) {
			checkLinks(meeting.getSupportingInformation(), "Appointment.supportingInformation");
		} else if (resource instanceof Task task) {
			checkLinks(task.getBasedOn(), "Task.basedOn");
		}
	}

	private void checkLinks(List<Reference> references, String path) {
		for (int i = 0; i < references.size(); i++) {
			String expression = path + "[" + i + "]";
			records.carePlan(references.get(i))
					.filter(plan -> SipCarePlan.isSip(plan) && SipPhase.isClosed(plan))
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
