package se.samplan.testkit.checks;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import se.samplan.testkit.Exchange;
import se.samplan.testkit.Expect;
import se.samplan.testkit.Parties;

import java.time.LocalDate;

/**
 * Every step of the workflow (workflow.md, "Phases" and "Operations") on one plan, in order: each step checks the
 * phase and status it leads to. A step whose predecessor failed is skipped rather than failed again.
 */
@Tag("workflow")
@DisplayName("Workflow steps")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class WorkflowChecks {

	private final PlanSteps steps = new PlanSteps();
	private boolean previousPassed = true;
	private String patient;
	private String plan;
	private String meeting;
	private String invitation;

	@Test
	@Order(1)
	@DisplayName("$sip-initiate creates the plan: 201, draft, phase initiated")
	void initiate() {
		step(() -> {
			patient = steps.adult();
			Exchange initiated = steps.initiate(patient);
			CarePlan created = Expect.that(initiated).status(201).resource(CarePlan.class);
			plan = PlanSteps.id(created);
			expectPhase(created, "initiated", CarePlan.CarePlanStatus.DRAFT);
		});
	}

	@Test
	@Order(2)
	@DisplayName("$sip-consent records the person's consent: phase consented")
	void consent() {
		step(() -> {
			Expect.that(steps.consent(plan, patient, patient)).status(200);
			expectPhase(steps.read(plan), "consented", CarePlan.CarePlanStatus.DRAFT);
		});
	}

	@Test
	@Order(3)
	@DisplayName("$sip-invite sets the meeting and invites the organisation: phase invited, one invitation each")
	void invite() {
		step(() -> {
			Exchange invited = steps.invite(plan, Parties.PARTNER);
			Bundle changed = Expect.that(invited).status(200).resource(Bundle.class);
			meeting = PlanSteps.first(changed, "Appointment");
			invitation = PlanSteps.first(changed, "Task");
			Task task = Expect.that(steps.server.get("/Task/" + invitation, Parties.PARTNER)).status(200).resource(Task.class);
			Expect.that(invited).isTrue(Parties.PARTNER.equals(task.getOwner().getReference()),
					"the invitation should be owned by " + Parties.PARTNER);
			expectPhase(steps.read(plan), "invited", CarePlan.CarePlanStatus.DRAFT);
		});
	}

	@Test
	@Order(4)
	@DisplayName("$sip-respond: the invited organisation accepts its invitation")
	void respond() {
		step(() -> {
			Exchange answered = steps.respond(invitation, Parties.PARTNER, "accept", null);
			Expect.that(answered).status(200);
			Task task = Expect.that(steps.server.get("/Task/" + invitation, Parties.PARTNER)).status(200).resource(Task.class);
			Expect.that(answered).isTrue(task.getStatus() == Task.TaskStatus.ACCEPTED, "the invitation should be accepted");
		});
	}

	@Test
	@Order(5)
	@DisplayName("the parties write goal, services, overall responsibility and next follow-up (plain PATCH)")
	void writeContent() {
		step(() -> {
			steps.writeContent(plan, patient);
			CarePlan written = steps.read(plan);
			Assertions.assertEquals("2 services, 1 goal", written.getActivity().size() + " services, "
					+ written.getGoal().size() + " goal", "content of CarePlan/" + plan);
		});
	}

	@Test
	@Order(6)
	@DisplayName("$sip-activate: the held meeting agreed the plan: active, meeting fulfilled")
	void activate() {
		step(() -> {
			Exchange activated = steps.activate(plan, meeting);
			Expect.that(activated).status(200);
			expectPhase(steps.read(plan), "active", CarePlan.CarePlanStatus.ACTIVE);
			Appointment held = Expect.that(steps.server.get("/Appointment/" + meeting, Parties.INITIATOR)).status(200)
					.resource(Appointment.class);
			Expect.that(activated).isTrue(held.getStatus() == Appointment.AppointmentStatus.FULFILLED, "the meeting should be fulfilled");
		});
	}

	@Test
	@Order(7)
	@DisplayName("$sip-invite to a follow-up, then $sip-follow-up: still active, a new next follow-up (R9)")
	void followUp() {
		step(() -> {
			String followUpMeeting = PlanSteps.first(Expect.that(steps.invite(plan, Parties.PARTNER)).status(200)
					.resource(Bundle.class), "Appointment");
			String next = LocalDate.now().plusMonths(6) + "T10:00:00+01:00";
			Parameters in = new Parameters();
			in.addParameter().setName("meeting").setValue(new Reference("Appointment/" + followUpMeeting));
			in.addParameter().setName("attended").setValue(new Reference(Parties.PARTNER));
			in.addParameter().setName("outcome").setValue(new StringType("Insatserna fungerar."));
			in.addParameter().setName("nextFollowUp").setValue(new DateTimeType(next));
			Exchange followedUp = steps.server.post("/CarePlan/" + plan + "/$sip-follow-up", Parties.INITIATOR, in);
			Expect.that(followedUp).status(200);
			CarePlan after = steps.read(plan);
			expectPhase(after, "active", CarePlan.CarePlanStatus.ACTIVE);
			Expect.that(followedUp).isTrue(after.getExtension().stream().anyMatch(e -> e.getUrl().endsWith("/sip-next-follow-up")
					&& next.startsWith(e.getValue().primitiveValue().substring(0, 10))), "the next follow-up should be " + next);
		});
	}

	@Test
	@Order(8)
	@DisplayName("$sip-close: phase closed, status completed; every version kept")
	void close() {
		step(() -> {
			Exchange closed = steps.close(plan);
			Expect.that(closed).status(200);
			expectPhase(steps.read(plan), "closed", CarePlan.CarePlanStatus.COMPLETED);
			Exchange history = steps.server.get("/CarePlan/" + plan + "/_history", Parties.INITIATOR);
			Expect.that(history).isTrue(Expect.that(history).status(200).resource(Bundle.class).getEntry().size() >= 6,
					"the plan's history should keep a version for each step");
		});
	}

	private void step(Runnable body) {
		Assumptions.assumeTrue(previousPassed, "an earlier step failed or was skipped");
		previousPassed = false;
		body.run();
		previousPassed = true;
	}

	/** The phase and status the plan reached, as the server stored them. */
	private static void expectPhase(CarePlan plan, String phase, CarePlan.CarePlanStatus status) {
		Assertions.assertEquals(phase + "/" + status.toCode(), PlanSteps.phase(plan) + "/"
				+ (plan.getStatus() == null ? null : plan.getStatus().toCode()), "phase/status of CarePlan/" + PlanSteps.id(plan));
	}
}
