package se.samplan.server.workflow;

import se.samplan.server.sip.SipPhase;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.server.sip.SipUrls;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code $sip-initiate}: a plan in phase initiated, 201 with Location; bad input is a 400. */
@Tag("R8")
@Tag("R11")
class SipInitiateOperationTest extends WorkflowTestSupport {


	@Test
	void createsAnInitiatedDraftSip() {
		String patient = newPatient();
		HttpResponse<String> r = initiate(patient);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		CarePlan plan = CTX.newJsonParser().parseResource(CarePlan.class, r.body());
		assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l ->
				assertThat(l).contains("/fhir/CarePlan/" + plan.getIdPart()));
		assertThat(SipPhase.of(plan)).contains(SipPhase.INITIATED);
		assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.DRAFT);
		assertThat(plan.getMeta().getProfile()).extracting(p -> p.getValue()).contains(SipUrls.CARE_PLAN_PROFILE);
		assertThat(plan.getSubject().getReference()).isEqualTo(patient);
		assertThat(plan.getExtensionByUrl(SipUrls.INITIATIVE).getExtensionByUrl("initiatedBy")
				.getValue()).isInstanceOfSatisfying(Reference.class, ref ->
				assertThat(ref.getReference()).isEqualTo(INITIATOR));
		assertThat(count("CarePlan?sip-phase=initiated&subject=" + patient)).isEqualTo(1);
	}

	@Test
	void missingPatientIsABadRequest() {
		Parameters in = new Parameters();
		in.addParameter().setName("initiator").setValue(new Reference(INITIATOR));
		assertRefused(postJson("/CarePlan/$sip-initiate", in), 400, "Parameters.parameter");
	}

	@Test
	void patientMustBeAPatient() {
		Parameters in = new Parameters();
		in.addParameter().setName("patient").setValue(new Reference("Organization/sip1-org-kommun"));
		in.addParameter().setName("initiator").setValue(new Reference(INITIATOR));
		assertRefused(postJson("/CarePlan/$sip-initiate", in), 400, "Parameters.parameter");
	}

	@Test
	void everyWorkflowOperationIsListedInTheCapabilityStatementWithItsCanonical() {
		var cs = client.capabilities().ofType(org.hl7.fhir.r4.model.CapabilityStatement.class).execute();
		var operations = cs.getRestFirstRep().getResource().stream()
				.flatMap(r -> r.getOperation().stream().map(op -> r.getType() + " " + op.getName() + " " + op.getDefinition()))
				.toList();
		for (String name : java.util.List.of("sip-initiate", "sip-consent", "sip-invite", "sip-activate", "sip-follow-up",
				"sip-close", "sip-withdraw-consent")) {
			assertThat(operations).contains("CarePlan " + name + " https://samplan.github.io/fhir/OperationDefinition/" + name);
		}
		assertThat(operations).contains("Task sip-respond https://samplan.github.io/fhir/OperationDefinition/sip-respond");
		for (String name : java.util.List.of("sip-initiate", "sip-respond", "sip-withdraw-consent")) {
			assertThat(client.search().byUrl("OperationDefinition?url=https://samplan.github.io/fhir/OperationDefinition/" + name)
					.returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getEntry()).as(name + " installed from the package").hasSize(1);
		}
		assertThat(client.read().resource(Patient.class).withId("sip1-patient").execute()).isNotNull();
	}
}
