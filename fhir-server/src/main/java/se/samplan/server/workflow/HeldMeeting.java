package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipUrls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Records that a SIP meeting was held, for {@code $sip-activate} and {@code $sip-follow-up}: the meeting
 * is fulfilled with the person's participation; the invitations of the organisations that came are
 * completed; an invited organisation that stayed away gets a failed invitation and a deviation (R5, R12);
 * the staff who came (or the organisations, when they name nobody) join the care team.
 */
@Component
class HeldMeeting {

	private static final Set<Task.TaskStatus> EXPECTED = Set.of(Task.TaskStatus.REQUESTED, Task.TaskStatus.RECEIVED,
			Task.TaskStatus.ACCEPTED);

	private final DaoRegistry daoRegistry;
	private final PlanRepository plans;
	private final Deviations deviations;
	private final CareTeams careTeams;

	HeldMeeting(DaoRegistry daoRegistry, PlanRepository plans, Deviations deviations, CareTeams careTeams) {
		this.daoRegistry = daoRegistry;
		this.plans = plans;
		this.deviations = deviations;
		this.careTeams = careTeams;
	}

	/** The plan's meeting a reference points at; 400 when it is not one of the plan's meetings. */
	Appointment of(CarePlan plan, Reference meeting, RequestDetails request) {
		String planRef = "CarePlan/" + plan.getIdPart();
		return plans.read(meeting, Appointment.class, request)
				.filter(found -> found.getSupportingInformation().stream().anyMatch(r -> planRef.equals(plans.key(r, request))))
				.orElseThrow(() -> R6PlanContentRule.noMeeting(planRef));
	}

	/**
	 * Records the meeting as held by those who came; returns what changed. A new care team is linked on {@code plan},
	 * which the caller writes.
	 */
	List<Resource> record(CarePlan plan, Appointment meeting, List<Reference> attended, String participation,
			String participationReason, RequestDetails request) {
		List<Resource> changed = new ArrayList<>();
		Set<String> organizations = new LinkedHashSet<>();
		List<String> staff = new ArrayList<>();
		for (Reference who : attended) {
			String ref = plans.key(who, request);
			if (ref != null && ref.startsWith("PractitionerRole/")) {
				staff.add(ref);
			}
			String organization = plans.organizationOf(who, request);
			if (organization != null) {
				organizations.add(organization);
			}
		}

		meeting.setStatus(Appointment.AppointmentStatus.FULFILLED);
		staff.stream().filter(s -> meeting.getParticipant().stream().noneMatch(p -> s.equals(p.getActor().getReference())))
				.forEach(s -> meeting.addParticipant().setActor(new Reference(s)).setStatus(Appointment.ParticipationStatus.ACCEPTED));
		if (participation != null) {
			meeting.getExtension().removeIf(e -> SipUrls.PATIENT_PARTICIPATION.equals(e.getUrl()));
			Extension e = meeting.addExtension().setUrl(SipUrls.PATIENT_PARTICIPATION);
			e.addExtension("participation", new CodeType(participation));
			if (participationReason != null) {
				e.addExtension("reason", new StringType(participationReason));
			}
		}
		changed.add((Resource) daoRegistry.getResourceDao(Appointment.class).update(meeting, request).getResource());

		String planRef = "CarePlan/" + plan.getIdPart();
		String meetingRef = "Appointment/" + meeting.getIdPart();
		for (Task task : plans.invitationsTo(meetingRef, request)) {
			if (!EXPECTED.contains(task.getStatus())) {
				continue;
			}
			String owner = plans.key(task.getOwner(), request);
			if (organizations.contains(owner)) {
				task.setStatus(Task.TaskStatus.COMPLETED);
				changed.add(update(task, request));
			} else {
				task.setStatus(Task.TaskStatus.FAILED);
				task.getStatusReason().setText("Deltog inte i SIP-mötet");
				changed.add(update(task, request));
				changed.add(deviations.record("absent-from-meeting", plan.getSubject().getReference(),
						List.of(planRef, meetingRef, "Task/" + task.getIdPart(), owner),
						owner + " var kallad men deltog inte i SIP-mötet.", request));
			}
		}
		// Staff join the care team; an organisation that came without naming anyone joins as itself.
		List<String> members = new ArrayList<>(staff);
		attended.stream().map(r -> plans.key(r, request)).filter(r -> r != null && r.startsWith("Organization/"))
				.forEach(members::add);
		careTeams.join(plan, members, "principal-representative", request).team().ifPresent(changed::add);
		return changed;
	}

	private Resource update(Task task, RequestDetails request) {
		return (Resource) daoRegistry.getResourceDao(Task.class).update(task, request).getResource();
	}
}
