package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** R7: an organisation changes only the activities it performs (403), by PUT, PATCH and in transactions. */
class R7OwnServicesRuleTest extends WorkflowTestSupport {

	private static final String BUP = "Organization/sip2-org-bup";
	private static final String SCHOOL = "Organization/sip2-org-skola";

	private CarePlan plan;

	@BeforeEach
	void planWithABupService() {
		Bundle invited = invitedPlan();
		plan = writeContent(invited.getEntry().get(3).getResource().getIdElement().getIdPart());
	}

	private HttpResponse<String> as(String organization, String method, String path, String type, String body) {
		return send(request("/fhir" + path, organization).header("Content-Type", type)
				.method(method, HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private HttpResponse<String> put(String organization, CarePlan changed) {
		return as(organization, "PUT", "/CarePlan/" + plan.getIdPart(), "application/fhir+json",
				CTX.newJsonParser().encodeResourceToString(changed));
	}

	@Test
	void anotherOrganisationCannotChangeTheService() {
		plan.getActivityFirstRep().getDetail().setDescription("Stödsamtal varje vecka");
		assertRule(put(SCHOOL, plan), 403, "R7", "CarePlan.activity[0]");
		assertThat(client.read().resource(CarePlan.class).withId(plan.getIdPart()).execute()
				.getActivityFirstRep().getDetail().getDescription()).isEqualTo("Stödsamtal på BUP varannan vecka");
	}

	@Test
	void theOrganisationChangesItsOwnServiceAndOthersAddTheirs() {
		plan.getActivityFirstRep().getDetail().setDescription("Stödsamtal varje vecka");
		assertThat(put(BUP, plan).statusCode()).isEqualTo(200);
		CarePlan current = client.read().resource(CarePlan.class).withId(plan.getIdPart()).execute();
		current.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED)
				.setDescription("Anpassad studiegång i skolan").addPerformer(new Reference(SCHOOL));
		HttpResponse<String> r = put(SCHOOL, current);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
	}

	@Test
	void anotherOrganisationCannotRemoveTheServiceByPatch() {
		HttpResponse<String> r = as(SCHOOL, "PATCH", "/CarePlan/" + plan.getIdPart(), "application/json-patch+json",
				"[{\"op\":\"remove\",\"path\":\"/activity/0\"}]");
		assertRule(r, 403, "R7", "CarePlan.activity");
		assertThat(client.read().resource(CarePlan.class).withId(plan.getIdPart()).execute().getActivity()).hasSize(1);
	}

	@Test
	void aTransactionChangingAnotherOrganisationsServiceWritesNothing() {
		plan.getActivityFirstRep().getDetail().setDescription("Stödsamtal varje vecka");
		plan.setDescription("Ändrad i en transaktion");
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		tx.addEntry().setFullUrl(fhirBase() + "/CarePlan/" + plan.getIdPart()).setResource(plan)
				.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("CarePlan/" + plan.getIdPart());
		HttpResponse<String> r = as(SCHOOL, "POST", "", "application/fhir+json", CTX.newJsonParser().encodeResourceToString(tx));
		assertRule(r, 403, "R7", "CarePlan.activity[0]");
		assertThat(client.read().resource(CarePlan.class).withId(plan.getIdPart()).execute().getDescription())
				.isNotEqualTo("Ändrad i en transaktion");
	}
}
