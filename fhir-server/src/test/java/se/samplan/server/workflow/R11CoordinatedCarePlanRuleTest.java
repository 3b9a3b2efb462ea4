package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import se.samplan.server.sip.SipUrls;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** R11: no SIP for a person with an active samordnad vårdplan under LPT/LRV (SPLPTLRV). */
class R11CoordinatedCarePlanRuleTest extends WorkflowTestSupport {


	private String patientInOpenCompulsoryCare() {
		String patient = newPatient();
		CarePlan lpt = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN);
		lpt.addCategory().addCoding(new Coding(SipUrls.CARE_PLAN_TYPE_SYSTEM, "SPLPTLRV", null));
		lpt.setSubject(new Reference(patient));
		lpt.setAuthor(new Reference(INITIATOR));
		HttpResponse<String> r = postJson("/CarePlan", lpt);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return patient;
	}

	@Test
	void initiateIsRefused() {
		String patient = patientInOpenCompulsoryCare();
		assertRule(initiate(patient), 422, "R11", "CarePlan.subject");
	}

	@Test
	void plainPostIsRefused() {
		assertRule(postJson("/CarePlan", plainSip(patientInOpenCompulsoryCare())), 422, "R11", "CarePlan.subject");
	}

	@Test
	void transactionIsRefused() {
		String patient = patientInOpenCompulsoryCare();
		assertRule(postJson("", transaction(plainSip(patient))), 422, "R11", "CarePlan.subject");
		assertThat(count("CarePlan?subject=" + patient + "&category=" + SipUrls.CARE_PLAN_TYPE_SYSTEM + "|SIP")).isZero();
	}

	@Test
	void aSipIsPossibleOnceThatPlanIsNoLongerActive() {
		String patient = newPatient();
		CarePlan lpt = new CarePlan().setStatus(CarePlan.CarePlanStatus.COMPLETED).setIntent(CarePlan.CarePlanIntent.PLAN);
		lpt.addCategory().addCoding(new Coding(SipUrls.CARE_PLAN_TYPE_SYSTEM, "SPLPTLRV", null));
		lpt.setSubject(new Reference(patient));
		lpt.setAuthor(new Reference(INITIATOR));
		assertThat(postJson("/CarePlan", lpt).statusCode()).isEqualTo(201);
		assertThat(initiate(patient).statusCode()).isEqualTo(201);
	}
}
