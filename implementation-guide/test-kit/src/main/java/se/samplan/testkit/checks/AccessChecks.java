package se.samplan.testkit.checks;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.samplan.testkit.Exchange;
import se.samplan.testkit.Expect;
import se.samplan.testkit.Parties;

/**
 * The access rules (access.md) for an active plan: no token is 401; an organisation taking no part, and another
 * person, find nothing (404, empty search); the person reads their plan, its summary and who read their data.
 */
@Tag("access")
@DisplayName("Access")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class AccessChecks {

	private final PlanSteps steps = new PlanSteps();
	private String patient;
	private String plan;

	@BeforeAll
	void activePlan() {
		String[] active = steps.active();
		patient = active[0];
		plan = active[1];
	}

	@Test
	@Tag("R15")
	@DisplayName("R15: without a token the plan is 401")
	void noToken() {
		Expect.that(steps.server.getAnonymous("/CarePlan/" + plan)).status(401);
	}

	@Test
	@Tag("R15")
	@DisplayName("R15: an organisation taking no part reads the plan as unknown (404)")
	void outsiderRead() {
		Expect.that(steps.server.get("/CarePlan/" + plan, Parties.OUTSIDER)).status(404);
	}

	@Test
	@Tag("R15")
	@DisplayName("R15: an organisation taking no part finds nothing by search")
	void outsiderSearch() {
		Exchange search = steps.server.get("/CarePlan?subject=" + patient, Parties.OUTSIDER);
		Expect.that(search).isTrue(Expect.that(search).status(200).resource(Bundle.class).getEntry().stream()
				.noneMatch(e -> e.getResource() != null && "CarePlan".equals(e.getResource().fhirType())), "expected no CarePlan");
	}

	@Test
	@Tag("R15")
	@DisplayName("R15: an organisation taking part reads the plan")
	void partnerRead() {
		Expect.that(steps.server.get("/CarePlan/" + plan, Parties.PARTNER)).status(200);
	}

	@Test
	@Tag("R13")
	@DisplayName("R13: the person (an adult) reads their own plan and its $sip-summary")
	void personReads() {
		Expect.that(steps.server.get("/CarePlan/" + plan, patient)).status(200);
		Exchange summary = steps.server.get("/CarePlan/" + plan + "/$sip-summary", patient);
		Expect.that(summary).isTrue(Expect.that(summary).status(200).resource(Bundle.class).getType() == Bundle.BundleType.DOCUMENT,
				"expected a document Bundle");
	}

	@Test
	@Tag("R13")
	@DisplayName("R13: another person reads the plan as unknown (404)")
	void otherPersonRead() {
		String other = steps.adult();
		Expect.that(steps.server.get("/CarePlan/" + plan, other)).status(404);
	}

	@Test
	@Tag("R15")
	@DisplayName("R15: the person finds who read their data (AuditEvent)")
	void personReadsAudit() {
		steps.server.get("/CarePlan/" + plan, Parties.INITIATOR);
		Exchange audit = steps.server.get("/AuditEvent?patient=" + patient, patient);
		Expect.that(audit).isTrue(Expect.that(audit).status(200).resource(Bundle.class).getEntry().size() > 0,
				"expected AuditEvents about the person");
	}
}
