package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.outcome.Refusal;

import java.util.Date;
import java.util.Optional;

/**
 * R6 (planens innehåll): what a plan must hold before it is active and at every follow-up: the person's
 * goals, each service with what it is and who carries it out, which principal (kommun or region) has
 * overall responsibility, the next follow-up, and the meeting where it was agreed. Lists every missing
 * part at once.
 */
@Component
public class PlanContent {

	static final String OVERALL_RESPONSIBILITY = SipPackage.structureDefinition("sip-overall-responsibility");
	static final String NEXT_FOLLOW_UP = SipPackage.structureDefinition("sip-next-follow-up");
	static final String ORGANIZATION_KIND_SYSTEM = SipPackage.codeSystem("sip-organization-kind");

	private final SipRecords records;

	private final RuleSwitch ruleSwitch;

	PlanContent(SipRecords records, RuleSwitch ruleSwitch) {
		this.records = records;
		this.ruleSwitch = ruleSwitch;
	}

	/** Throws 422 naming R6 and each missing part; {@code nextFollowUp} overrides the plan's own. */
	public void require(CarePlan plan, Appointment meeting, Date nextFollowUp) {
		if (!ruleSwitch.holds(SipRule.R6)) {
			return;
		}
		Refusal refusal = Refusal.create();
		if (plan.getGoal().isEmpty()) {
			missing(refusal, "Planen saknar den enskildes mål.", "the person's goals (CarePlan.goal)", "CarePlan.goal");
		}
		if (plan.getActivity().isEmpty()) {
			missing(refusal, "Planen saknar insatser.", "at least one service (CarePlan.activity)", "CarePlan.activity");
		}
		for (int i = 0; i < plan.getActivity().size(); i++) {
			CarePlanActivityComponent activity = plan.getActivity().get(i);
			if (!activity.getDetail().hasDescription()) {
				missing(refusal, "Insats " + (i + 1) + " saknar beskrivning.", "what service " + (i + 1) + " is",
						"CarePlan.activity[" + i + "].detail.description");
			}
			if (activity.getDetail().getPerformer().isEmpty()) {
				missing(refusal, "Insats " + (i + 1) + " saknar vem som utför den.", "who carries out service " + (i + 1),
						"CarePlan.activity[" + i + "].detail.performer");
			}
		}
		if (!hasPrincipalResponsible(plan)) {
			missing(refusal, "Planen anger inte vilken huvudman, kommun eller region, som har det övergripande ansvaret.",
					"the principal (kommun or region) with overall responsibility (sip-overall-responsibility)", "CarePlan.extension");
		}
		Date next = nextFollowUp != null ? nextFollowUp : nextFollowUp(plan).orElse(null);
		if (next == null || !next.after(new Date())) {
			missing(refusal, "Planen saknar en kommande tidpunkt för uppföljning.",
					"the next follow-up, in the future (sip-next-follow-up)", "CarePlan.extension");
		}
		if (meeting == null || meeting.getStatus() == Appointment.AppointmentStatus.CANCELLED
				|| !meeting.hasStart() || meeting.getStart().after(new Date())) {
			missing(refusal, "Planen ska beslutas vid ett SIP-möte som har hållits.",
					"a held meeting of the plan (an Appointment of the plan that has started)", "Parameters.parameter.where(name = 'meeting')");
		}
		if (!refusal.isEmpty()) {
			throw refusal.unprocessable();
		}
	}

	static Optional<Date> nextFollowUp(CarePlan plan) {
		Extension e = plan.getExtensionByUrl(NEXT_FOLLOW_UP);
		return e != null && e.getValue() instanceof DateTimeType d && d.hasValue() ? Optional.of(d.getValue()) : Optional.empty();
	}

	private boolean hasPrincipalResponsible(CarePlan plan) {
		Extension e = plan.getExtensionByUrl(OVERALL_RESPONSIBILITY);
		if (e == null || !(e.getValue() instanceof Reference ref)) {
			return false;
		}
		Optional<Organization> org = records.organization(ref);
		return org.isPresent() && org.get().getType().stream().anyMatch(t ->
				t.hasCoding(ORGANIZATION_KIND_SYSTEM, "kommun") || t.hasCoding(ORGANIZATION_KIND_SYSTEM, "region"));
	}

	private static void missing(Refusal refusal, String swedish, String english, String expression) {
		refusal.issue(IssueType.REQUIRED, SipRule.R6.coding(), swedish, "The plan lacks " + english + " (R6).", expression);
	}
}
