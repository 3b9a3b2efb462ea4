package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipPhase;
import se.samplan.server.sip.SipPlans;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Closing a SIP (R10, avslut), for {@code $sip-close} and {@code $sip-withdraw-consent}: records why and
 * when, cancels the open invitations and future meetings, makes the care team inactive, and closes the
 * plan: status completed, or revoked when it was never active or the consent was withdrawn.
 */
@Component
class PlanClosure {

	private static final Set<Task.TaskStatus> OPEN = Set.of(Task.TaskStatus.DRAFT, Task.TaskStatus.REQUESTED,
			Task.TaskStatus.RECEIVED, Task.TaskStatus.ACCEPTED, Task.TaskStatus.READY, Task.TaskStatus.INPROGRESS,
			Task.TaskStatus.ONHOLD);
	private static final Set<Appointment.AppointmentStatus> COMING = Set.of(Appointment.AppointmentStatus.PROPOSED,
			Appointment.AppointmentStatus.PENDING, Appointment.AppointmentStatus.BOOKED);

	private final DaoRegistry daoRegistry;
	private final PlanRepository plans;
	private final Clock clock;

	PlanClosure(DaoRegistry daoRegistry, PlanRepository plans, Clock clock) {
		this.daoRegistry = daoRegistry;
		this.plans = plans;
		this.clock = clock;
	}

	/** Closes the plan in the caller's transaction; returns what changed, the plan first. */
	List<Resource> close(CarePlan plan, Coding reason, String note, DateTimeType date, RequestDetails request) {
		if (!SipPlans.isSip(plan)) {
			throw Refusal.create().issue(IssueType.NOTSUPPORTED, "Planen är inte en SIP.",
					"CarePlan/" + plan.getIdPart() + " is not a SIP: only SIP CarePlans are closed this way.",
					"CarePlan.category").unprocessable();
		}
		List<Resource> changed = new ArrayList<>();
		String planRef = "CarePlan/" + plan.getIdPart();
		for (Task task : plans.tasks(planRef, request)) {
			if (OPEN.contains(task.getStatus())) {
				task.setStatus(Task.TaskStatus.CANCELLED);
				task.getStatusReason().setText("SIP avslutad");
				changed.add((Resource) daoRegistry.getResourceDao(Task.class).update(task, request).getResource());
			}
		}
		Date now = Date.from(clock.instant());
		for (Appointment meeting : plans.meetings(planRef, request)) {
			if (COMING.contains(meeting.getStatus()) && (!meeting.hasStart() || !meeting.getStart().before(now))) {
				meeting.setStatus(Appointment.AppointmentStatus.CANCELLED);
				meeting.getCancelationReason().setText("SIP avslutad");
				changed.add((Resource) daoRegistry.getResourceDao(Appointment.class).update(meeting, request).getResource());
			}
		}
		for (Reference ref : plan.getCareTeam()) {
			plans.read(ref, CareTeam.class, request).filter(team -> team.getStatus() != CareTeam.CareTeamStatus.INACTIVE)
					.ifPresent(team -> {
						team.setStatus(CareTeam.CareTeamStatus.INACTIVE);
						changed.add((Resource) daoRegistry.getResourceDao(CareTeam.class).update(team, request).getResource());
					});
		}
		boolean revoked = SipPhase.of(plan).map(p -> p != SipPhase.ACTIVE).orElse(true)
				|| "consent-withdrawn".equals(reason.getCode());
		SipPhase.CLOSED.applyTo(plan, revoked);
		SipPlans.setClosure(plan, reason, date != null ? date : new DateTimeType(now), note);
		plan.getPeriod().setEndElement(new DateTimeType(now));
		changed.add(0, (Resource) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource());
		return changed;
	}
}
