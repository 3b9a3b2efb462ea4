package se.samplan.server.workflow;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Write;
import se.samplan.server.hapi.WriteStep;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipPhase;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipResources;
import se.samplan.server.sip.SipRule;
import se.samplan.server.sip.SipUrls;
import se.samplan.server.sip.WorkflowSettings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * R4 (utan dröjsmål): the county's day limits become deadlines on every write, however it arrives (followup.md,
 * "Deadlines"). A SIP plan carries {@code sip-due} for the invitation (the initiative day plus the days to invitation,
 * or the ready-for-discharge day plus the discharge limit) and, from the write that moves it to invited, for the
 * first meeting; a client's own values are replaced. An invitation Task without an answer-by date gets the county's;
 * a follow-up meeting without a due day ({@code requestedPeriod.end}) gets the plan's agreed follow-up.
 * The deadline sweeper records what lapses.
 */
@Component
@Order(285)
@Keeps(value = SipRule.R4, appliesTo = {"CarePlan", "Task", "Appointment"}, where = "any SIP CarePlan write (sip-due), any invitation "
		+ "Task write (answer-by), any follow-up Appointment write (requestedPeriod); the deadline sweeper", refusal = "none: deadlines are kept by the server, lapses become deviations")
public class R4Deadlines implements WriteStep {

	public static final String INVITATION = "invitation";
	public static final String FIRST_MEETING = "first-meeting";
	private static final EnumSet<SipPhase> BEFORE_INVITATION = EnumSet.of(SipPhase.INITIATED, SipPhase.CONSENTED);

	private final WorkflowSettings settings;
	private final PlanRepository plans;
	private final Clock clock;

	R4Deadlines(WorkflowSettings settings, PlanRepository plans, Clock clock) {
		this.settings = settings;
		this.plans = plans;
		this.clock = clock;
	}

	@Override
	public void beforeStore(Write write) {
		if (SipPlans.isSip(write.resource())) {
			keepDue((CarePlan) write.resource(), (CarePlan) write.previous());
		} else if (write.resource() instanceof Task task && SipResources.isInvitation(task)) {
			keepAnswerBy(task, (Task) write.previous());
		} else if (write.resource() instanceof Appointment meeting
				&& meeting.getAppointmentType().hasCoding(SipUrls.MEETING_TYPE_SYSTEM, "follow-up")) {
			keepFollowUpDue(meeting, (Appointment) write.previous(), write.request());
		}
	}

	/** The day a follow-up meeting is due: the plan's agreed follow-up when the meeting is booked. */
	private void keepFollowUpDue(Appointment meeting, Appointment stored, RequestDetails request) {
		if (meeting.hasRequestedPeriod()) {
			return;
		}
		if (stored != null) {
			meeting.setRequestedPeriod(stored.getRequestedPeriod());
			return;
		}
		plans.read(meeting.getSupportingInformationFirstRep(), CarePlan.class, request).filter(SipPlans::isSip)
				.flatMap(SipPlans::nextFollowUp).ifPresent(due -> meeting.addRequestedPeriod().setEnd(due));
	}

	private void keepDue(CarePlan plan, CarePlan stored) {
		Map<String, LocalDate> due = new LinkedHashMap<>();
		due.put(INVITATION, invitationDue(plan));
		Optional<LocalDate> meeting = stored == null ? Optional.empty() : SipPlans.due(stored, FIRST_MEETING);
		SipPhase phase = SipPhase.of(plan).orElse(null);
		boolean invitedNow = phase == SipPhase.INVITED && (stored == null || SipPhase.of(stored).map(BEFORE_INVITATION::contains).orElse(true));
		if (meeting.isEmpty() && invitedNow) {
			meeting = Optional.of(LocalDate.now(clock).plusDays(settings.getDaysFromInvitationToMeeting()));
		}
		meeting.ifPresent(day -> due.put(FIRST_MEETING, day));
		SipPlans.setDue(plan, due);
	}

	/** After discharge, the ready day plus the discharge limit (lag 2017:612); else the initiative day plus the county's days. */
	private LocalDate invitationDue(CarePlan plan) {
		Optional<LocalDate> ready = SipPlans.readyForDischarge(plan);
		if (ready.isPresent()) {
			return ready.get().plusDays(settings.getDischargeInvitationDays());
		}
		Date initiative = SipPlans.initiativeDate(plan).orElse(plan.hasCreated() ? plan.getCreated() : Date.from(clock.instant()));
		return LocalDate.ofInstant(initiative.toInstant(), clock.getZone()).plusDays(settings.getDaysFromInitiativeToInvitation());
	}

	private void keepAnswerBy(Task task, Task stored) {
		if (task.getRestriction().getPeriod().hasEnd()) {
			return;
		}
		if (stored != null && stored.getRestriction().getPeriod().hasEnd()) {
			task.getRestriction().getPeriod().setEnd(stored.getRestriction().getPeriod().getEnd());
			return;
		}
		// in the zone the invitation was written in, or the county's
		DateTimeType answerBy = task.hasAuthoredOn() ? task.getAuthoredOnElement().copy()
				: new DateTimeType(Date.from(clock.instant()), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(clock.getZone()));
		answerBy.add(Calendar.DATE, settings.getDaysToAnswerInvitation());
		task.getRestriction().getPeriod().setEndElement(answerBy);
	}
}
