package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Delete;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.RuleStep;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipResources;
import se.samplan.server.sip.SipRule;

/**
 * W3 (historiken bevaras): a plan and what records its history (consents, invitations, meetings, goals, the care
 * team, the audit log) are never deleted, on any path: 405; mistakes are closed with reason entered-in-error.
 */
@Component
@Order(140)
@Keeps(appliesTo = {"CarePlan", "Consent", "Task", "Appointment", "Goal", "CareTeam", "AuditEvent"}, value = SipRule.W3, where = "DELETE, plain, conditional or in a batch or transaction", refusal = "405")
class W3HistoryKeptRule extends RuleStep {

	W3HistoryKeptRule(RuleSwitch ruleSwitch) {
		super(ruleSwitch);
	}

	@Override
	protected void checkDelete(Delete delete) {
		String type = delete.resource().fhirType();
		if (SipResources.NEVER_DELETED.contains(type)) {
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.W3.coding(),
					"Planer och det som hör till dem raderas inte. Avsluta planen med orsaken felregistrerad i stället.",
					type + " resources are never deleted (W3); close the plan with reason entered-in-error instead.",
					type).methodNotAllowed();
		}
	}
}
