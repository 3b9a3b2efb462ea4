package se.samplan.server.workflow;

import se.samplan.server.sip.SipUrls;
import se.samplan.server.sip.SipPhase;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code $sip-close} (R10): reason and date recorded, open invitations and future meetings cancelled. */
@Tag("R10")
class SipCloseOperationTest extends WorkflowTestSupport {


	@Test
	void closingAnActivePlanCompletesItAndCancelsWhatIsOpen() {
		String planId = activePlan();
		Bundle followUp = CTX.newJsonParser().parseResource(Bundle.class,
				inviteAt(planId, "2027-03-15T10:00:00+01:00", "Organization/sip2-org-bup").body());
		String meetingId = followUp.getEntry().get(0).getResource().getIdElement().getIdPart();
		String taskId = followUp.getEntry().get(1).getResource().getIdElement().getIdPart();
		String held = client.search().byUrl("Appointment?sip-care-plan=CarePlan/" + planId + "&status=fulfilled")
				.returnBundle(Bundle.class).execute().getEntryFirstRep().getResource().getIdElement().getIdPart();
		String teamId = client.read().resource(CarePlan.class).withId(planId).execute().getCareTeamFirstRep()
				.getReferenceElement().getIdPart();

		HttpResponse<String> r = close(planId, "no-longer-needed");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		Bundle changed = CTX.newJsonParser().parseResource(Bundle.class, r.body());
		CarePlan plan = (CarePlan) changed.getEntryFirstRep().getResource();
		assertThat(SipPhase.of(plan)).contains(SipPhase.CLOSED);
		assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.COMPLETED);
		assertThat(plan.getExtensionByUrl(SipUrls.CLOSURE).getExtensionByUrl("reason")).isNotNull();
		assertThat(changed.getEntry()).hasSize(4);
		assertThat(client.read().resource(Task.class).withId(taskId).execute().getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
		assertThat(client.read().resource(Appointment.class).withId(meetingId).execute().getStatus())
				.isEqualTo(Appointment.AppointmentStatus.CANCELLED);
		assertThat(client.read().resource(Appointment.class).withId(held).execute().getStatus())
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
