package se.samplan.server.followup;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samplan.server.sip.SipUrls;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code $sip-worklist}: each kind for each party of one plan's way from initiative to follow-up, earliest due first,
 * and nothing of the plan for an organisation outside it.
 */
@Tag("R4")
@Tag("R15")
class SipWorklistOperationTest extends FollowUpTestSupport {

	private static final String BUP = "Organization/sip2-org-bup";
	private static final String SCHOOL = "Organization/sip2-org-skola";
	private static final String REGION = "Organization/sip2-org-region";
	private static final String OUTSIDER = "Organization/sip3-org-fk";
	private static final String[] ORGANISATION_KINDS = {"invitations-to-answer", "follow-ups-due", "follow-ups-overdue",
			"waiting-for-consent", "waiting-for-meeting", "deviations-open"};

	@Autowired
	private DeadlineSweeper sweeper;

	@Test
	void anInitiatedPlanWaitsForConsentAtItsInitiator() {
		String plan = "CarePlan/" + initiated(newPatient()).getIdPart();
		Bundle list = worklist(DEFAULT_USER, "waiting-for-consent");
		assertThat(ids(list)).contains(plan);
		assertThat(dueOf(list, plan)).isEqualTo(LocalDate.now(clock).plusDays(14).toString());
		assertThat(ids(worklist(BUP, "waiting-for-consent"))).doesNotContain(plan);
	}

	@Test
	void eachInvitedOrganisationHasItsOwnInvitationToAnswerAndTheInitiatorWaitsForTheMeeting() {
		Bundle invited = invitedPlan();
		String plan = "CarePlan/" + invited.getEntry().get(3).getResource().getIdElement().getIdPart();
		String bupTask = taskOf(invited, BUP);
		String schoolTask = taskOf(invited, SCHOOL);

		Bundle bup = worklist(BUP, "invitations-to-answer");
		assertThat(ids(bup)).contains(bupTask).doesNotContain(schoolTask);
		// an instant (sent + 5 days), in UTC: its date is the county's, which is a day ahead from 23:00 UTC in winter
		assertThat(OffsetDateTime.parse(dueOf(bup, bupTask)).atZoneSameInstant(clock.getZone()).toLocalDate())
				.isEqualTo(LocalDate.now(clock).plusDays(5));
		assertThat(ids(worklist(SCHOOL, "invitations-to-answer"))).contains(schoolTask).doesNotContain(bupTask);

		Bundle waiting = worklist(DEFAULT_USER, "waiting-for-meeting");
		assertThat(ids(waiting)).contains(plan);
		assertThat(dueOf(waiting, plan)).isEqualTo(LocalDate.now(clock).plusDays(30).toString());

		assertThat(respond(bupTask.substring(5), BUP, "accept", null, null).statusCode()).isEqualTo(200);
		assertThat(ids(worklist(BUP, "invitations-to-answer"))).doesNotContain(bupTask);

		clock.moveBy(Duration.ofDays(6));
		sweeper.sweep();
		assertThat(implicating(worklist(SCHOOL, "deviations-open"), schoolTask)).as("its unanswered invitation").hasSize(1);
		assertThat(implicating(worklist(BUP, "deviations-open"), plan)).as("answered in time").isEmpty();
		assertThat(implicating(worklist(OUTSIDER, "deviations-open"), plan)).isEmpty();
	}

	@Test
	void followUpsAreDueAtTheResponsibleAndThePerformersOnlyAndTurnOverdue() {
		String plan = "CarePlan/" + activePlan(); // follow-up 2027-06-01; the region responsible, BUP performs
		String days = "&days=" + (LocalDate.parse("2027-06-01").toEpochDay() - LocalDate.now(clock).toEpochDay() + 1);
		assertThat(ids(worklist(REGION, "follow-ups-due", days))).contains(plan);
		assertThat(ids(worklist(BUP, "follow-ups-due", days))).contains(plan);
		assertThat(ids(worklist(SCHOOL, "follow-ups-due", days))).as("neither responsible nor performing").doesNotContain(plan);
		assertThat(ids(worklist(REGION, "follow-ups-due"))).as("not within 14 days").doesNotContain(plan);
		assertThat(ids(worklist(REGION, "follow-ups-overdue"))).doesNotContain(plan);

		clock.moveTo(java.time.Instant.parse("2027-06-02T08:00:00Z"));
		Bundle overdue = worklist(REGION, "follow-ups-overdue");
		assertThat(ids(overdue)).contains(plan);
		assertThat(dueOf(overdue, plan)).startsWith("2027-06-01");
	}

	@Test
	void anOrganisationOutsideThePlanSeesNothingOfIt() {
		Bundle invited = invitedPlan();
		String plan = "CarePlan/" + invited.getEntry().get(3).getResource().getIdElement().getIdPart();
		clock.moveBy(Duration.ofDays(60));
		sweeper.sweep();
		for (String kind : ORGANISATION_KINDS) {
			Bundle list = worklist(OUTSIDER, kind + "&days=400");
			assertThat(list.getEntry()).as(kind).allSatisfy(e -> assertThat(planOf(e)).isNotEqualTo(plan));
			assertThat(list.getTotal()).as(kind).isEqualTo(list.getEntry().size());
		}
	}

	@Test
	void theEntriesComeEarliestDueFirstAndCountLimitsThem() {
		invitedPlan();
		invitedPlan();
		Bundle all = worklist(BUP, "invitations-to-answer");
		List<String> due = all.getEntry().stream().map(e -> e.getSearch().getExtensionByUrl(SipUrls.WORKLIST_DUE).getValue())
				.map(v -> ((DateTimeType) v).getValue().toInstant().toString()).toList();
		assertThat(due).hasSizeGreaterThanOrEqualTo(2).isSorted();
		Bundle one = worklist(BUP, "invitations-to-answer&_count=1");
		assertThat(one.getEntry()).hasSize(1);
		assertThat(one.getTotal()).isEqualTo(all.getTotal());
		String next = one.getLink("next").getUrl();
		Bundle second = CTX.newJsonParser().parseResource(Bundle.class,
				send(request(next.substring(next.indexOf("/fhir/")), BUP).GET().build()).body());
		assertThat(ids(second)).containsExactly(ids(all).get(1));
		assertThat(second.getLink("previous").getUrl()).endsWith("_offset=0");
	}

	@Test
	void thePersonGetsTheirOwnMeetingsToAnswer() {
		Bundle invited = invitedPlan("2027-01-10T13:00:00+01:00");
		String meeting = "Appointment/" + invited.getEntry().get(0).getResource().getIdElement().getIdPart();
		String patient = ((Task) invited.getEntry().get(1).getResource()).getFor().getReference();
		assertThat(ids(worklist(patient, "meetings-to-answer"))).containsExactly(meeting);
		assertThat(ids(worklist(BUP, "invitations-to-answer"))).isNotEmpty();
		assertRefused(ask(patient, "invitations-to-answer"), 400, "Parameters.parameter.where(name = 'kind')");
		assertRefused(ask(BUP, "meetings-to-answer"), 400, "Parameters.parameter.where(name = 'kind')");
	}

	@Test
	void anUnknownKindIsABadRequestAndTheOperatorHasNoWorklist() {
		assertRefused(ask(BUP, "everything"), 400, "Parameters.parameter.where(name = 'kind')");
		assertThat(ask(OPERATOR, "invitations-to-answer").statusCode()).isEqualTo(403);
	}

	private Bundle worklist(String user, String kind) {
		return worklist(user, kind, "");
	}

	private Bundle worklist(String user, String kind, String more) {
		HttpResponse<String> r = ask(user, kind + more);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		Bundle b = CTX.newJsonParser().parseResource(Bundle.class, r.body());
		assertThat(b.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
		return b;
	}

	private HttpResponse<String> ask(String user, String kindAndMore) {
		return send(request("/fhir/$sip-worklist?kind=" + kindAndMore, user).GET().build());
	}

	private static List<String> ids(Bundle list) {
		return list.getEntry().stream().map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()).toList();
	}

	private static String dueOf(Bundle list, String id) {
		return list.getEntry().stream().filter(e -> id.equals(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()))
				.map(e -> e.getSearch().getExtensionByUrl(SipUrls.WORKLIST_DUE).getValue().primitiveValue()).findFirst().orElseThrow();
	}

	private static List<DetectedIssue> implicating(Bundle list, String reference) {
		return list.getEntry().stream().map(e -> (DetectedIssue) e.getResource())
				.filter(d -> d.getImplicated().stream().anyMatch(r -> reference.equals(r.getReference()))).toList();
	}

	private static String taskOf(Bundle invited, String owner) {
		return invited.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Task.class::isInstance)
				.map(Task.class::cast).filter(t -> owner.equals(t.getOwner().getReference()))
				.map(t -> "Task/" + t.getIdElement().getIdPart()).findFirst().orElseThrow();
	}

	private static String planOf(Bundle.BundleEntryComponent entry) {
		if (entry.getResource() instanceof CarePlan p) {
			return "CarePlan/" + p.getIdElement().getIdPart();
		}
		return entry.getResource() instanceof Task t ? t.getBasedOnFirstRep().getReference() : null;
	}
}
