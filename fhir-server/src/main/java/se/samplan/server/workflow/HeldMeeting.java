package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.outcome.Refusal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records that a SIP meeting was held, for {@code $sip-activate} and {@code $sip-follow-up}: the meeting
 * is fulfilled with the person's participation; the invitations of the organisations that came are
 * completed; an invited organisation that stayed away gets a failed invitation and a deviation (R5, R12);
 * the staff who came (or the organisations, when they name nobody) join the care team.
 */
@Component
public class HeldMeeting {

	static final String PATIENT_PARTICIPATION = SipPackage.structureDefinition("sip-patient-participation");
	private static final Set<Task.TaskStatus> EXPECTED = Set.of(Task.TaskStatus.REQUESTED, Task.TaskStatus.RECEIVED,
			Task.TaskStatus.ACCEPTED);

	private final DaoRegistry daoRegistry;
	private final SipRecords records;
	private final Deviations deviations;
	private final CareTeams careTeams;

	HeldMeeting(DaoRegistry daoRegistry, SipRecords records, Deviations deviations, CareTeams careTeams) {
		this.daoRegistry = daoRegistry;
		this.records = records;
		this.deviations = deviations;
		this.careTeams = careTeams;
	}

	/** The plan's meeting a reference points at; 422 when it is not one of the plan's meetings. */
	public Appointment of(CarePlan plan, Reference meeting, RequestDetails request) {
		String planRef = "CarePlan/" + plan.getIdPart();
		Appointment found = meeting == null || !meeting.hasReference() ? null
				: daoRegistry.getResourceDao(Appointment.class).read(meeting.getReferenceElement().toUnqualifiedVersionless(), request);
		if (found == null || found.getSupportingInformation().stream().noneMatch(r -> planRef.equals(r.getReference()))) {
			throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R6.coding(),
					"Ange det SIP-möte där planen beslutades.",
					"Parameter 'meeting' must reference a meeting of " + planRef + " (R6).",
					"Parameters.parameter.where(name = 'meeting')").invalidRequest();
		}
		return found;
	}

	public List<Resource> record(CarePlan plan, Appointment meeting, List<Reference> attended, String participation,
			String participationReason, RequestDetails request) {
		List<Resource> changed = new ArrayList<>();
		Set<String> organizations = new HashSet<>();
		List<String> staff = new ArrayList<>();
		for (Reference who : attended) {
			String ref = who.getReference();
			if (ref != null && ref.startsWith("PractitionerRole/")) {
				staff.add(ref);
				records.practitionerRole(who).ifPresent(role -> organizations.add(role.getOrganization().getReference()));
			} else if (ref != null) {
				organizations.add(ref);
			}
		}

		meeting.setStatus(Appointment.AppointmentStatus.FULFILLED);
		staff.stream().filter(s -> meeting.getParticipant().stream().noneMatch(p -> s.equals(p.getActor().getReference())))
				.forEach(s -> meeting.addParticipant().setActor(new Reference(s)).setStatus(Appointment.ParticipationStatus.ACCEPTED));
		if (participation != null) {
			meeting.getExtension().removeIf(e -> PATIENT_PARTICIPATION.equals(e.getUrl()));
			Extension e = meeting.addExtension().setUrl(PATIENT_PARTICIPATION);
			e.addExtension("participation", new CodeType(participation));
			if (participationReason != null) {
				e.addExtension("reason", new StringType(participationReason));
			}
		}
		changed.add((Resource) daoRegistry.getResourceDao(Appointment.class).update(meeting, request).getResource());

		IFhirResourceDao<Task> tasks = daoRegistry.getResourceDao(Task.class);
		String meetingRef = "Appointment/" + meeting.getIdPart();
		for (var found : tasks.search(SearchParameterMap.newSynchronous(Task.SP_FOCUS, new ReferenceParam(meetingRef)), request)
				.getAllResources()) {
			Task task = (Task) found;
			if (!EXPECTED.contains(task.getStatus())) {
				continue;
			}
			String owner = task.getOwner().getReference();
			if (organizations.contains(owner)) {
				task.setStatus(Task.TaskStatus.COMPLETED);
				changed.add((Resource) tasks.update(task, request).getResource());
			} else {
				task.setStatus(Task.TaskStatus.FAILED);
				task.getStatusReason().setText("Deltog inte i SIP-mötet");
				changed.add((Resource) tasks.update(task, request).getResource());
				changed.add(deviations.record("absent-from-meeting", plan.getSubject().getReference(),
						List.of("CarePlan/" + plan.getIdPart(), meetingRef, "Task/" + task.getIdPart(), owner),
						owner + " var kallad men deltog inte i SIP-mötet.", request));
			}
		}
		// Staff join the care team; an organisation that came without naming anyone joins as itself.
		List<String> members = new ArrayList<>(staff);
		attended.stream().map(Reference::getReference).filter(r -> r != null && r.startsWith("Organization/"))
				.forEach(members::add);
		for (String member : members) {
			changed.addAll(careTeams.addMember(plan, member, "principal-representative", request));
			plan = daoRegistry.getResourceDao(CarePlan.class).read(plan.getIdElement().toUnqualifiedVersionless(), request);
		}
		return changed;
	}
}
