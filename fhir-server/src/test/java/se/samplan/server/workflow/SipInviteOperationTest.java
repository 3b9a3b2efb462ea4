package se.samplan.server.workflow;

import se.samplan.server.sip.SipPhase;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code $sip-invite}: a meeting and one invitation per organisation, within the consent (R2). */
@Tag("R2")
class SipInviteOperationTest extends WorkflowTestSupport {


	@Test
	void createsTheMeetingAndAnInvitationPerOrganisation() {
		Bundle out = invitedPlan();
		Appointment meeting = (Appointment) out.getEntry().get(0).getResource();
		assertThat(out.getEntry().get(0).getFullUrl()).isEqualTo(fhirBase() + "/Appointment/" + meeting.getIdPart());
		assertThat(meeting.getAppointmentType().getCodingFirstRep().getCode()).isEqualTo("first");
		assertThat(meeting.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
		assertThat(out.getEntry().subList(1, 3)).extracting(e -> ((Task) e.getResource()).getOwner().getReference())
				.containsExactly("Organization/sip2-org-bup", "Organization/sip2-org-skola");
		Task task = (Task) out.getEntry().get(1).getResource();
		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		assertThat(task.getFocus().getReference()).isEqualTo("Appointment/" + meeting.getIdPart());
		assertThat(task.getRestriction().getPeriod().getEnd().toInstant())
				.isBetween(Instant.now().plus(4, ChronoUnit.DAYS), Instant.now().plus(6, ChronoUnit.DAYS));
		CarePlan plan = (CarePlan) out.getEntry().get(3).getResource();
		assertThat(SipPhase.of(plan)).contains(SipPhase.INVITED);
		assertThat(count("Appointment?sip-care-plan=CarePlan/" + plan.getIdPart())).isEqualTo(1);
	}

	@Test
	void withoutConsentIsRefused() {
		CarePlan plan = initiated(newPatient());
		assertRule(invite(plan.getIdPart(), "Organization/sip2-org-bup"), 422, "R2", "CarePlan");
		assertThat(count("Task?based-on=CarePlan/" + plan.getIdPart())).isZero();
	}

	@Test
	void anOrganisationOutsideTheConsentIsRefusedByName() {
		String patient = newPatient();
		CarePlan plan = initiated(patient);
		assertThat(consent(plan.getIdPart(), consentBy(patient, patient)).statusCode()).isEqualTo(200);
		var r = invite(plan.getIdPart(), "Organization/sip2-org-bup", "Organization/sip1-org-kommun");
		assertRule(r, 422, "R2", "Parameters.parameter.where(name = 'organization')[1]");
		assertThat(outcome(r).getIssue()).hasSize(1);
		assertThat(outcome(r).getIssueFirstRep().getDiagnostics()).contains("Organization/sip1-org-kommun");
		assertThat(count("Appointment?sip-care-plan=CarePlan/" + plan.getIdPart())).isZero();
	}
}
