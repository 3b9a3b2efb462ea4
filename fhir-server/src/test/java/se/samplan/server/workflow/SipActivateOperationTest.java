package se.samplan.server.workflow;

import se.samplan.server.sip.SipUrls;
import se.samplan.server.sip.SipPhase;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code $sip-activate}: R2, R6 (every missing part at once), W1 (only from invited), and its effects. */
@Tag("R6")
@Tag("R12")
class SipActivateOperationTest extends WorkflowTestSupport {

	static final String HELD = "2026-11-02T13:00:00+01:00";

	private String planId;
	private String meetingId;
	private String bupTask;
	private String schoolTask;

	@BeforeEach
	void invited() {
		Bundle invited = invitedPlan(HELD);
		meetingId = invited.getEntry().get(0).getResource().getIdElement().getIdPart();
		bupTask = invited.getEntry().get(1).getResource().getIdElement().getIdPart();
		schoolTask = invited.getEntry().get(2).getResource().getIdElement().getIdPart();
		planId = invited.getEntry().get(3).getResource().getIdElement().getIdPart();
	}

	@Test
	void activatesACompletePlanAndRecordsTheMeeting() {
		writeContent(planId);
		HttpResponse<String> r = activate(planId, meetingId, "PractitionerRole/sip2-role-bup");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		CarePlan plan = client.read().resource(CarePlan.class).withId(planId).execute();
		assertThat(SipPhase.of(plan)).contains(SipPhase.ACTIVE);
		assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
		assertThat(plan.getExtensionByUrl(SipUrls.APPROVED_FOR_PATIENT).getValue().primitiveValue()).isEqualTo("true");
		assertThat(client.read().resource(Appointment.class).withId(meetingId).execute().getStatus())
				.isEqualTo(Appointment.AppointmentStatus.FULFILLED);
		assertThat(client.read().resource(Task.class).withId(bupTask).execute().getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(client.read().resource(Task.class).withId(schoolTask).execute().getStatus()).isEqualTo(Task.TaskStatus.FAILED);
		assertThat(count("DetectedIssue?implicated=Task/" + schoolTask)).as("R12: absent school").isEqualTo(1);
		assertThat(plan.hasCareTeam()).isTrue();
	}

	@Test
	void anIncompletePlanIsRefusedWithEveryMissingPart() {
		HttpResponse<String> r = activate(planId, meetingId, "Organization/sip2-org-bup");
		assertRule(r, 422, "R6", "CarePlan.goal");
		assertThat(expressions(r)).contains("CarePlan.goal", "CarePlan.activity", "CarePlan.extension");
		assertThat(outcome(r).getIssue()).hasSizeGreaterThanOrEqualTo(4);
		assertThat(count("CarePlan?_id=" + planId + "&sip-phase=invited")).isEqualTo(1);
		assertThat(client.read().resource(Task.class).withId(bupTask).execute().getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
	}

	@Test
	void anActivityWithoutPerformerIsNamed() {
		CarePlan plan = writeContent(planId);
		plan.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED).setDescription("Läxhjälp");
		assertThat(send("PUT", "/CarePlan/" + planId, "application/fhir+json", CTX.newJsonParser().encodeResourceToString(plan))
				.statusCode()).isEqualTo(200);
		assertRule(activate(planId, meetingId, "Organization/sip2-org-bup"), 422, "R6", "CarePlan.activity[1].detail.performer");
	}

	@Test
	void aMeetingNotYetHeldIsRefused() {
		Bundle future = invitedPlan("2027-01-10T13:00:00+01:00");
		String plan = future.getEntry().get(3).getResource().getIdElement().getIdPart();
		writeContent(plan);
		assertRule(activate(plan, future.getEntry().get(0).getResource().getIdElement().getIdPart(), "Organization/sip2-org-bup"),
				422, "R6", "Parameters.parameter.where(name = 'meeting')");
	}

	@Test
	void withoutConsentIsRefused() {
		CarePlan initiated = initiated(newPatient());
		assertRule(activate(initiated.getIdPart(), meetingId, "Organization/sip2-org-bup"), 422, "R2", "CarePlan");
	}

	@Test
	void beforeTheInvitationIsRefused() {
		String patient = newPatient();
		CarePlan plan = initiated(patient);
		assertThat(consent(plan.getIdPart(), consentBy(patient, patient)).statusCode()).isEqualTo(200);
		assertRule(activate(plan.getIdPart(), meetingId, "Organization/sip2-org-bup"), 422, "W1", "CarePlan");
	}
}
