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

import java.time.LocalDate;

/**
 * The access rules (access.md) for an active plan: no token is 401; an organisation taking no part, and another
 * person, find nothing (404, empty search); a child under 16 does not read their own plan; the person reads their
 * plan, its summary and who read their data; a guardian reads a young child's plan. Refusals carry their rule's tag.
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
	@DisplayName("without a token the plan is 401")
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
	@DisplayName("an organisation taking part reads the plan")
	void partnerRead() {
		Expect.that(steps.server.get("/CarePlan/" + plan, Parties.PARTNER)).status(200);
	}

	@Test
	@DisplayName("the person (an adult) reads their own plan and its $sip-summary")
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
	@Tag("R13")
	@DisplayName("R13: a child of 14 does not read their own plan (own access from 16), a guardian of a child of 10 does")
	void childUnderSixteen() {
		String[] child = steps.activeForChild(LocalDate.now().minusYears(14));
		Expect.that(steps.server.get("/CarePlan/" + child[1], child[0])).status(404);
		String[] younger = steps.activeForChild(LocalDate.now().minusYears(10));
		Exchange guardians = steps.server.get("/RelatedPerson?patient=" + younger[0], Parties.INITIATOR);
		String guardian = "RelatedPerson/" + PlanSteps.id(Expect.that(guardians).status(200).resource(Bundle.class)
				.getEntryFirstRep().getResource());
		Expect.that(steps.server.get("/CarePlan/" + younger[1], guardian)).status(200);
	}

	@Test
	@DisplayName("the person finds who read their data (AuditEvent)")
	void personReadsAudit() {
		steps.server.get("/CarePlan/" + plan, Parties.INITIATOR);
		Exchange audit = steps.server.get("/AuditEvent?patient=" + patient, patient);
		Expect.that(audit).isTrue(Expect.that(audit).status(200).resource(Bundle.class).getEntry().size() > 0,
				"expected AuditEvents about the person");
	}
}
