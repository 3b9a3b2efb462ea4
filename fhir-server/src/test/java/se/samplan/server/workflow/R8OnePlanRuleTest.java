package se.samplan.server.workflow;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** R8: a second open SIP for the same person is refused, whichever way it is written. */
class R8OnePlanRuleTest extends WorkflowTestSupport {

	@Test
	void secondInitiateIsRefused() {
		String patient = newPatient();
		initiated(patient);
		assertRule(initiate(patient), 422, "R8", "CarePlan.subject");
		assertThat(count("CarePlan?subject=" + patient)).isEqualTo(1);
	}

	@Test
	void plainPostOfASecondSipIsRefused() {
		String patient = newPatient();
		initiated(patient);
		assertRule(postJson("/CarePlan", plainSip(patient)), 422, "R8", "CarePlan.subject");
	}

	@Test
	void transactionWithASecondSipWritesNothing() {
		String patient = newPatient();
		initiated(patient);
		org.hl7.fhir.r4.model.Goal goal = new org.hl7.fhir.r4.model.Goal();
		goal.getLifecycleStatusElement().setValue(org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus.PROPOSED);
		goal.getDescription().setText("Mål som inte får sparas");
		goal.setSubject(new org.hl7.fhir.r4.model.Reference(patient));
		assertRule(postJson("", transaction(goal, plainSip(patient))), 422, "R8", "CarePlan.subject");
		assertThat(count("Goal?subject=" + patient)).isZero();
		assertThat(count("CarePlan?subject=" + patient)).isEqualTo(1);
	}

	@Test
	void twoSipsForOnePersonInOneTransactionAreRefused() {
		String patient = newPatient();
		assertRule(postJson("", transaction(plainSip(patient), plainSip(patient))), 422, "R8", "CarePlan.subject");
		assertThat(count("CarePlan?subject=" + patient)).isZero();
	}

	@Test
	void twoInitiationsAtOnceMakeOnePlan() throws Exception {
		String patient = newPatient();
		List<HttpResponse<String>> answers = atOnce(2, () -> initiate(patient));
		assertThat(answers).extracting(HttpResponse::statusCode).as(answers.toString()).containsExactlyInAnyOrder(201, 422);
		answers.stream().filter(r -> r.statusCode() == 422).forEach(r -> assertRule(r, 422, "R8", "CarePlan.subject"));
		assertThat(count("CarePlan?subject=" + patient)).isEqualTo(1);
	}

	@Test
	void twoPlainPostsAtOnceMakeOnePlan() throws Exception {
		String patient = newPatient();
		List<HttpResponse<String>> answers = atOnce(2, () -> postJson("/CarePlan", plainSip(patient)));
		assertThat(answers).extracting(HttpResponse::statusCode).as(answers.toString()).containsExactlyInAnyOrder(201, 422);
		assertThat(count("CarePlan?subject=" + patient)).isEqualTo(1);
	}
}
