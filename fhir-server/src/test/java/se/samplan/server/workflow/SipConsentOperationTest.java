package se.samplan.server.workflow;

import se.samplan.server.sip.SipUrls;
import se.samplan.server.sip.SipPhase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code $sip-consent} (R2) and the children's rule R3, through the operation, plain POST and transactions. */
@Tag("R2")
@Tag("R3")
class SipConsentOperationTest extends WorkflowTestSupport {


	@Test
	void adultConsentIsLinkedToThePlanAndMovesItToConsented() {
		String patient = newPatient();
		CarePlan plan = initiated(patient);
		HttpResponse<String> r = consent(plan.getIdPart(), consentBy(patient, patient));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		Bundle out = CTX.newJsonParser().parseResource(Bundle.class, r.body());
		Consent stored = (Consent) out.getEntry().get(0).getResource();
		assertThat(stored.getProvision().getDataFirstRep().getReference().getReference()).isEqualTo("CarePlan/" + plan.getIdPart());
		assertThat(SipPhase.of((CarePlan) out.getEntry().get(1).getResource())).contains(SipPhase.CONSENTED);
		assertThat(count("CarePlan?_id=" + plan.getIdPart() + "&sip-phase=consented")).isEqualTo(1);
	}

	@Test
	void bothGuardiansConsentForAChild() {
		String[] child = childWithTwoGuardians();
		CarePlan plan = initiated(child[0]);
		assertThat(consent(plan.getIdPart(), consentBy(child[0], child[1], child[2])).statusCode()).isEqualTo(200);
	}

	@Test
	void oneGuardianOnlyIsRefusedByTheOperation() {
		String[] child = childWithTwoGuardians();
		CarePlan plan = initiated(child[0]);
		HttpResponse<String> r = consent(plan.getIdPart(), consentBy(child[0], child[1]));
		assertRule(r, 422, "R3", "Consent.performer");
		assertThat(outcome(r).getIssueFirstRep().getDiagnostics()).contains(child[2]);
		assertThat(count("CarePlan?_id=" + plan.getIdPart() + "&sip-phase=initiated")).as("phase unchanged").isEqualTo(1);
		assertThat(count("Consent?patient=" + child[0])).isZero();
	}

	@Test
	void oneGuardianOnlyIsRefusedByPlainPostAndInATransaction() {
		String[] child = childWithTwoGuardians();
		CarePlan plan = initiated(child[0]);
		Consent c = consentBy(child[0], child[1]);
		c.getProvision().addData().setMeaning(Consent.ConsentDataMeaning.RELATED)
				.setReference(new org.hl7.fhir.r4.model.Reference("CarePlan/" + plan.getIdPart()));
		assertRule(postJson("/Consent", c), 422, "R3", "Consent.performer");
		assertRule(postJson("", transaction(c)), 422, "R3", "Consent.performer");
		assertThat(count("Consent?patient=" + child[0])).isZero();
	}

	@Test
	void aMatureChildConsentsAlone() {
		String[] child = childWithTwoGuardians();
		CarePlan plan = initiated(child[0]);
		Consent alone = consentBy(child[0], child[0]);
		assertRule(consent(plan.getIdPart(), alone), 422, "R3", "Consent.performer");

		var maturity = alone.addExtension().setUrl(SipUrls.CHILD_MATURITY);
		maturity.addExtension("mature", new BooleanType(true));
		maturity.addExtension("assessedBy", new org.hl7.fhir.r4.model.Reference("PractitionerRole/sip2-role-bup"));
		maturity.addExtension("date", new org.hl7.fhir.r4.model.DateTimeType("2026-10-01"));
		HttpResponse<String> r = consent(plan.getIdPart(), alone);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
	}

	@Test
	void consentForAnotherPersonIsRefused() {
		CarePlan plan = initiated(newPatient());
		String other = newPatient();
		assertRule(consent(plan.getIdPart(), consentBy(other, other)), 422, "R2", "Consent.patient");
	}
}
