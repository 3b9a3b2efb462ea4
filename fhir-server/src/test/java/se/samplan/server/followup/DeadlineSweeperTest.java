package se.samplan.server.followup;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipUrls;
import se.samplan.server.workflow.Deviations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline sweeper with the server's clock moved on: each lapse recorded once as a deviation naming whom it
 * concerns, and a second sweep records nothing more. The deviations are read over HTTP as a party reads them.
 */
@Tag("R4")
@Tag("R12")
class DeadlineSweeperTest extends FollowUpTestSupport {

	@Autowired
	private DeadlineSweeper sweeper;
	@Autowired
	private Stored stored;
	@Autowired
	private Deviations deviations;
	@Autowired
	private PlanRepository plans;

	@Test
	void anInvitationUnansweredByItsDateGivesOneDeviationNamingItsOwner() {
		Bundle invited = invitedPlan(); // BUP and the school invited, five days to answer
		List<Task> tasks = invited.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Task.class::isInstance).map(Task.class::cast).toList();
		Task bup = tasks.stream().filter(t -> t.getOwner().getReference().equals("Organization/sip2-org-bup")).findFirst().orElseThrow();
		Task school = tasks.stream().filter(t -> t.getOwner().getReference().equals("Organization/sip2-org-skola")).findFirst().orElseThrow();

		clock.moveBy(Duration.ofDays(4));
		sweeper.sweep();
		assertThat(unanswered(bup)).isEmpty();
		assertThat(unanswered(school)).isEmpty();

		assertThat(respond(bup.getIdElement().getIdPart(), "Organization/sip2-org-bup", "accept", null, null).statusCode()).isEqualTo(200);
		clock.moveBy(Duration.ofDays(2));
		sweeper.sweep();
		assertThat(unanswered(bup)).as("answered in time").isEmpty();
		List<DetectedIssue> late = unanswered(school);
		assertThat(late).hasSize(1);
		assertThat(late.get(0).getImplicated()).extracting(r -> r.getReference())
				.contains("Task/" + school.getIdElement().getIdPart(), "Organization/sip2-org-skola");
		assertThat(late.get(0).getPatient().getReference()).isEqualTo(school.getFor().getReference());

		sweeper.sweep();
		clock.moveBy(Duration.ofDays(30));
		sweeper.sweep();
		assertThat(unanswered(school)).as("once, however often the sweeper runs").hasSize(1);
	}

	@Test
	void aPassedFollowUpDateGivesOneDeviationNamingTheOrganisationResponsible() {
		String plan = activePlan(); // follow-up agreed for 2027-06-01, overall responsibility: the region
		clock.moveTo(Instant.parse("2027-05-31T12:00:00Z"));
		sweeper.sweep();
		assertThat(overdue(plan)).isEmpty();

		clock.moveTo(Instant.parse("2027-06-02T12:00:00Z"));
		sweeper.sweep();
		sweeper.sweep();
		List<DetectedIssue> overdue = overdue(plan);
		assertThat(overdue).hasSize(1);
		assertThat(overdue.get(0).getImplicated()).extracting(r -> r.getReference())
				.contains("CarePlan/" + plan, "Organization/sip2-org-region");
		assertThat(overdue.get(0).getDetail()).isEqualTo("Planen följdes inte upp senast 2027-06-01.");
	}

	@Test
	void aDischargePlanNotInvitedWithinThreeDaysGivesOneStartDelayedNamingTheInitiator() {
		LocalDate ready = LocalDate.now(clock).minusDays(2);
		Parameters in = new Parameters();
		in.addParameter().setName("patient").setValue(new Reference(newPatient()));
		in.addParameter().setName("initiator").setValue(new Reference(INITIATOR));
		in.addParameter().setName("readyForDischarge").setValue(new DateType(ready.toString()));
		HttpResponse<String> r = postJson("/CarePlan/$sip-initiate", in);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		String plan = CTX.newJsonParser().parseResource(CarePlan.class, r.body()).getIdPart();

		sweeper.sweep();
		assertThat(startDelayed(plan)).as("due tomorrow").isEmpty();
		clock.moveBy(Duration.ofDays(2));
		sweeper.sweep();
		List<DetectedIssue> late = startDelayed(plan);
		assertThat(late).hasSize(1);
		assertThat(late.get(0).getImplicated()).extracting(Reference::getReference)
				.containsExactly("CarePlan/" + plan, INITIATOR, "Organization/sip1-org-vardcentral");
		assertThat(late.get(0).getDetail()).isEqualTo("Ingen kallelse till SIP-möte skickades senast " + ready.plusDays(3) + ".");

		sweeper.sweep();
		restarted().sweep();
		assertThat(startDelayed(plan)).as("once, also after a restart").hasSize(1);
	}

	@Test
	void aFirstMeetingNotHeldWithinThirtyDaysOfTheInvitationGivesOneStartDelayed() {
		Bundle invited = invitedPlan();
		String plan = invited.getEntry().get(3).getResource().getIdElement().getIdPart();
		LocalDate due = LocalDate.now(clock).plusDays(30);
		clock.moveBy(Duration.ofDays(30));
		sweeper.sweep();
		assertThat(startDelayed(plan)).as("due today").isEmpty();
		clock.moveBy(Duration.ofDays(1));
		sweeper.sweep();
		restarted().sweep();
		List<DetectedIssue> late = startDelayed(plan);
		assertThat(late).hasSize(1);
		assertThat(late.get(0).getDetail()).isEqualTo("Det första SIP-mötet hölls inte senast " + due + ".");
	}

	/** A sweeper as a restarted node has it: nothing in memory, only what is stored. */
	private DeadlineSweeper restarted() {
		return new DeadlineSweeper(stored, deviations, plans, clock);
	}

	private List<DetectedIssue> startDelayed(String plan) {
		return deviations(DeadlineSweeper.START_DELAYED, "CarePlan/" + plan);
	}

	private List<DetectedIssue> unanswered(Task invitation) {
		return deviations(DeadlineSweeper.UNANSWERED, "Task/" + invitation.getIdElement().getIdPart());
	}

	private List<DetectedIssue> overdue(String plan) {
		return deviations(DeadlineSweeper.OVERDUE, "CarePlan/" + plan);
	}

	private List<DetectedIssue> deviations(String type, String implicated) {
		Bundle found = client.search().byUrl("DetectedIssue?code=" + SipUrls.DEVIATION_TYPE_SYSTEM + "|" + type + "&implicated=" + implicated)
				.returnBundle(Bundle.class).execute();
		return found.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).map(Resource.class::cast)
				.filter(DetectedIssue.class::isInstance).map(DetectedIssue.class::cast).toList();
	}
}
