package se.samplan.server.workflow;

import se.samplan.server.sip.SipUrls;
import se.samplan.server.sip.SipPhase;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Withdrawing consent closes the plan (revoked) and cancels open invitations and future meetings (R2, R10). */
@Tag("R2")
@Tag("R10")
class SipWithdrawConsentOperationTest extends WorkflowTestSupport {


	private HttpResponse<String> withdraw(String planId, String by) {
		Parameters in = new Parameters();
		in.addParameter().setName("withdrawnBy").setValue(new Reference(by));
		in.addParameter().setName("note").setValue(new org.hl7.fhir.r4.model.StringType("Vill inte längre ha planen."));
		return postJson("/CarePlan/" + planId + "/$sip-withdraw-consent", in);
	}

	@Test
	void closesThePlanAndCancelsWhatIsOpen() {
		Bundle invited = invitedPlan();
		String meeting = invited.getEntry().get(0).getResource().getIdElement().getIdPart();
		String task = invited.getEntry().get(1).getResource().getIdElement().getIdPart();
		CarePlan plan = (CarePlan) invited.getEntry().get(3).getResource();

		HttpResponse<String> r = withdraw(plan.getIdPart(), plan.getSubject().getReference());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		CarePlan closed = client.read().resource(CarePlan.class).withId(plan.getIdPart()).execute();
		assertThat(SipPhase.of(closed)).contains(SipPhase.CLOSED);
		assertThat(closed.getStatus()).isEqualTo(CarePlan.CarePlanStatus.REVOKED);
		assertThat(closed.getExtensionByUrl(SipUrls.CLOSURE).getExtensionByUrl("reason").getValue())
				.isInstanceOfSatisfying(org.hl7.fhir.r4.model.Coding.class, c -> assertThat(c.getCode()).isEqualTo("consent-withdrawn"));
		Bundle consents = client.search().byUrl("Consent?data=CarePlan/" + plan.getIdPart()).returnBundle(Bundle.class).execute();
		assertThat(consents.getEntry()).isNotEmpty().allSatisfy(e ->
				assertThat(((Consent) e.getResource()).getStatus()).isEqualTo(Consent.ConsentState.INACTIVE));
		assertThat(client.read().resource(Task.class).withId(task).execute().getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
		assertThat(client.read().resource(Appointment.class).withId(meeting).execute().getStatus())
				.isEqualTo(Appointment.AppointmentStatus.CANCELLED);
	}

	@Test
	void withoutConsentIsRefused() {
		CarePlan plan = initiated(newPatient());
		assertRule(withdraw(plan.getIdPart(), plan.getSubject().getReference()), 422, "R2", "CarePlan");
	}
}
