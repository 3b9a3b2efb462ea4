package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samplan.server.sip.WorkflowSettings;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optimistic locking ({@code se.samplan.server.hapi.IfMatch}): a stale {@code If-Match} gets 412 on update, patch,
 * delete and in a transaction, the current one goes through, and of many updates with the same {@code If-Match}
 * exactly one wins. A county may require {@code If-Match} on plan updates (428 without).
 */
class IfMatchTest extends WorkflowTestSupport {

	@Autowired
	WorkflowSettings settings;

	@Test
	void staleIfMatchOnUpdateIs412AndCurrentIs200() {
		CarePlan plan = initiated(newPatient());
		String body = CTX.newJsonParser().encodeResourceToString(plan.setDescription("Ny beskrivning"));
		HttpResponse<String> ok = put(plan.getIdPart(), "W/\"1\"", body);
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
		HttpResponse<String> stale = put(plan.getIdPart(), "W/\"1\"", body);
		assertPreconditionFailed(stale);
		assertThat(version("CarePlan/" + plan.getIdPart())).isEqualTo("2");
	}

	@Test
	void staleIfMatchOnPatchIs412() {
		CarePlan plan = initiated(newPatient());
		String patch = "[{\"op\":\"add\",\"path\":\"/description\",\"value\":\"Ändrad\"}]";
		HttpResponse<String> stale = send(request("/fhir/CarePlan/" + plan.getIdPart()).header("If-Match", "W/\"7\"")
				.header("Content-Type", "application/json-patch+json").header("Accept", "application/fhir+json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build());
		assertPreconditionFailed(stale);
		HttpResponse<String> ok = send(request("/fhir/CarePlan/" + plan.getIdPart()).header("If-Match", "W/\"1\"")
				.header("Content-Type", "application/json-patch+json").header("Accept", "application/fhir+json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build());
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
	}

	@Test
	void staleIfMatchOnDeleteIs412AndNothingIsDeleted() {
		actAs(OPERATOR);
		String org = "Organization/" + client.create().resource(new Organization().setName("Testenheten")).execute().getId().getIdPart();
		HttpResponse<String> stale = send(request("/fhir/" + org).header("If-Match", "W/\"2\"").header("Accept", "application/fhir+json")
				.DELETE().build());
		assertPreconditionFailed(stale);
		assertThat(get("/fhir/" + org).statusCode()).isEqualTo(200);
		HttpResponse<String> ok = send(request("/fhir/" + org).header("If-Match", "W/\"1\"").DELETE().build());
		assertThat(ok.statusCode()).as(ok.body()).isIn(200, 204);
	}

	@Test
	void staleIfMatchInATransactionIs412AndNothingIsWritten() {
		String patient = newPatient();
		CarePlan plan = initiated(patient);
		Goal goal = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.PROPOSED).setSubject(new Reference(patient));
		goal.getDescription().setText("Får inte sparas");
		Bundle tx = transaction(goal);
		tx.addEntry().setResource(plan.setDescription("Ändrad i en transaktion")).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl("CarePlan/" + plan.getIdPart()).setIfMatch("W/\"5\"");
		assertPreconditionFailed(postJson("", tx));
		assertThat(count("Goal?subject=" + patient)).isZero();
		assertThat(version("CarePlan/" + plan.getIdPart())).isEqualTo("1");
	}

	@Test
	void fiftyConcurrentUpdatesWithOneIfMatchHaveOneWinner() throws Exception {
		CarePlan plan = initiated(newPatient());
		String body = CTX.newJsonParser().encodeResourceToString(plan.setDescription("Samtidig ändring"));
		List<HttpResponse<String>> answers = atOnce(50, () -> put(plan.getIdPart(), "W/\"1\"", body));
		assertThat(answers.stream().filter(r -> r.statusCode() == 200)).hasSize(1);
		assertThat(answers.stream().filter(r -> r.statusCode() == 412)).as(answers.stream()
				.filter(r -> r.statusCode() != 200 && r.statusCode() != 412).map(HttpResponse::body).toList().toString()).hasSize(49);
		assertThat(version("CarePlan/" + plan.getIdPart())).isEqualTo("2");
		Bundle history = client.history().onInstance("CarePlan/" + plan.getIdPart()).returnBundle(Bundle.class).execute();
		assertThat(history.getEntry()).hasSize(2);
	}

	@Test
	void aCountyMayRequireIfMatchOnPlanUpdates() {
		CarePlan plan = initiated(newPatient());
		String body = CTX.newJsonParser().encodeResourceToString(plan.setDescription("Utan version"));
		settings.setRequireIfMatchOnPlanUpdates(true);
		try {
			HttpResponse<String> without = send("PUT", "/CarePlan/" + plan.getIdPart(), "application/fhir+json", body);
			assertThat(without.statusCode()).as(without.body()).isEqualTo(428);
			assertThat(outcome(without).getIssueFirstRep().getDetails().getText()).contains("If-Match");
			assertThat(put(plan.getIdPart(), "W/\"1\"", body).statusCode()).isEqualTo(200);
		} finally {
			settings.setRequireIfMatchOnPlanUpdates(false);
		}
		HttpResponse<String> offAgain = send("PUT", "/CarePlan/" + plan.getIdPart(), "application/fhir+json", body);
		assertThat(offAgain.statusCode()).as(offAgain.body()).isEqualTo(200);
	}

	private HttpResponse<String> put(String planId, String ifMatch, String body) {
		return send(request("/fhir/CarePlan/" + planId).header("If-Match", ifMatch).header("Content-Type", "application/fhir+json")
				.header("Accept", "application/fhir+json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private String version(String key) {
		String before = actingAs();
		actAs(OPERATOR);
		try {
			return client.read().resource(CarePlan.class).withId(key).execute().getIdElement().getVersionIdPart();
		} finally {
			actAs(before);
		}
	}

	private static void assertPreconditionFailed(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(412);
		assertThat(outcome(response).getIssueFirstRep().getDetails().getText()).contains("If-Match");
		assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).isNotBlank();
	}
}
