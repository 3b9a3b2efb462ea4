package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.IfMatch;
import se.samplan.server.hapi.References;
import se.samplan.server.hapi.Write;
import se.samplan.server.hapi.WriteStep;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.WorkflowSettings;

/**
 * A county may require that a plain update or patch of a SIP CarePlan says which version it changes
 * ({@code samplan.workflow.require-if-match-on-plan-updates}), so that two care workers editing one plan cannot
 * overwrite each other unnoticed: 428 without {@code If-Match}. The {@code $sip-*} operations change the plan
 * under their own rules and are not asked.
 */
@Component
@Order(111)
class PlanUpdatesNeedIfMatch implements WriteStep {

	private final WorkflowSettings settings;

	PlanUpdatesNeedIfMatch(WorkflowSettings settings) {
		this.settings = settings;
	}

	@Override
	public void beforeStore(Write write) {
		if (!settings.isRequireIfMatchOnPlanUpdates() || write.isCreate() || !SipPlans.isSip(write.previous())
				|| write.isInternal()
				|| W1ManagedPhaseRule.inWorkflowOperation(write.request())) {
			return;
		}
		String key = References.key(write.previous());
		if (IfMatch.expected(write.request(), key).isEmpty()) {
			throw Refusal.create().issue(IssueType.REQUIRED,
					"Ändringar av en SIP måste ange vilken version de utgår från (If-Match).",
					"This server requires If-Match on updates of a SIP CarePlan (" + key + "): send the version you read.",
					null).preconditionRequired();
		}
	}
}
