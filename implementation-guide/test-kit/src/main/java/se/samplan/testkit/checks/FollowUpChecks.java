package se.samplan.testkit.checks;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.samplan.testkit.Exchange;
import se.samplan.testkit.Expect;
import se.samplan.testkit.FhirServer;
import se.samplan.testkit.Parties;

import java.time.LocalDate;
import java.util.List;

/**
 * The follow-up contract (followup.md): the deadlines a plan carries from its initiative and invitation (R4), and
 * {@code $sip-worklist}: the invited organisation finds its invitation with its answer-by date, the initiator the plan
 * waiting for its first meeting, an organisation taking no part finds nothing of the plan, an unknown kind is 400;
 * {@code $sip-statistics} for the operator, not for an organisation without the statistics scope; the notifications'
 * topics, and a Subscription that is its organisation's own, ids only.
 */
@Tag("followup")
@DisplayName("Follow-up")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class FollowUpChecks {

	private static final String WORKLIST_DUE = PlanSteps.SIP + "/StructureDefinition/sip-worklist-due";
	private static final String BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";
	private static final List<String> TOPICS = List.of("sip-invited", "sip-invitation-answered", "sip-plan-activated",
			"sip-follow-up-due", "sip-deadline-passed", "sip-consent-withdrawn", "sip-plan-closed");
	private static final List<String> ORGANISATION_KINDS = List.of("invitations-to-answer", "follow-ups-due",
			"follow-ups-overdue", "waiting-for-consent", "waiting-for-meeting", "deviations-open");

	private final PlanSteps steps = new PlanSteps();
	private String plan;
	private String invitation;

	@BeforeAll
	void invitedPlan() {
		String[] invited = steps.invited();
		plan = invited[1];
		invitation = invited[3];
	}

	@Test
	@Tag("R4")
	@DisplayName("R4: a new plan carries the day its invitation is due (sip-due, kind invitation)")
	void invitationDue() {
		Exchange created = steps.initiate(steps.adult());
		Expect.that(created).isTrue(due(Expect.that(created).status(201).resource(CarePlan.class), "invitation"),
				"expected sip-due of kind invitation");
	}

	@Test
	@Tag("R4")
	@DisplayName("R4: an invited plan carries the day its first meeting is due (sip-due, kind first-meeting)")
	void firstMeetingDue() {
		Exchange read = steps.server.get("/CarePlan/" + plan, Parties.INITIATOR);
		Expect.that(read).isTrue(due(Expect.that(read).status(200).resource(CarePlan.class), "first-meeting"),
				"expected sip-due of kind first-meeting");
	}

	@Test
	@DisplayName("$sip-worklist: the invited organisation finds its invitation to answer, with its due date")
	void invitationToAnswer() {
		Exchange list = worklist("invitations-to-answer", Parties.PARTNER);
		Expect.that(list).isTrue(pages(list, Parties.PARTNER).stream().anyMatch(e ->
				("Task/" + invitation).equals(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())
						&& e.getSearch().getExtensionByUrl(WORKLIST_DUE) != null), "expected a searchset with Task/" + invitation + " and its due date");
	}

	@Test
	@DisplayName("$sip-worklist: the initiator finds the invited plan waiting for its first meeting")
	void waitingForMeeting() {
		Exchange list = worklist("waiting-for-meeting", Parties.INITIATOR);
		Bundle all = new Bundle();
		pages(list, Parties.INITIATOR).forEach(all::addEntry);
		Expect.that(list).isTrue(names(all, "CarePlan/" + plan), "expected CarePlan/" + plan);
	}

	/** The entries of a worklist, its first page and each next one (a long-used server has many). */
	private List<Bundle.BundleEntryComponent> pages(Exchange first, String user) {
		List<Bundle.BundleEntryComponent> entries = new java.util.ArrayList<>();
		Bundle page = Expect.that(first).status(200).resource(Bundle.class);
		Expect.that(first).isTrue(page.getType() == Bundle.BundleType.SEARCHSET, "expected a searchset");
		for (int i = 0; i < 100 && page != null; i++) {
			entries.addAll(page.getEntry());
			String next = page.getLink("next") == null ? null : page.getLink("next").getUrl();
			page = next == null ? null : Expect.that(steps.server.get(next.substring(next.indexOf("/$sip-worklist")), user))
					.status(200).resource(Bundle.class);
		}
		return entries;
	}

	@Test
	@Tag("R15")
	@DisplayName("R15: an organisation taking no part finds nothing of the plan in any worklist")
	void outsiderFindsNothing() {
		for (String kind : ORGANISATION_KINDS) {
			Exchange list = worklist(kind + "&days=400", Parties.OUTSIDER);
			Bundle found = Expect.that(list).status(200).resource(Bundle.class);
			Expect.that(list).isTrue(!names(found, "CarePlan/" + plan) && !names(found, "Task/" + invitation),
					kind + ": expected nothing of CarePlan/" + plan);
		}
	}

	@Test
	@DisplayName("$sip-worklist: an unknown kind is 400 with an OperationOutcome naming the parameter")
	void unknownKind() {
		Expect.that(worklist("everything", Parties.PARTNER)).status(400).at("Parameters.parameter.where(name = 'kind')");
	}

	@Test
	@Tag("R14")
	@DisplayName("R14: $sip-statistics gives the operator a summary MeasureReport against Measure/sip-follow-up")
	void statisticsForTheOperator() {
		Exchange report = steps.server.get("/$sip-statistics?periodStart=" + LocalDate.now().getYear() + "-01-01&periodEnd="
				+ LocalDate.now().getYear() + "-12-31", Parties.OPERATOR);
		MeasureReport found = Expect.that(report).status(200).resource(MeasureReport.class);
		Expect.that(report).isTrue(found.getType() == MeasureReport.MeasureReportType.SUMMARY
				&& (PlanSteps.SIP + "/Measure/sip-follow-up").equals(found.getMeasure()) && found.getGroup().stream()
						.anyMatch(g -> g.getCode().hasCoding(PlanSteps.SIP + "/CodeSystem/sip-statistics", "initiated")),
				"expected a summary MeasureReport of Measure/sip-follow-up with the group initiated");
	}

	@Test
	@Tag("R14")
	@DisplayName("R14: $sip-statistics refuses an organisation without the scope samplan.statistics (403)")
	void statisticsRefusedWithoutScope() {
		Expect.that(steps.server.get("/$sip-statistics?periodStart=2026-01-01&periodEnd=2026-12-31", Parties.PARTNER)).status(403);
	}

	@Test
	@DisplayName("notifications: the seven SubscriptionTopics of the package are there to read (Basic, code SubscriptionTopic)")
	void topics() {
		Exchange found = steps.server.get("/Basic?code=http://hl7.org/fhir/fhir-types%7CSubscriptionTopic&_count=50", Parties.PARTNER);
		String body = Expect.that(found).status(200).resource(Bundle.class).getEntry().stream()
				.map(e -> FhirServer.FHIR.newJsonParser().encodeResourceToString(e.getResource())).reduce("", String::concat);
		Expect.that(found).isTrue(TOPICS.stream().allMatch(t -> body.contains(PlanSteps.SIP + "/SubscriptionTopic/" + t)),
				"expected the topics " + TOPICS);
	}

	@Test
	@Tag("R15")
	@DisplayName("R15: a topic-based Subscription is its organisation's own, ids only by default; another organisation reads it as unknown (404)")
	void subscriptionIsOwnAndIdOnly() {
		Exchange created = steps.server.post("/Subscription", Parties.PARTNER, subscription(null));
		Subscription stored = Expect.that(created).status(201).resource(Subscription.class);
		Expect.that(created).isTrue("id-only".equals(stored.getChannel().getPayloadElement()
				.getExtensionByUrl(BACKPORT + "backport-payload-content").getValue().primitiveValue()), "expected payload content id-only");
		Expect.that(steps.server.get("/Subscription/" + stored.getIdPart(), Parties.OUTSIDER)).status(404);
		steps.server.delete("/Subscription/" + stored.getIdPart(), Parties.PARTNER);
	}

	@Test
	@Tag("R15")
	@DisplayName("R15: a Subscription asking for whole resources is refused (422)")
	void fullResourceRefused() {
		Expect.that(steps.server.post("/Subscription", Parties.PARTNER, subscription("full-resource"))).refusedBy(422, "R15");
	}

	/** A topic-based Subscription to sip-invited for the partner's invitations, at an endpoint nobody answers. */
	private static Subscription subscription(String content) {
		Subscription s = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
				.setCriteria(PlanSteps.SIP + "/SubscriptionTopic/sip-invited").setReason("Testkit");
		s.getMeta().addProfile(BACKPORT + "backport-subscription");
		s.getCriteriaElement().addExtension(BACKPORT + "backport-filter-criteria", new StringType("Task?owner=" + Parties.PARTNER));
		s.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint("http://localhost:1/")
				.setPayload("application/fhir+json");
		if (content != null) {
			s.getChannel().getPayloadElement().addExtension(BACKPORT + "backport-payload-content", new CodeType(content));
		}
		return s;
	}

	private Exchange worklist(String kind, String user) {
		return steps.server.get("/$sip-worklist?kind=" + kind, user);
	}

	private static boolean names(Bundle list, String reference) {
		return list.getEntry().stream().anyMatch(e -> reference.equals(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())
				|| e.getResource() instanceof org.hl7.fhir.r4.model.Task t && reference.equals(t.getBasedOnFirstRep().getReference()));
	}

	private static boolean due(CarePlan plan, String kind) {
		return plan.getExtensionsByUrl(PlanSteps.SIP + "/StructureDefinition/sip-due").stream()
				.map(e -> e.getExtensionByUrl("kind")).map(Extension.class::cast)
				.anyMatch(k -> k != null && kind.equals(k.getValue().primitiveValue()));
	}
}
