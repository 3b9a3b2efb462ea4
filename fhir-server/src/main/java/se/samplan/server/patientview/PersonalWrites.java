package se.samplan.server.patientview;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.AppointmentResponse;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import se.samplan.server.access.Caller;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.StorageInterceptor;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipResources;
import se.samplan.server.sip.SipRule;

import java.util.List;

/**
 * What follows from the person's own writes (R13), in the same transaction: an answer to a meeting
 * (AppointmentResponse) sets the person's participation status in the meeting; a goal of the category
 * what matters to me joins the person's open plan. Whether the person may write them at all was decided
 * by the access rules.
 */
@Component
@Interceptor
class PersonalWrites implements StorageInterceptor {

	private final Callers callers;
	private final DaoRegistry daoRegistry;
	private final PlanRepository plans;

	PersonalWrites(Callers callers, DaoRegistry daoRegistry, PlanRepository plans) {
		this.callers = callers;
		this.daoRegistry = daoRegistry;
		this.plans = plans;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		Caller caller = callers.of(request);
		if (!caller.isPersonal()) {
			return;
		}
		if (resource instanceof AppointmentResponse answer) {
			answerMeeting(answer);
		} else if (resource instanceof Goal goal && SipResources.whatMattersToMe(goal)) {
			addToOpenPlan(goal);
		}
	}

	private void answerMeeting(AppointmentResponse answer) {
		Appointment meeting = daoRegistry.getResourceDao(Appointment.class)
				.read(answer.getAppointment().getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
		String actor = plans.patientOf(answer, null);
		List<Appointment.AppointmentParticipantComponent> mine = meeting.getParticipant().stream()
				.filter(p -> actor != null && actor.equals(p.getActor().getReferenceElement().toUnqualifiedVersionless().getValue()))
				.toList();
		if (mine.isEmpty()) {
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R13.coding(), "Du är inte kallad till det här mötet.",
					"The person " + actor + " is not a participant of the meeting.", "AppointmentResponse.actor").unprocessable();
		}
		mine.forEach(p -> p.setStatus(Appointment.ParticipationStatus.fromCode(answer.getParticipantStatus().toCode())));
		daoRegistry.getResourceDao(Appointment.class).update(meeting, new SystemRequestDetails());
	}

	private void addToOpenPlan(Goal goal) {
		String patient = plans.patientOf(goal, null);
		List<CarePlan> open = plans.openSips(patient, null);
		if (open.isEmpty()) {
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R13.coding(), "Du har ingen pågående plan att skriva i.",
					patient + " has no open SIP to add the goal to.", "Goal.subject").unprocessable();
		}
		CarePlan plan = open.get(0);
		plan.addGoal(new Reference("Goal/" + goal.getIdElement().getIdPart()));
		daoRegistry.getResourceDao(CarePlan.class).update(plan, new SystemRequestDetails());
	}
}
