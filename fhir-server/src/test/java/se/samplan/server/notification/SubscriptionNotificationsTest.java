package se.samplan.server.notification;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.server.sip.SipUrls;
import se.samplan.server.workflow.WorkflowTestSupport;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications end to end against a real HTTP receiver: topic-based Subscriptions (Subscriptions R5 Backport on R4)
 * with their handshake and heartbeat, and classic rest-hook ones; each organisation told only of what it may read,
 * ids only, each notification logged, retried until the receiver is back.
 */
@Tag("R15")
class SubscriptionNotificationsTest extends WorkflowTestSupport {

	static final String TOPIC = "https://samplan.github.io/fhir/SubscriptionTopic/";
	static final String BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";
	static final List<String> TOPICS = List.of("sip-invited", "sip-invitation-answered", "sip-plan-activated",
			"sip-follow-up-due", "sip-deadline-passed", "sip-consent-withdrawn", "sip-plan-closed");
	private static final String BUP = "Organization/sip2-org-bup";
	private static final String SCHOOL = "Organization/sip2-org-skola";
	private static final String OUTSIDER = "Organization/sip3-org-fk";
	private static final Receiver RECEIVER = new Receiver();

	@org.springframework.beans.factory.annotation.Autowired
	private FollowUpDueNotices followUpDue;
	@org.springframework.beans.factory.annotation.Autowired
	private ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry registry;
	@org.springframework.beans.factory.annotation.Autowired
	private ca.uhn.fhir.jpa.api.dao.DaoRegistry daoRegistry;
	@org.springframework.beans.factory.annotation.Autowired
	private ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionLoader loader;

	/** The subscriptions a test made, as organisation and id: each test's are deleted after it. */
	private final List<String[]> made = new java.util.ArrayList<>();

	@AfterAll
	static void stop() {
		RECEIVER.close();
	}

	@AfterEach
	void unsubscribe() {
		made.forEach(s -> send(request("/fhir/Subscription/" + s[1], s[0]).DELETE().build()));
		assertThat(made).as("a deleted Subscription is forgotten by the node at once").allSatisfy(s -> assertThat(registry.get(s[1])).isNull());
	}

	@Test
	void theInvitedOrganisationIsToldOfItsInvitationWithinSecondsByIdOnly() {
		String path = path();
		topic(BUP, "sip-invited", "Task?owner=" + BUP, path, null);
		long start = System.currentTimeMillis();
		Bundle invited = invitedPlan();
		long done = System.currentTimeMillis();
		Receiver.Received told = RECEIVER.next(path, Duration.ofSeconds(15));
		assertThat(told).as("told within 15 s").isNotNull();
		System.out.printf("Notification delay: %d ms after the invitation was answered (%d ms after it was asked)%n",
				told.atMillis() - done, told.atMillis() - start);
		Bundle notification = CTX.newJsonParser().parseResource(Bundle.class, told.body());
		assertThat(notification.getType()).isEqualTo(Bundle.BundleType.HISTORY);
		Parameters status = (Parameters) notification.getEntryFirstRep().getResource();
		assertThat(status.getParameter("type").getValue().primitiveValue()).isEqualTo("event-notification");
		assertThat(status.getParameter("topic").getValue().primitiveValue()).isEqualTo(TOPIC + "sip-invited");
		String bupTask = taskOf(invited, BUP);
		assertThat(focus(status)).containsExactly(bupTask);
		assertThat(notification.getEntry().subList(1, notification.getEntry().size()))
				.as("ids only: no resource").allSatisfy(e -> assertThat(e.hasResource()).isFalse());
		assertThat(RECEIVER.next(path, Duration.ofSeconds(2))).as("nothing of the school's invitation").isNull();
	}

	@Test
	void anOrganisationOutsideTheConsentIsToldNothingOverAnyTopic() {
		String inside = path();
		String outside = path();
		for (String topic : TOPICS) {
			topic(BUP, topic, null, inside, null);
			topic(OUTSIDER, topic, null, outside, null);
		}
		classic(OUTSIDER, "Task?code=https://samplan.github.io/fhir/CodeSystem/sip-task-type|invitation", outside);
		classic(OUTSIDER, "CarePlan?category=https://fhir.inera.se/CodeSystem/typeofcareplan-cs|SIP", outside);

		Bundle invited = invitedPlan("2026-11-02T13:00:00+01:00"); // sip-invited; the meeting has been held
		String plan = invited.getEntry().get(3).getResource().getIdElement().getIdPart();
		assertThat(respond(taskOf(invited, BUP).substring(5), BUP, "accept", null, null).statusCode()).isEqualTo(200); // answered
		writeContent(plan);
		assertThat(activate(plan, invited.getEntry().get(0).getResource().getIdElement().getIdPart(),
				"PractitionerRole/sip2-role-bup", SCHOOL).statusCode()).isEqualTo(200); // activated
		String patient = ((CarePlan) invited.getEntry().get(3).getResource()).getSubject().getReference();
		HttpResponse<String> lapsed = postJson("/DetectedIssue", deviation(patient, plan, taskOf(invited, SCHOOL))); // deadline passed
		assertThat(lapsed.statusCode()).as(lapsed.body()).isEqualTo(201);
		Set<String> insideTopics = new java.util.TreeSet<>();
		for (int i = 0; i < 10 && insideTopics.size() < 4; i++) {
			insideTopics.addAll(topicsOf(RECEIVER.collect(inside, Duration.ofSeconds(2))));
		}
		assertThat(insideTopics).as("the organisation in the consent is told of the plan")
				.contains("sip-invited", "sip-invitation-answered", "sip-plan-activated", "sip-deadline-passed");
		// judged when the notification leaves: after the withdrawal the plan is closed to the organisations
		Parameters withdraw = new Parameters();
		withdraw.addParameter().setName("withdrawnBy").setValue(new Reference(patient));
		assertThat(postJson("/CarePlan/" + plan + "/$sip-withdraw-consent", withdraw).statusCode()).isEqualTo(200); // withdrawn, closed
		List<Receiver.Received> leaks = RECEIVER.collect(outside, Duration.ofSeconds(4)).stream().filter(r -> !isHandshake(r)).toList();
		assertThat(leaks).as("0 leaks to the organisation outside the consent").isEmpty();
		System.out.printf("Outside the consent: 0 notifications over %d topic and 2 classic subscriptions; inside: %s%n",
				TOPICS.size(), insideTopics);
	}

	@Test
	void thePartiesAreToldThatAPlanIsClosed() {
		String path = path();
		topic(BUP, "sip-plan-closed", null, path, null);
		Bundle invited = invitedPlan();
		String plan = invited.getEntry().get(3).getResource().getIdElement().getIdPart();
		assertThat(close(plan, "moved").statusCode()).isEqualTo(200);
		Receiver.Received told = RECEIVER.next(path, Duration.ofSeconds(15));
		assertThat(told).as("BUP, invited and in the consent, is told").isNotNull();
		assertThat(focus(status(told))).containsExactly("CarePlan/" + plan);
	}

	@Test
	void thePartiesAreToldOnceThatAFollowUpIsNear() {
		String path = path();
		String outside = path();
		Bundle invited = invitedPlan("2026-11-02T13:00:00+01:00");
		String plan = invited.getEntry().get(3).getResource().getIdElement().getIdPart();
		String patient = ((CarePlan) invited.getEntry().get(3).getResource()).getSubject().getReference();
		writeContent(plan, Instant.now().plus(5, ChronoUnit.DAYS).toString());
		assertThat(activate(plan, invited.getEntry().get(0).getResource().getIdElement().getIdPart(),
				"PractitionerRole/sip2-role-bup", SCHOOL).statusCode()).isEqualTo(200);
		topic(BUP, "sip-follow-up-due", "CarePlan?subject=" + patient, path, null);
		topic(OUTSIDER, "sip-follow-up-due", "CarePlan?subject=" + patient, outside, null);

		assertThat(followUpDue.tell()).as("plans told").isPositive();
		Receiver.Received told = RECEIVER.next(path, Duration.ofSeconds(15));
		assertThat(told).as("BUP, performing a service of the plan, is told").isNotNull();
		assertThat(topicsOf(List.of(told))).containsExactly("sip-follow-up-due");
		assertThat(focus(status(told))).containsExactly("CarePlan/" + plan);
		assertThat(followUpDue.tell()).as("told once per plan and date").isZero();
		assertThat(RECEIVER.collect(path, Duration.ofSeconds(3))).as("nothing more to BUP").isEmpty();
		assertThat(RECEIVER.collect(outside, Duration.ofSeconds(1))).as("nothing to the organisation outside the consent").isEmpty();
	}

	@Test
	void anOrganisationTakenOutOfTheConsentIsToldNothingMore() {
		String path = path();
		topic(BUP, "sip-invited", null, path, null);
		Bundle invited = invitedPlan();
		String plan = invited.getEntry().get(3).getResource().getIdElement().getIdPart();
		assertThat(RECEIVER.next(path, Duration.ofSeconds(15))).as("the first invitation, while in the consent").isNotNull();
		assertThat(RECEIVER.next(path, Duration.ofSeconds(15))).as("the second invitation, while in the consent").isNotNull();

		Consent consent = (Consent) client.search().byUrl("Consent?data=CarePlan/" + plan).returnBundle(Bundle.class).execute()
				.getEntryFirstRep().getResource();
		assertThat(consent.getProvision().getActor().removeIf(a -> a.getReference().getReference().equals(BUP))).isTrue();
		consent.setMeta(null);
		HttpResponse<String> narrowed = send("PUT", "/Consent/" + consent.getIdPart(), "application/fhir+json",
				CTX.newJsonParser().encodeResourceToString(consent));
		assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
		assertThat(inviteAnsweredBy(plan, Instant.now().plus(5, ChronoUnit.DAYS), SCHOOL).statusCode()).isEqualTo(200);
		assertThat(RECEIVER.collect(path, Duration.ofSeconds(4))).as("nothing after the consent left it out").isEmpty();
	}

	@Test
	void aReceiverThatIsDownGetsTheEventWhenItIsBack() throws InterruptedException {
		String path = path();
		topic(BUP, "sip-invited", "Task?owner=" + BUP, path, null);
		RECEIVER.down(true);
		try {
			invitedPlan();
			Thread.sleep(4000);
		} finally {
			RECEIVER.down(false);
		}
		Receiver.Received told = RECEIVER.next(path, Duration.ofSeconds(30));
		assertThat(told).as("delivered once the receiver answers again").isNotNull();
		assertThat(isHandshake(told)).isFalse();
	}

	@Test
	void eachNotificationIsLoggedAsTheOrganisationsRead() throws InterruptedException {
		String path = path();
		String subscription = "Subscription/" + topic(BUP, "sip-invited", "Task?owner=" + BUP, path, null);
		String task = taskOf(invitedPlan(), BUP);
		assertThat(RECEIVER.next(path, Duration.ofSeconds(15))).isNotNull();
		List<org.hl7.fhir.r4.model.AuditEvent> logged = List.of();
		for (int i = 0; i < 50 && logged.isEmpty(); i++) {
			Thread.sleep(100);
			logged = CTX.newJsonParser().parseResource(Bundle.class, send(request("/fhir/AuditEvent?entity=" + task + "&agent=" + BUP,
					OPERATOR).GET().build()).body()).getEntry().stream().map(e -> (org.hl7.fhir.r4.model.AuditEvent) e.getResource())
					.filter(e -> subscription.equals(e.getAgentFirstRep().getAltId())).toList();
		}
		assertThat(logged).as("BUP's read of " + task + " through " + subscription).hasSize(1);
		assertThat(logged.get(0).getAgentFirstRep().getWho().getReference()).isEqualTo(BUP);
		assertThat(logged.get(0).getSubtypeFirstRep().getCode()).isEqualTo("read");
	}

	@Test
	void aTopicSubscriptionShakesHandsAndHasAHeartbeat() {
		String path = path();
		topic(BUP, "sip-plan-closed", null, path, 1);
		List<Receiver.Received> got = RECEIVER.collect(path, Duration.ofSeconds(7)); // after the handshake
		assertThat(got).extracting(SubscriptionNotificationsTest::type).as("every second or two when nothing else is sent")
				.hasSizeGreaterThanOrEqualTo(2).containsOnly("heartbeat");
	}

	@Test
	void aSubscriptionWhoseEndpointDoesNotAnswerTheHandshakeIsInError() throws InterruptedException {
		RECEIVER.down(true);
		String path = path();
		String id;
		try {
			id = subscribe(BUP, topicSubscription("sip-invited", null, path, null));
			Subscription stored = null;
			for (int i = 0; i < 100 && (stored == null || stored.getStatus() != Subscription.SubscriptionStatus.ERROR); i++) {
				Thread.sleep(100);
				stored = read(BUP, id);
			}
			assertThat(stored.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ERROR);
			assertThat(stored.getError()).contains("Handskakningen");
		} finally {
			RECEIVER.down(false);
		}
		// Asked for again by a PATCH, once the endpoint answers: active in the answer, and a new handshake.
		HttpResponse<String> again = send(request("/fhir/Subscription/" + id, BUP).header("Content-Type", "application/json-patch+json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(
						"[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"requested\"},{\"op\":\"remove\",\"path\":\"/error\"}]")).build());
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(CTX.newJsonParser().parseResource(Subscription.class, again.body()).getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
		Receiver.Received handshake = RECEIVER.next(path, Duration.ofSeconds(10));
		assertThat(handshake).as("handshake after the PATCH").isNotNull();
		assertThat(type(handshake)).isEqualTo("handshake");
	}

	@Test
	void aSubscriptionIsStoredActiveByItsCreateAndNotAgainByHapi() {
		String id = topic(BUP, "sip-invited", null, path(), null);
		loader.forceRefresh(); // HAPI's loader activates what it finds stored as requested
		Subscription stored = read(BUP, id);
		assertThat(stored.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
		assertThat(stored.getMeta().getVersionId()).as("no second version, which would race the client's next write").isEqualTo("1");
	}

	@Test
	void aSubscriptionAsksForIdsOnly() {
		Subscription classicWithPayload = classicSubscription("Task?owner=" + BUP, path());
		classicWithPayload.getChannel().setPayload("application/fhir+json");
		assertRule(post(BUP, classicWithPayload), 422, "R15", "Subscription.channel.payload");
		Subscription email = classicSubscription("Task?owner=" + BUP, path());
		email.getChannel().setType(Subscription.SubscriptionChannelType.EMAIL).setEndpoint("mailto:bup@example.se");
		assertRule(post(BUP, email), 422, "R15", "Subscription.channel.type");
		Subscription full = topicSubscription("sip-invited", null, path(), null);
		full.getChannel().getPayloadElement().getExtensionByUrl(BACKPORT + "backport-payload-content").setValue(
				new org.hl7.fhir.r4.model.CodeType("full-resource"));
		assertRule(post(BUP, full), 422, "R15", "Subscription.channel.payload");
		Subscription unsaid = topicSubscription("sip-invited", null, path(), null);
		unsaid.getChannel().getPayloadElement().getExtension().clear();
		HttpResponse<String> stored = post(BUP, unsaid);
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
		made.add(new String[] {BUP, CTX.newJsonParser().parseResource(Subscription.class, stored.body()).getIdPart()});
		assertThat(CTX.newJsonParser().parseResource(Subscription.class, stored.body()).getChannel().getPayloadElement()
				.getExtensionByUrl(BACKPORT + "backport-payload-content").getValue().primitiveValue()).isEqualTo("id-only");
	}

	@Test
	void theRulesHoldInATransactionAndAPatchWhichOtherwiseGoThrough() {
		Subscription idsOnly = topicSubscription("sip-invited", "Task?owner=" + BUP, path(), null);
		Subscription whole = topicSubscription("sip-invited", null, path(), null);
		whole.getChannel().getPayloadElement().getExtensionByUrl(BACKPORT + "backport-payload-content").setValue(
				new org.hl7.fhir.r4.model.CodeType("full-resource"));
		assertRule(transactionAs(BUP, idsOnly, whole), 422, "R15", "Subscription.channel.payload");
		for (Subscription refused : List.of(idsOnly, whole)) {
			HttpResponse<String> found = send(request("/fhir/Subscription?url=" + java.net.URLEncoder.encode(
					refused.getChannel().getEndpoint(), java.nio.charset.StandardCharsets.UTF_8), BUP).GET().build());
			assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
			assertThat(CTX.newJsonParser().parseResource(Bundle.class, found.body()).getEntry()).as("nothing of the transaction").isEmpty();
		}

		HttpResponse<String> stored = transactionAs(BUP, idsOnly);
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
		String id = new org.hl7.fhir.r4.model.IdType(CTX.newJsonParser().parseResource(Bundle.class, stored.body()).getEntryFirstRep()
				.getResponse().getLocation()).getIdPart();
		made.add(new String[] {BUP, id});
		assertThat(read(BUP, id).getMeta().getTag(SipUrls.REGISTERED_BY, BUP)).as("BUP's own").isNotNull();
		assertThat(read(BUP, id).getStatus()).as("active as the transaction stored it").isEqualTo(Subscription.SubscriptionStatus.ACTIVE);

		HttpResponse<String> patched = send(request("/fhir/Subscription/" + id, BUP).header("Content-Type", "application/json-patch+json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(
						"[{\"op\":\"replace\",\"path\":\"/channel/_payload/extension/0/valueCode\",\"value\":\"full-resource\"}]")).build());
		assertRule(patched, 422, "R15", "Subscription.channel.payload");
	}

	@Test
	void aResourceDeletedRightAfterItWasMadeIsDeletedWhileSubscriptionsListen() {
		subscribe(BUP, classicSubscription("Organization?name=x", path()));
		for (int i = 0; i < 5; i++) {
			String org = send(request("/fhir/Organization", OPERATOR).header("Content-Type", "application/fhir+json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Organization\",\"name\":\"Tillfällig\"}")).build())
					.headers().firstValue("Location").map(l -> l.substring(l.indexOf("Organization/"), l.indexOf("/_history"))).orElseThrow();
			HttpResponse<String> deleted = send(request("/fhir/" + org, OPERATOR).DELETE().build());
			assertThat(deleted.statusCode()).as(deleted.body()).isIn(200, 204);
		}
	}

	@Test
	void aSubscriptionDeletedWhileTheServerActsOnWhatItHadReadStaysDeletedAndUnheard() {
		String id = subscribe(BUP, classicSubscription("Task?owner=" + BUP, path()));
		Subscription before = read(BUP, id); // as HAPI's loader or registering listener, or a failed handshake, had read it
		assertThat(send(request("/fhir/Subscription/" + id, BUP).DELETE().build()).statusCode()).isIn(200, 204);

		registry.registerSubscriptionUnlessAlreadyRegistered(before);
		assertThat(registry.get(id)).as("not registered from a read before the delete").isNull();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> daoRegistry.getResourceDao(Subscription.class).update(
				before.copy().setStatus(Subscription.SubscriptionStatus.ERROR), new ca.uhn.fhir.rest.api.server.SystemRequestDetails()))
				.as("a failed handshake's error, written on what it read before the delete")
				.isInstanceOf(ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException.class);
		assertThat(send(request("/fhir/Subscription/" + id, BUP).GET().build()).statusCode()).isEqualTo(410);
		assertThat(registry.get(id)).isNull();

		HttpResponse<String> again = send(request("/fhir/Subscription/" + id, BUP).header("Content-Type", "application/fhir+json")
				.PUT(HttpRequest.BodyPublishers.ofString(CTX.newJsonParser().encodeResourceToString(
						before.copy().setStatus(Subscription.SubscriptionStatus.REQUESTED)))).build());
		assertThat(again.statusCode()).as("its organisation may make it again: " + again.body()).isEqualTo(201);
		assertThat(CTX.newJsonParser().parseResource(Subscription.class, again.body()).getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
		assertThat(send(request("/fhir/Subscription/" + id, BUP).GET().build()).statusCode()).isEqualTo(200);
	}

	@Test
	void aSubscriptionIsItsOrganisationsOwn() {
		String id = subscribe(BUP, classicSubscription("Task?owner=" + BUP, path()));
		assertThat(send(request("/fhir/Subscription/" + id, SCHOOL).GET().build()).statusCode()).isEqualTo(404);
		assertThat(CTX.newJsonParser().parseResource(Bundle.class, send(request("/fhir/Subscription?_id=" + id, SCHOOL).GET().build())
				.body()).getEntry()).isEmpty();
		Subscription taken = read(BUP, id);
		taken.getChannel().setEndpoint(RECEIVER.url("/school"));
		assertThat(send(request("/fhir/Subscription/" + id, SCHOOL).header("Content-Type", "application/fhir+json")
				.PUT(HttpRequest.BodyPublishers.ofString(CTX.newJsonParser().encodeResourceToString(taken))).build()).statusCode())
				.isIn(403, 404);
		assertThat(send(request("/fhir/Subscription/" + id, OPERATOR).GET().build()).statusCode()).isEqualTo(200);
	}

	// ------------------------------------------------------------------ helpers

	private static String path() {
		return "/" + UUID.randomUUID();
	}

	/** A lapsed deadline as the sweeper records it (written here by a party, so no sweep reaches other tests' plans). */
	private static DetectedIssue deviation(String patient, String plan, String task) {
		DetectedIssue d = new DetectedIssue().setStatus(DetectedIssue.DetectedIssueStatus.FINAL).setPatient(new Reference(patient))
				.setIdentified(new DateTimeType(new java.util.Date())).setDetail("Kallelsen besvarades inte i tid.");
		d.getMeta().addProfile(SipUrls.DEVIATION_PROFILE);
		d.getCode().addCoding(new Coding(SipUrls.DEVIATION_TYPE_SYSTEM, "invitation-unanswered", null));
		List.of(task, SCHOOL, "CarePlan/" + plan).forEach(r -> d.addImplicated(new Reference(r)));
		return d;
	}

	/** A follow-up meeting of an active plan (or another meeting) to which {@code organization} is invited, answer by then. */
	private HttpResponse<String> inviteAnsweredBy(String plan, Instant answerBy, String organization) {
		DateTimeType start = new DateTimeType(java.util.Date.from(Instant.now().plus(10, ChronoUnit.DAYS)));
		Parameters in = new Parameters();
		in.addParameter().setName("start").setValue(start);
		in.addParameter().setName("end").setValue(new DateTimeType(java.util.Date.from(start.getValue().toInstant().plus(1, ChronoUnit.HOURS))));
		in.addParameter().setName("organization").setValue(new Reference(organization));
		in.addParameter().setName("respondBy").setValue(new DateTimeType(java.util.Date.from(answerBy)));
		return postJson("/CarePlan/" + plan + "/$sip-invite", in);
	}

	static Subscription topicSubscription(String topic, String filter, String endpoint, Integer heartbeat) {
		Subscription s = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED).setCriteria(TOPIC + topic)
				.setReason("Samplan-test");
		s.getMeta().addProfile(BACKPORT + "backport-subscription");
		if (filter != null) {
			s.getCriteriaElement().addExtension(BACKPORT + "backport-filter-criteria", new StringType(filter));
		}
		s.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(RECEIVER.url(endpoint))
				.setPayload("application/fhir+json");
		s.getChannel().getPayloadElement().addExtension(BACKPORT + "backport-payload-content", new org.hl7.fhir.r4.model.CodeType("id-only"));
		if (heartbeat != null) {
			s.getChannel().addExtension(BACKPORT + "backport-heartbeat-period", new UnsignedIntType(heartbeat));
		}
		return s;
	}

	private static Subscription classicSubscription(String criteria, String endpoint) {
		Subscription s = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED).setCriteria(criteria)
				.setReason("Samplan-test");
		s.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(RECEIVER.url(endpoint));
		return s;
	}

	/** A topic subscription of the organisation, active and its handshake received; returns its id. */
	private String topic(String organization, String topic, String filter, String path, Integer heartbeat) {
		String id = subscribe(organization, topicSubscription(topic, filter, path, heartbeat));
		Receiver.Received handshake = RECEIVER.next(path, Duration.ofSeconds(10));
		assertThat(handshake).as("handshake").isNotNull();
		assertThat(type(handshake)).isEqualTo("handshake");
		return id;
	}

	private void classic(String organization, String criteria, String path) {
		subscribe(organization, classicSubscription(criteria, path));
	}

	/** The Subscriptions POSTed in one transaction Bundle, as the organisation. */
	private HttpResponse<String> transactionAs(String organization, Subscription... subscriptions) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Subscription s : subscriptions) {
			bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(s).getRequest()
					.setMethod(Bundle.HTTPVerb.POST).setUrl("Subscription");
		}
		return send(request("/fhir", organization).header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(CTX.newJsonParser().encodeResourceToString(bundle))).build());
	}

	private HttpResponse<String> post(String organization, Subscription s) {
		return send(request("/fhir/Subscription", organization).header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(CTX.newJsonParser().encodeResourceToString(s))).build());
	}

	/** Creates the subscription as the organisation, which answers it active; returns its id. */
	private String subscribe(String organization, Subscription s) {
		HttpResponse<String> r = post(organization, s);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		Subscription stored = CTX.newJsonParser().parseResource(Subscription.class, r.body());
		made.add(new String[] {organization, stored.getIdPart()});
		assertThat(stored.getStatus()).as("active as its create answers").isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
		return stored.getIdPart();
	}

	private Subscription read(String organization, String id) {
		return CTX.newJsonParser().parseResource(Subscription.class,
				send(request("/fhir/Subscription/" + id, organization).GET().build()).body());
	}

	private static String taskOf(Bundle invited, String owner) {
		return invited.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Task.class::isInstance)
				.map(Task.class::cast).filter(t -> owner.equals(t.getOwner().getReference()))
				.map(t -> "Task/" + t.getIdElement().getIdPart()).findFirst().orElseThrow();
	}

	private static Parameters status(Receiver.Received received) {
		return (Parameters) CTX.newJsonParser().parseResource(Bundle.class, received.body()).getEntryFirstRep().getResource();
	}

	static String type(Receiver.Received received) {
		return status(received).getParameter("type").getValue().primitiveValue();
	}

	private static boolean isHandshake(Receiver.Received received) {
		return received.contentType() != null && received.contentType().startsWith("application/fhir+json")
				&& "handshake".equals(type(received));
	}

	private static List<String> focus(Parameters status) {
		return status.getParameter().stream().filter(p -> p.getName().equals("notification-event"))
				.flatMap(p -> p.getPart().stream()).filter(p -> p.getName().equals("focus"))
				.map(p -> ((Reference) p.getValue()).getReference()).toList();
	}

	/** The topics of the event notifications received (handshakes and heartbeats left out). */
	private static Set<String> topicsOf(List<Receiver.Received> received) {
		return received.stream().filter(r -> "event-notification".equals(type(r)))
				.map(r -> status(r).getParameter("topic").getValue().primitiveValue().substring(TOPIC.length()))
				.collect(Collectors.toSet());
	}
}
