package se.samplan.server.workflow;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.RuleStep;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipRule;
import se.samplan.server.sip.SipUrls;

import java.time.Clock;
import java.util.Date;

/**
 * R6 (planens innehåll): what an active plan holds, on every write of one: the person's goals, each service with
 * what it is and who carries it out, which principal (kommun or region) has overall responsibility, its care team
 * and the next follow-up. {@code $sip-activate} and {@code $sip-follow-up} also need the next follow-up in the
 * future and the meeting where the plan was agreed ({@link #require}). Lists every missing part at once, before
 * the profile's invariants would say the same without the rule.
 */
@Component
@Order(280)
@Keeps(appliesTo = {"CarePlan", "Goal"}, value = SipRule.R6, where = "activate, follow-up, and any write of an active SIP CarePlan",
		refusal = "422, one issue per missing part")
public class R6PlanContentRule extends RuleStep {

	private final PlanRepository plans;
	private final Clock clock;

	R6PlanContentRule(RuleSwitch ruleSwitch, PlanRepository plans, Clock clock) {
		super(ruleSwitch);
		this.plans = plans;
		this.clock = clock;
	}

	@Override
	protected void check(Write write) {
		if (SipPlans.isSip(write.resource()) && ((CarePlan) write.resource()).getStatus() == CarePlan.CarePlanStatus.ACTIVE) {
			CarePlan plan = (CarePlan) write.resource();
			Refusal refusal = content(plan, write.request());
			if (!plan.hasCareTeam()) {
				missing(refusal, "Planen saknar SIP-team.", "its care team (CarePlan.careTeam)", "CarePlan.careTeam");
			}
			if (SipPlans.nextFollowUp(plan).isEmpty()) {
				missing(refusal, "Planen saknar en tidpunkt för uppföljning.", "the next follow-up (sip-next-follow-up)",
						"CarePlan.extension");
			}
			if (!refusal.isEmpty()) {
				throw refusal.unprocessable();
			}
		}
	}

	/** Throws 422 naming R6 and each missing part; {@code nextFollowUp} overrides the plan's own. */
	public void require(CarePlan plan, Appointment meeting, Date nextFollowUp, RequestDetails request) {
		if (!holds()) {
			return;
		}
		Refusal refusal = content(plan, request);
		Date next = nextFollowUp != null ? nextFollowUp : SipPlans.nextFollowUp(plan).orElse(null);
		if (next == null || !next.after(Date.from(clock.instant()))) {
			missing(refusal, "Planen saknar en kommande tidpunkt för uppföljning.",
					"the next follow-up, in the future (sip-next-follow-up)", "CarePlan.extension");
		}
		if (meeting == null || meeting.getStatus() == Appointment.AppointmentStatus.CANCELLED
				|| !meeting.hasStart() || meeting.getStart().after(Date.from(clock.instant()))) {
			missing(refusal, "Planen ska beslutas vid ett SIP-möte som har hållits.",
					"a held meeting of the plan (an Appointment of the plan that has started)", "Parameters.parameter.where(name = 'meeting')");
		}
		if (!refusal.isEmpty()) {
			throw refusal.unprocessable();
		}
	}

	/** 400 for an operation that does not name the meeting of the plan it records. */
	public static RuntimeException noMeeting(String planRef) {
		return Refusal.create().issue(IssueType.REQUIRED, SipRule.R6.coding(), "Ange det SIP-möte där planen beslutades.",
				"Parameter 'meeting' must reference a meeting of " + planRef + " (R6).",
				"Parameters.parameter.where(name = 'meeting')").invalidRequest();
	}

	/** 400 for an operation that does not say who came to the meeting. */
	public static RuntimeException noAttendees() {
		return Refusal.create().issue(IssueType.REQUIRED, SipRule.R6.coding(), "Ange vilka som deltog i mötet.",
				"Parameter 'attended' lists who came to the meeting (R6).",
				"Parameters.parameter.where(name = 'attended')").invalidRequest();
	}

	/** The parts every active plan holds: goals, described services with performers, a principal responsible. */
	private Refusal content(CarePlan plan, RequestDetails request) {
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
		boolean principal = plans.organization(SipPlans.overallResponsibility(plan), request)
				.map(org -> org.getType().stream().anyMatch(t -> t.hasCoding(SipUrls.ORGANIZATION_KIND_SYSTEM, "kommun")
						|| t.hasCoding(SipUrls.ORGANIZATION_KIND_SYSTEM, "region"))).orElse(false);
		if (!principal) {
			missing(refusal, "Planen anger inte vilken huvudman, kommun eller region, som har det övergripande ansvaret.",
					"the principal (kommun or region) with overall responsibility (sip-overall-responsibility)", "CarePlan.extension");
		}
		return refusal;
	}

	private static void missing(Refusal refusal, String swedish, String english, String expression) {
		refusal.issue(IssueType.REQUIRED, SipRule.R6.coding(), swedish, "The plan lacks " + english + " (R6).", expression);
	}
}
