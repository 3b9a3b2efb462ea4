package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** W2: a closed plan, its meetings and its invitations do not change, by any write path. */
class W2ClosedIsFinalRuleTest extends WorkflowTestSupport {

	private CarePlan closed;
	private Appointment meeting;
	private Task invitation;

	@BeforeEach
	void closedPlan() {
		Bundle invited = invitedPlan();
		meeting = (Appointment) invited.getEntry().get(0).getResource();
		invitation = (Task) invited.getEntry().get(1).getResource();
		String planId = invited.getEntry().get(3).getResource().getIdElement().getIdPart();
		assertThat(close(planId, "no-longer-needed").statusCode()).isEqualTo(200);
		closed = client.read().resource(CarePlan.class).withId(planId).execute();
	}

	@Test
	void putOfTheClosedPlanIsRefused() {
		closed.setDescription("Ändring efter avslut");
		assertRule(send("PUT", "/CarePlan/" + closed.getIdPart(), "application/fhir+json",
				CTX.newJsonParser().encodeResourceToString(closed)), 422, "W2", "CarePlan");
	}

	@Test
	void patchOfTheClosedPlanIsRefused() {
		HttpResponse<String> r = send("PATCH", "/CarePlan/" + closed.getIdPart(), "application/json-patch+json",
				"[{\"op\":\"add\",\"path\":\"/description\",\"value\":\"Ändring efter avslut\"}]");
		assertRule(r, 422, "W2", "CarePlan");
	}

	@Test
	void closingAgainIsRefused() {
		assertRule(close(closed.getIdPart(), "moved"), 422, "W2", "CarePlan");
	}

	@Test
	void itsMeetingCannotBeReopened() {
		Appointment cancelled = client.read().resource(Appointment.class).withId(meeting.getIdPart()).execute();
		cancelled.setStatus(Appointment.AppointmentStatus.BOOKED);
		assertRule(send("PUT", "/Appointment/" + meeting.getIdPart(), "application/fhir+json",
				CTX.newJsonParser().encodeResourceToString(cancelled)), 422, "W2", "Appointment.supportingInformation[0]");
	}

	@Test
	void aNewMeetingForTheClosedPlanIsRefused() {
		meeting.setId((String) null);
		meeting.setStatus(Appointment.AppointmentStatus.BOOKED);
		assertRule(postJson("/Appointment", meeting), 422, "W2", "Appointment.supportingInformation[0]");
	}

	@Test
	void aNewInvitationForTheClosedPlanInATransactionWritesNothing() {
		int before = count("Task?based-on=CarePlan/" + closed.getIdPart());
		invitation.setId((String) null);
		invitation.setStatus(Task.TaskStatus.REQUESTED);
		assertRule(postJson("", transaction(invitation)), 422, "W2", "Task.basedOn[0]");
		assertThat(count("Task?based-on=CarePlan/" + closed.getIdPart())).isEqualTo(before);
	}
}
