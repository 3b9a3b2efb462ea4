package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipRule;
import se.samplan.server.sip.SipUrls;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R6 on plain writes: an active SIP without services or overall responsibility is refused with the R6 code,
 * by PUT and in a transaction, and still with the R6 code when the profile's invariants refuse it first.
 */
class R6PlanContentRuleTest extends WorkflowTestSupport {

	@Autowired
	RuleSwitch ruleSwitch;

	@Test
	void plainPutOfAnIncompleteActivePlanIsRefusedWithR6() {
		CarePlan plan = incomplete(activePlan());
		HttpResponse<String> r = send("PUT", "/CarePlan/" + plan.getIdPart(), "application/fhir+json",
				CTX.newJsonParser().encodeResourceToString(plan));
		assertRule(r, 422, "R6", "CarePlan.activity");
		assertThat(expressions(r)).contains("CarePlan.extension");
	}

	@Test
	void transactionEntryWithAnIncompleteActivePlanIsRefusedWithR6() {
		CarePlan plan = incomplete(activePlan());
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		tx.addEntry().setResource(plan).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("CarePlan/" + plan.getIdPart());
		assertRule(postJson("", tx), 422, "R6", "CarePlan.activity");
	}

	@Test
	void theProfileInvariantsNameR6WhenTheyRefuseFirst() {
		CarePlan plan = incomplete(activePlan());
		ruleSwitch.switchOff(List.of(SipRule.R6));
		try {
			HttpResponse<String> r = send("PUT", "/CarePlan/" + plan.getIdPart(), "application/fhir+json",
					CTX.newJsonParser().encodeResourceToString(plan));
			assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
			assertThat(outcome(r).getIssue()).as(r.body()).isNotEmpty().allSatisfy(i ->
					assertThat(i.getDetails().hasCoding(SipUrls.RULE_SYSTEM, "R6")).isTrue());
			assertThat(r.body()).contains("sip-cp-2").contains("sip-cp-4");
		} finally {
			ruleSwitch.switchOff(List.of());
		}
	}

	/**
	 * The active plan without its services and without the principal with overall responsibility, as BUP would
	 * write it: BUP performs the plan's only service, so removing it is BUP's decision (R7).
	 */
	private CarePlan incomplete(String planId) {
		CarePlan plan = client.read().resource(CarePlan.class).withId(planId).execute();
		actAs("Organization/sip2-org-bup");
		plan.getActivity().clear();
		plan.getExtension().removeIf(e -> e.getUrl().equals(SipUrls.OVERALL_RESPONSIBILITY));
		return plan;
	}
}
