package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code $sip-close} (R10): reason and date recorded, open invitations and future meetings cancelled. */
class SipCloseOperationTest extends WorkflowTestSupport {

	@BeforeEach
	void scenarios() {
		loadScenarios();
	}

	/**
	 * An active plan of its own: scenario 1's plan and care team for a new person (written plainly for now;
	 * built with $sip-activate once that operation exists), with an open invitation to a coming meeting.
	 */
	@Test
	void closingAnActivePlanCompletesItAndCancelsWhatIsOpen() {
		String patient = newPatient();
		CareTeam team = client.read().resource(CareTeam.class).withId("sip1-careteam").execute();
		team.setId((String) null);
		team.setSubject(new Reference(patient));
		String teamId = client.create().resource(team).execute().getId().getIdPart();
		CarePlan active = client.read().resource(CarePlan.class).withId("sip1-careplan").execute();
		active.setId((String) null);
		active.setSubject(new Reference(patient));
		active.getCareTeam().clear();
		active.addCareTeam(new Reference("CareTeam/" + teamId));
		String planId = client.create().resource(active).execute().getId().getIdPart();

		Appointment meeting = client.read().resource(Appointment.class).withId("sip1-meeting").execute();
		meeting.setId((String) null);
		meeting.setStatus(Appointment.AppointmentStatus.BOOKED);
		meeting.getSupportingInformation().clear();
		meeting.addSupportingInformation(new Reference("CarePlan/" + planId));
		meeting.setStartElement(new org.hl7.fhir.r4.model.InstantType("2027-03-15T10:00:00+01:00"));
		meeting.setEndElement(new org.hl7.fhir.r4.model.InstantType("2027-03-15T11:00:00+01:00"));
		String meetingId = client.create().resource(meeting).execute().getId().getIdPart();
		Appointment held = client.read().resource(Appointment.class).withId("sip1-meeting").execute();
		held.setId((String) null);
		held.getSupportingInformation().clear();
		held.addSupportingInformation(new Reference("CarePlan/" + planId));
		String heldId = client.create().resource(held).execute().getId().getIdPart();
		Task invitation = client.read().resource(Task.class).withId("sip1-task-kommun").execute();
		invitation.setId((String) null);
		invitation.setStatus(Task.TaskStatus.REQUESTED);
		invitation.getBasedOn().clear();
		invitation.addBasedOn(new Reference("CarePlan/" + planId));
		invitation.setFocus(new Reference("Appointment/" + meetingId));
		invitation.setFor(new Reference(patient));
		String taskId = client.create().resource(invitation).execute().getId().getIdPart();

		HttpResponse<String> r = close(planId, "no-longer-needed");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		Bundle changed = CTX.newJsonParser().parseResource(Bundle.class, r.body());
		CarePlan plan = (CarePlan) changed.getEntryFirstRep().getResource();
		assertThat(SipPhase.of(plan)).contains(SipPhase.CLOSED);
		assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.COMPLETED);
		assertThat(plan.getExtensionByUrl(PlanClosure.CLOSURE).getExtensionByUrl("reason")).isNotNull();
		assertThat(changed.getEntry()).hasSize(4);
		assertThat(client.read().resource(Task.class).withId(taskId).execute().getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
		assertThat(client.read().resource(Appointment.class).withId(meetingId).execute().getStatus())
				.isEqualTo(Appointment.AppointmentStatus.CANCELLED);
		assertThat(client.read().resource(Appointment.class).withId(heldId).execute().getStatus())
				.as("a meeting that was held stays as it was").isEqualTo(Appointment.AppointmentStatus.FULFILLED);
		assertThat(client.read().resource(CareTeam.class).withId(teamId).execute().getStatus())
				.isEqualTo(CareTeam.CareTeamStatus.INACTIVE);
		assertThat(count("CarePlan?_id=" + planId + "&sip-phase=closed")).isEqualTo(1);
	}

	@Test
	void closingBeforeActiveRevokes() {
		CarePlan plan = initiated(newPatient());
		HttpResponse<String> r = close(plan.getIdPart(), "declined");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		CarePlan closed = (CarePlan) CTX.newJsonParser().parseResource(Bundle.class, r.body()).getEntryFirstRep().getResource();
		assertThat(closed.getStatus()).isEqualTo(CarePlan.CarePlanStatus.REVOKED);
	}

	@Test
	void aClosedPersonCanGetANewPlan() {
		String patient = newPatient();
		CarePlan plan = initiated(patient);
		assertThat(close(plan.getIdPart(), "moved").statusCode()).isEqualTo(200);
		assertThat(initiate(patient).statusCode()).as("R8 counts open plans only").isEqualTo(201);
	}

	@Test
	void reasonIsRequired() {
		CarePlan plan = initiated(newPatient());
		HttpResponse<String> r = postJson("/CarePlan/" + plan.getIdPart() + "/$sip-close",
				"{\"resourceType\":\"Parameters\"}");
		assertRule(r, 400, "R10", "Parameters.parameter");
	}
}
