package se.samplan.testkit.checks;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.testkit.Exchange;
import se.samplan.testkit.Expect;
import se.samplan.testkit.Parties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Each precondition of workflow.md ("Preconditions") refused with its status and rule code, on the operation and
 * on the plain write paths. Every check is tagged with its rule, and fails on a server that does not keep it.
 */
@Tag("rules")
@DisplayName("Workflow rules")
public class RuleChecks {

	private final PlanSteps steps = new PlanSteps();

	@Test
	@Tag("R8")
	@DisplayName("R8: a second $sip-initiate for a person with an open plan is refused (422)")
	void secondInitiate() {
		String patient = steps.adult();
		steps.initiated(patient);
		Expect.that(steps.initiate(patient)).refusedBy(422, "R8");
	}

	@Test
	@Tag("R8")
	@DisplayName("R8: a transaction holding a second plan is refused and writes nothing")
	void secondPlanInATransaction() {
		String patient = steps.adult();
		steps.initiated(patient);
		String marker = "Kit " + UUID.randomUUID();
		Goal goal = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.PROPOSED);
		goal.getDescription().setText(marker);
		goal.setSubject(new Reference(patient));
		Bundle tx = transaction(goal, draftSip(patient));
		Expect.that(steps.server.post("", Parties.INITIATOR, tx)).refusedBy(422, "R8");
		Exchange search = steps.server.get("/Goal?subject=" + patient, Parties.INITIATOR);
		Expect.that(search).isTrue(!search.responseBody().contains(marker), "the transaction's Goal should not be stored");
	}

	@Test
	@Tag("R11")
	@DisplayName("R11: no SIP for a person with an active plan under LPT/LRV (SPLPTLRV) (422)")
	void openCompulsoryCare() {
		String patient = steps.adult();
		CarePlan lpt = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN);
		lpt.addCategory().addCoding(new Coding(PlanSteps.PLAN_TYPE, "SPLPTLRV", null));
		lpt.setSubject(new Reference(patient)).setAuthor(new Reference(Parties.INITIATOR));
		Expect.that(steps.server.post("/CarePlan", Parties.INITIATOR, lpt)).status(201);
		Expect.that(steps.initiate(patient)).refusedBy(422, "R11");
	}

	@Test
	@Tag("R2")
	@DisplayName("R2: $sip-invite without a consent is refused (422)")
	void inviteWithoutConsent() {
		String plan = steps.initiated(steps.adult());
		Expect.that(steps.invite(plan, Parties.PARTNER)).refusedBy(422, "R2");
	}

	@Test
	@Tag("R2")
	@DisplayName("R2: inviting an organisation the consent does not cover is refused (422)")
	void inviteNotCovered() {
		String[] consented = steps.consented();
		Expect.that(steps.invite(consented[1], Parties.OUTSIDER)).refusedBy(422, "R2");
	}

	@Test
	@Tag("R2")
	@Tag("R15") // and afterwards the organisation still reads nothing
	@DisplayName("R2: before consent, a plain Task naming another organisation is refused (POST, 422)")
	void plainTaskBeforeConsent() {
		String patient = steps.adult();
		String plan = steps.initiated(patient);
		Expect.that(steps.server.post("/Task", Parties.INITIATOR, task(patient, plan, Parties.PARTNER))).refusedBy(422, "R2");
		Expect.that(steps.server.get("/CarePlan/" + plan, Parties.PARTNER)).status(404);
	}

	@Test
	@Tag("R2")
	@Tag("R15") // and afterwards the organisation still reads nothing
	@DisplayName("R2: a plain Task naming an organisation the consent does not cover is refused (POST, 422)")
	void plainTaskNotCovered() {
		String[] consented = steps.consented();
		Expect.that(steps.server.post("/Task", Parties.INITIATOR, task(consented[0], consented[1], Parties.OUTSIDER)))
				.refusedBy(422, "R2");
		Expect.that(steps.server.get("/CarePlan/" + consented[1], Parties.OUTSIDER)).status(404);
	}

	@Test
	@Tag("R2")
	@Tag("R15") // and afterwards the organisation still reads nothing
	@DisplayName("R2: a transaction linking a care team with an organisation outside the consent is refused and writes nothing")
	void careTeamNotCoveredInATransaction() {
		String[] consented = steps.consented();
		String marker = "Kit " + UUID.randomUUID();
		Goal goal = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.PROPOSED).setSubject(new Reference(consented[0]));
		goal.getDescription().setText(marker);
		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(consented[0]));
		team.addParticipant().setMember(new Reference(Parties.OUTSIDER));
		CarePlan plan = Expect.that(steps.server.get("/CarePlan/" + consented[1], Parties.INITIATOR)).status(200).resource(CarePlan.class);
		Bundle tx = transaction(goal, team);
		plan.addCareTeam(new Reference(tx.getEntry().get(1).getFullUrl()));
		tx.addEntry().setResource(plan).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("CarePlan/" + consented[1]);
		Expect.that(steps.server.post("", Parties.INITIATOR, tx)).refusedBy(422, "R2");
		Exchange search = steps.server.get("/Goal?subject=" + consented[0], Parties.INITIATOR);
		Expect.that(search).isTrue(!search.responseBody().contains(marker), "the transaction's Goal should not be stored");
		Expect.that(steps.server.get("/CarePlan/" + consented[1], Parties.OUTSIDER)).status(404);
	}

	@Test
	@Tag("R3")
	@DisplayName("R3: a child's consent without every guardian is refused (422)")
	void childWithoutBothGuardians() {
		String child = steps.person(LocalDate.now().minusYears(10));
		String guardian = steps.guardianOf(child);
		steps.guardianOf(child);
		String plan = steps.initiated(child);
		Expect.that(steps.consent(plan, child, child, guardian)).refusedBy(422, "R3").at("Consent.performer");
	}

	@Test
	@DisplayName("R3: a child's consent given by both guardians is accepted")
	void childWithBothGuardians() {
		String child = steps.person(LocalDate.now().minusYears(10));
		String plan = steps.initiated(child);
		Expect.that(steps.consent(plan, child, steps.guardianOf(child), steps.guardianOf(child))).status(200);
	}

	@Test
	@Tag("R5")
	@DisplayName("R5: declining an invitation without a reason is refused (422)")
	void declineWithoutReason() {
		String[] invited = steps.invited();
		Expect.that(steps.respond(invited[3], Parties.PARTNER, "decline", null)).refusedBy(422, "R5");
	}

	@Test
	@Tag("R5")
	@DisplayName("R5: only the invited organisation answers its invitation ($sip-respond, 403)")
	void answerBySomeoneElse() {
		String[] invited = steps.invited();
		Expect.that(steps.respond(invited[3], Parties.INITIATOR, "accept", null)).refusedBy(403, "R5");
	}

	@Test
	@Tag("R5")
	@DisplayName("R5: only the invited organisation answers its invitation (plain PATCH of Task.status, 403)")
	void answerBySomeoneElseByPatch() {
		String[] invited = steps.invited();
		Expect.that(steps.server.patch("/Task/" + invited[3], Parties.INITIATOR,
				"[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"accepted\"}]")).refusedBy(403, "R5");
	}

	@Test
	@DisplayName("R5: a decline with a reason is accepted")
	void declineWithReason() {
		String[] invited = steps.invited();
		Expect.that(steps.respond(invited[3], Parties.PARTNER, "decline", "Personen har inga insatser från oss.")).status(200);
	}

	@Test
	@Tag("R6")
	@DisplayName("R6: $sip-activate of a plan without content is refused, naming each missing part (422)")
	void activateWithoutContent() {
		String[] invited = steps.invited();
		Expect.that(steps.respond(invited[3], Parties.PARTNER, "accept", null)).status(200);
		Expect.that(steps.activate(invited[1], invited[2])).refusedBy(422, "R6").at("CarePlan.goal").at("CarePlan.activity");
	}

	@Test
	@Tag("R7")
	@DisplayName("R7: an organisation changing another's service is refused (403)")
	void otherOrganisationsService() {
		String[] active = steps.active();
		Expect.that(steps.server.patch("/CarePlan/" + active[1], Parties.PARTNER,
				"[{\"op\":\"replace\",\"path\":\"/activity/0/detail/description\",\"value\":\"Ingen uppföljning\"}]"))
				.refusedBy(403, "R7");
	}

	@Test
	@Tag("W1")
	@DisplayName("W1: setting a plan's status by a plain write is refused (422)")
	void statusByHand() {
		String[] active = steps.active();
		Expect.that(steps.server.patch("/CarePlan/" + active[1], Parties.INITIATOR,
				"[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"completed\"}]")).refusedBy(422, "W1");
	}

	@Test
	@Tag("W1")
	@DisplayName("W1: creating a SIP that is already active is refused (422)")
	void activeByPost() {
		CarePlan plan = draftSip(steps.adult()).setStatus(CarePlan.CarePlanStatus.ACTIVE);
		Expect.that(steps.server.post("/CarePlan", Parties.INITIATOR, plan)).refusedBy(422, "W1");
	}

	@Test
	@Tag("W2")
	@DisplayName("W2: a closed plan cannot be changed (422)")
	void closedIsFinal() {
		String plan = steps.initiated(steps.adult());
		Expect.that(steps.close(plan)).status(200);
		Expect.that(steps.server.patch("/CarePlan/" + plan, Parties.INITIATOR,
				"[{\"op\":\"add\",\"path\":\"/description\",\"value\":\"Efteråt\"}]")).refusedBy(422, "W2");
	}

	@Test
	@Tag("W3")
	@DisplayName("W3: a plan is never deleted (405)")
	void neverDeleted() {
		String plan = steps.initiated(steps.adult());
		Expect.that(steps.server.delete("/CarePlan/" + plan, Parties.INITIATOR)).refusedBy(405, "W3");
		Expect.that(steps.server.get("/CarePlan/" + plan, Parties.INITIATOR)).status(200);
	}

	/** A plain Task of the plan for an organisation, as an EHR would POST it. */
	private static Task task(String patient, String plan, String organization) {
		Task t = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
				.setFor(new Reference(patient)).setOwner(new Reference(organization)).setDescription("Ta fram underlag");
		t.addBasedOn(new Reference("CarePlan/" + plan));
		return t;
	}

	/** A draft SIP as a client would POST it without the operation. */
	private static CarePlan draftSip(String patient) {
		CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.DRAFT).setIntent(CarePlan.CarePlanIntent.PLAN)
				.setTitle("Samordnad individuell plan");
		plan.addCategory().addCoding(new Coding(PlanSteps.PLAN_TYPE, "SIP", null));
		plan.setSubject(new Reference(patient)).setAuthor(new Reference(Parties.INITIATOR));
		return plan;
	}

	private static Bundle transaction(Resource... creates) {
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Resource r : creates) {
			tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(r)
					.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
		}
		return tx;
	}
}
