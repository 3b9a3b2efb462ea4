package se.samplan.server.workflow;

import se.samplan.server.sip.SipPhase;
import se.samplan.server.sip.SipUrls;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** W1: phase and status of a SIP change only through the operations, by whatever path a client writes. */
class W1ManagedPhaseRuleTest extends WorkflowTestSupport {

	private String planId;

	@BeforeEach
	void aPlanWithContent() {
		planId = invitedPlan().getEntry().get(3).getResource().getIdElement().getIdPart();
		writeContent(planId);
	}

	private CarePlan current() {
		return client.read().resource(CarePlan.class).withId(planId).execute();
	}

	@Test
	void settingStatusActiveByPutIsRefused() {
		CarePlan plan = current();
		plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
		assertRule(send("PUT", "/CarePlan/" + planId, "application/fhir+json", CTX.newJsonParser().encodeResourceToString(plan)),
				422, "W1", "CarePlan.status");
		assertThat(current().getStatus()).isEqualTo(CarePlan.CarePlanStatus.DRAFT);
	}

	@Test
	void changingThePhaseByPatchIsRefused() {
		CarePlan plan = current();
		int index = plan.getExtension().indexOf(plan.getExtensionByUrl(SipUrls.PHASE));
		HttpResponse<String> r = send("PATCH", "/CarePlan/" + planId, "application/json-patch+json",
				"[{\"op\":\"replace\",\"path\":\"/extension/" + index + "/valueCode\",\"value\":\"active\"}]");
		assertRule(r, 422, "W1", "CarePlan.status");
		assertThat(SipPhase.of(current())).contains(SipPhase.INVITED);
	}

	@Test
	void closingByATransactionIsRefused() {
		CarePlan plan = current();
		plan.setStatus(CarePlan.CarePlanStatus.COMPLETED);
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		tx.addEntry().setFullUrl(fhirBase() + "/CarePlan/" + planId).setResource(plan)
				.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("CarePlan/" + planId);
		assertRule(postJson("", tx), 422, "W1", "CarePlan.status");
		assertThat(current().getStatus()).isEqualTo(CarePlan.CarePlanStatus.DRAFT);
	}

	@Test
	void aConditionalUpdateIsRefusedToo() {
		CarePlan plan = current();
		plan.setId((String) null);
		plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
		assertRule(send("PUT", "/CarePlan?_id=" + planId, "application/fhir+json", CTX.newJsonParser().encodeResourceToString(plan)),
				422, "W1", "CarePlan.status");
		assertThat(current().getStatus()).isEqualTo(CarePlan.CarePlanStatus.DRAFT);
	}

	@Test
	void anUpdateThatLeavesThePhaseOutKeepsIt() {
		CarePlan plan = current();
		plan.getExtension().removeIf(e -> SipUrls.PHASE.equals(e.getUrl()));
		plan.setDescription("Utan fas i uppdateringen");
		HttpResponse<String> r = send("PUT", "/CarePlan/" + planId, "application/fhir+json", CTX.newJsonParser().encodeResourceToString(plan));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		assertThat(SipPhase.of(current())).contains(SipPhase.INVITED);
	}

	@Test
	void aPlainCreateStartsAsInitiated() {
		HttpResponse<String> r = postJson("/CarePlan", plainSip(newPatient()));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		assertThat(SipPhase.of(CTX.newJsonParser().parseResource(CarePlan.class, r.body()))).contains(SipPhase.INITIATED);
		CarePlan activeCreate = plainSip(newPatient()).setStatus(CarePlan.CarePlanStatus.ACTIVE);
		assertRule(postJson("/CarePlan", activeCreate), 422, "W1", "CarePlan.status");
	}
}
