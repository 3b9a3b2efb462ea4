package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code $sip-respond} (R5, R12): accept with an attendee, decline with a reason and a deviation. */
@Tag("R5")
@Tag("R12")
class SipRespondOperationTest extends WorkflowTestSupport {

	private Bundle invited;
	private String bupTask;
	private String planId;

	@BeforeEach
	void invitation() {
		invited = invitedPlan();
		bupTask = invited.getEntry().get(1).getResource().getIdElement().getIdPart();
		planId = invited.getEntry().get(3).getResource().getIdElement().getIdPart();
	}

	@Test
	void acceptWithAnAttendeeJoinsTheMeetingAndTheCareTeam() {
		HttpResponse<String> r = respond(bupTask, "Organization/sip2-org-bup", "accept", null, "PractitionerRole/sip2-role-bup");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		assertThat(client.read().resource(Task.class).withId(bupTask).execute().getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
		Appointment meeting = (Appointment) client.read().resource(Appointment.class)
				.withId(invited.getEntry().get(0).getResource().getIdElement().getIdPart()).execute();
		assertThat(meeting.getParticipant()).anySatisfy(p ->
				assertThat(p.getActor().getReference()).isEqualTo("PractitionerRole/sip2-role-bup"));
		CarePlan plan = client.read().resource(CarePlan.class).withId(planId).execute();
		CareTeam team = client.read().resource(CareTeam.class).withId(plan.getCareTeamFirstRep().getReferenceElement().getIdPart()).execute();
		assertThat(team.getParticipant()).extracting(p -> p.getMember().getReference())
				.contains(plan.getSubject().getReference(), "PractitionerRole/sip2-role-bup");
	}

	@Test
	void declineWithoutReasonIsRefused() {
		assertRule(respond(bupTask, "Organization/sip2-org-bup", "decline", null, null), 422, "R5",
				"Parameters.parameter.where(name = 'reason')");
		assertThat(client.read().resource(Task.class).withId(bupTask).execute().getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
	}

	@Test
	void declineWithReasonIsRecordedAsADeviation() {
		HttpResponse<String> r = respond(bupTask, "Organization/sip2-org-bup", "decline", "Barnet är inte aktuellt på BUP.", null);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		Task task = client.read().resource(Task.class).withId(bupTask).execute();
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REJECTED);
		assertThat(task.getStatusReason().getText()).isEqualTo("Barnet är inte aktuellt på BUP.");
		Bundle deviations = client.search().byUrl("DetectedIssue?implicated=Task/" + bupTask).returnBundle(Bundle.class).execute();
		assertThat(deviations.getEntry()).hasSize(1);
		DetectedIssue deviation = (DetectedIssue) deviations.getEntryFirstRep().getResource();
		assertThat(deviation.getCode().getCodingFirstRep().getCode()).isEqualTo("invitation-declined");
		assertThat(deviation.getImplicated()).extracting(i -> i.getReference()).contains("CarePlan/" + planId);
	}

	@Test
	void onlyTheInvitedOrganisationAnswers() {
		assertRule(respond(bupTask, "Organization/sip2-org-skola", "accept", null, null), 403, "R5", "Task.owner");
		assertThat(client.read().resource(Task.class).withId(bupTask).execute().getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
	}

	@Test
	void anAnsweredInvitationCannotBeAnsweredAgain() {
		assertThat(respond(bupTask, "Organization/sip2-org-bup", "accept", null, null).statusCode()).isEqualTo(200);
		assertRule(respond(bupTask, "Organization/sip2-org-bup", "decline", "Ångrar oss.", null), 422, "R5", "Task.status");
	}

	@Test
	void theAnswerShowsOnlyWhatTheAnsweringOrganisationMayRead() {
		// The consent is narrowed after the invitation: BUP no longer takes part, but may still say no.
		org.hl7.fhir.r4.model.Consent consent = (org.hl7.fhir.r4.model.Consent) client.search()
				.byUrl("Consent?data=CarePlan/" + planId).returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
		consent.getProvision().getActor().removeIf(a -> a.getReference().getReference().equals("Organization/sip2-org-bup"));
		consent.setMeta(null);
		HttpResponse<String> narrowed = send("PUT", "/Consent/" + consent.getIdPart(), "application/fhir+json",
				CTX.newJsonParser().encodeResourceToString(consent));
		assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
		HttpResponse<String> r = respond(bupTask, "Organization/sip2-org-bup", "decline", "Inte längre aktuellt.", null);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		Bundle answer = CTX.newJsonParser().parseResource(Bundle.class, r.body());
		assertThat(answer.getEntry()).extracting(e -> e.getResource().fhirType())
				.doesNotContain("CarePlan", "CareTeam", "Appointment", "Consent", "Patient");
	}
}
