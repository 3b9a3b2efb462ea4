package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** W2: a closed plan, its meetings and its invitations do not change, by any write path. */
class ClosedIsFinalRuleTest extends WorkflowTestSupport {

	private CarePlan closed;

	@BeforeEach
	void closedPlan() {
		loadScenarios();
		CarePlan plan = initiated(newPatient());
		assertThat(close(plan.getIdPart(), "no-longer-needed").statusCode()).isEqualTo(200);
		closed = client.read().resource(CarePlan.class).withId(plan.getIdPart()).execute();
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
	void aNewMeetingForTheClosedPlanIsRefused() {
		Appointment meeting = client.read().resource(Appointment.class).withId("sip1-meeting").execute();
		meeting.setId((String) null);
		meeting.getSupportingInformation().clear();
		meeting.addSupportingInformation(new Reference("CarePlan/" + closed.getIdPart()));
		assertRule(postJson("/Appointment", meeting), 422, "W2", "Appointment.supportingInformation[0]");
	}

	@Test
	void aNewInvitationForTheClosedPlanInATransactionWritesNothing() {
		Task invitation = client.read().resource(Task.class).withId("sip1-task-kommun").execute();
		invitation.setId((String) null);
		invitation.setStatus(Task.TaskStatus.REQUESTED);
		invitation.getBasedOn().clear();
		invitation.addBasedOn(new Reference("CarePlan/" + closed.getIdPart()));
		assertRule(postJson("", transaction(invitation)), 422, "W2", "Task.basedOn[0]");
		assertThat(count("Task?based-on=CarePlan/" + closed.getIdPart())).isZero();
	}
}
