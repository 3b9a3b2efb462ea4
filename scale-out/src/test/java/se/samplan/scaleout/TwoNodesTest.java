package se.samplan.scaleout;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.apache.commons.io.file.PathUtils;
import se.samplan.testkit.county.County;
import se.samplan.testkit.county.SipConsents;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Samplan nodes, the built jar in two processes, started at the same moment on an empty PostgreSQL and one
 * OpenSearch node, with a reverse proxy in front: what a county's deployment must get right (issue 13).
 */
@Tag("durability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

	private static final FhirContext CTX = FhirContext.forR4Cached();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private static final String SIP = "https://samplan.github.io/fhir";
	private static final String BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";
	private static final String NURSE = "PractitionerRole/sip1-role-distriktsskoterska";
	private static final String MUNICIPALITY = "Organization/sip1-org-kommun";
	private static final String HOME_CARE = "Organization/sip1-org-hemtjanst";
	private static final String CENTRE = "Organization/sip1-org-vardcentral";
	private static final Pattern MIGRATED = Pattern.compile("Database schema migrated: (\\d+) steps run");

	/** The nodes' logs and data, kept after the run to look into. */
	private final Path folder = Path.of("target", "two-nodes").toAbsolutePath();

	private final IParser json = CTX.newJsonParser();
	private final Random random = new Random();
	private EmbeddedPostgres postgres;
	private ChildProcess search;
	private RoundRobinProxy proxy;
	private Node a;
	private Node b;

	private record Node(ChildProcess process, int port) {
		String base() {
			return "http://127.0.0.1:" + port + "/fhir";
		}
	}

	@BeforeAll
	void startTogether() throws Exception {
		if (Files.exists(folder)) {
			PathUtils.deleteDirectory(folder);
		}
		Files.createDirectories(folder);
		postgres = EmbeddedPostgres.builder().start();
		int searchPort = ChildProcess.freePort();
		search = ChildProcess.java("opensearch", folder, List.of("-Xmx512m", "-cp", searchNodeClassPath(),
				SearchNode.class.getName(), folder.resolve("opensearch").toString(), String.valueOf(searchPort)));
		await(search, () -> search.output().contains("ready"), Duration.ofMinutes(3));

		int portA = ChildProcess.freePort();
		int portB = ChildProcess.freePort();
		proxy = new RoundRobinProxy(List.of(portA, portB));
		long started = System.nanoTime();
		a = node("a", portA, searchPort);
		b = node("b", portB, searchPort);
		for (Node node : List.of(a, b)) {
			await(node.process(), () -> ready(node), Duration.ofMinutes(8));
			System.out.printf("node %s ready %d s after both were started%n", node.process().name,
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
		}
	}

	/** The test's class path but the bridge that would send OpenSearch's Log4j logging to SLF4J (it needs Log4j's own). */
	private static String searchNodeClassPath() {
		return Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")).split(File.pathSeparator))
				.filter(entry -> !entry.contains("log4j-to-slf4j")).collect(Collectors.joining(File.pathSeparator));
	}

	private Node node(String name, int port, int searchPort) throws IOException {
		return new Node(ChildProcess.java(name, folder, List.of("-Xmx1g", "-jar", System.getProperty("samplan.jar"),
				"--spring.profiles.active=demo,postgres",
				"--server.address=127.0.0.1", "--server.port=" + port,
				// the nodes share the folder of the authorization server's key, as they would a volume
				"--samplan.data-dir=" + folder.resolve("shared"),
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--samplan.search-engine.type=elasticsearch", "--samplan.search-engine.hosts=127.0.0.1:" + searchPort,
				// behind the proxy: its address from X-Forwarded-*, and the tokens made out to it
				"--server.forward-headers-strategy=native",
				"--samplan.authorization-server.cleanup-interval=PT3S", // a turn every 3 s instead of an hour
				"--samplan.access.issuer=" + proxy.root(), "--samplan.access.audiences=" + proxy.root() + "/fhir")), port);
	}

	@AfterAll
	void stop() {
		for (AutoCloseable running : new AutoCloseable[] {proxy, a == null ? null : a.process(), b == null ? null : b.process(), search, postgres}) {
			try {
				if (running != null) {
					running.close();
				}
			} catch (Exception e) {
				System.err.println("Could not stop " + running + ": " + e); // and stop the others all the same
			}
		}
	}

	@Test
	@Order(1)
	void bothNodesStartedTogetherOnAnEmptyDatabaseAndOneMadeTheSchema() {
		List<Integer> steps = new ArrayList<>();
		for (Node node : List.of(a, b)) {
			Matcher m = MIGRATED.matcher(node.process().output());
			assertThat(m.find()).as(node.process().name).isTrue();
			steps.add(Integer.parseInt(m.group(1)));
		}
		assertThat(steps).as("one node migrated the empty database, the other found it done").contains(0).anyMatch(n -> n > 0);
		assertThat(a.process().output() + b.process().output()).contains("Another node is starting on this database; waiting for it");
	}

	@Test
	@Order(2)
	void oneTokenWorksOnBothNodes() throws Exception {
		String token = token(NURSE);
		for (Node node : List.of(a, b)) {
			HttpResponse<String> plans = get(node.base() + "/CarePlan?subject=Patient/sip1-patient", token);
			assertThat(plans.statusCode()).as(plans.body()).isEqualTo(200);
			assertThat(plans.body()).contains("\"CarePlan\"");
		}
	}

	@Test
	@Order(3)
	void aWriteOnOneNodeIsReadSearchedAndFoundByContentOnTheOtherAtOnce() throws Exception {
		String nurse = token(NURSE);
		for (int i = 0; i < 4; i++) {
			Node writer = i % 2 == 0 ? a : b;
			Node reader = writer == a ? b : a;
			String word = "Öbergsgård" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26)) + i;
			Patient person = person(word);
			String patient = created(post(writer.base() + "/Patient", nurse, person));
			initiate(writer, nurse, patient); // a plan of the nurse's organisation makes the person readable to it

			assertThat(get(reader.base() + "/" + patient, nurse).statusCode()).isEqualTo(200);
			String identifier = person.getIdentifierFirstRep().getSystem() + "|" + person.getIdentifierFirstRep().getValue();
			assertThat(ids(get(reader.base() + "/Patient?identifier=" + encode(identifier), nurse))).containsExactly(patient);
			assertThat(ids(get(reader.base() + "/Patient?_content=" + encode(word), nurse))).as("_content on the other node at once")
					.containsExactly(patient);
		}
	}

	@Test
	@Order(4)
	void twoActivationsOfOnePlanAtOnceOneOnEachNodeExactlyOneWins() throws Exception {
		String nurse = token(NURSE);
		String municipality = token(MUNICIPALITY);
		for (int round = 0; round < 2; round++) {
			// each step on the other node from the one before, reading what it wrote
			String patient = created(post(a.base() + "/Patient", nurse, person("Aktiveringsson")));
			String plan = initiate(b, nurse, patient);
			Consent consent = SipConsents.given(patient, List.of(patient), List.of(CENTRE, MUNICIPALITY));
			assertThat(post(a.base() + "/" + plan + "/$sip-consent", nurse, new Parameters().addParameter(
					new Parameters.ParametersParameterComponent().setName("consent").setResource(consent))).statusCode()).isEqualTo(200);
			ZonedDateTime held = ZonedDateTime.now().minusDays(7).withHour(13).withMinute(0).withSecond(0).withNano(0);
			Parameters invite = new Parameters();
			invite.addParameter().setName("start").setValue(new DateTimeType(Date.from(held.toInstant())));
			invite.addParameter().setName("end").setValue(new DateTimeType(Date.from(held.plusHours(1).toInstant())));
			invite.addParameter().setName("organization").setValue(new Reference(MUNICIPALITY));
			HttpResponse<String> invited = post(b.base() + "/" + plan + "/$sip-invite", nurse, invite);
			assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
			Bundle changed = json.parseResource(Bundle.class, invited.body());
			String meeting = first(changed, "Appointment");
			Parameters accept = new Parameters();
			accept.addParameter().setName("answer").setValue(new CodeType("accept"));
			assertThat(post(a.base() + "/" + first(changed, "Task") + "/$sip-respond", municipality, accept).statusCode()).isEqualTo(200);
			Goal goal = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE).setSubject(new Reference(patient))
					.setExpressedBy(new Reference(patient));
			goal.addCategory().addCoding(new Coding(SIP + "/CodeSystem/sip-goal-category", "what-matters-to-me", null));
			goal.getDescription().setText("Jag vill bo kvar hemma.");
			String goalRef = created(post(b.base() + "/Goal", nurse, goal));
			HttpResponse<String> content = patch(a.base() + "/" + plan, nurse, """
					[{"op":"add","path":"/goal","value":[{"reference":"%s"}]},
					 {"op":"add","path":"/activity","value":[{"detail":{"status":"scheduled",
					   "description":"Distriktssköterska följer upp läkemedel varannan vecka","performer":[{"reference":"%s"}]}}]},
					 {"op":"add","path":"/extension/-","value":{"url":"%s/StructureDefinition/sip-overall-responsibility","valueReference":{"reference":"%s"}}},
					 {"op":"add","path":"/extension/-","value":{"url":"%s/StructureDefinition/sip-next-follow-up","valueDateTime":"%s"}}]
					""".formatted(goalRef, NURSE, SIP, MUNICIPALITY, SIP, LocalDate.now().plusMonths(3) + "T10:00:00+01:00"));
			assertThat(content.statusCode()).as(content.body()).isEqualTo(200);
			assertThat(patch(b.base() + "/" + plan, municipality, """
					[{"op":"add","path":"/activity/-","value":{"detail":{"status":"scheduled",
					  "description":"Hemtjänst två gånger dagligen","performer":[{"reference":"%s"}]}}}]""".formatted(MUNICIPALITY))
					.statusCode()).isEqualTo(200);

			Parameters activate = new Parameters();
			activate.addParameter().setName("meeting").setValue(new Reference(meeting));
			activate.addParameter().setName("attended").setValue(new Reference(MUNICIPALITY));
			activate.addParameter().setName("attended").setValue(new Reference(NURSE));
			activate.addParameter().setName("patientParticipation").setValue(new CodeType("present"));
			CountDownLatch go = new CountDownLatch(1);
			List<CompletableFuture<HttpResponse<String>>> calls = List.of(a, b).stream().map(node -> CompletableFuture.supplyAsync(() -> {
				try {
					go.await();
					return post(node.base() + "/" + plan + "/$sip-activate", nurse, activate);
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
			})).toList();
			go.countDown();
			List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();
			List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
			assertThat(statuses.get(0)).as("one wins: %s", answers.stream().map(HttpResponse::body).toList()).isEqualTo(200);
			assertThat(statuses.get(1)).as("the other is refused").isIn(409, 412, 422);
			Bundle versions = json.parseResource(Bundle.class, get(b.base() + "/" + plan + "/_history", nurse).body());
			assertThat(versions.getEntry().stream().filter(e -> ((CarePlan) e.getResource()).getStatus() == CarePlan.CarePlanStatus.ACTIVE))
					.as("one activation in the plan's history").hasSize(1);
		}
	}

	@Test
	@Order(5)
	void aConsentNarrowedOnOneNodeClosesThePlanToTheOrganisationOnTheOtherAtOnce() throws Exception {
		String nurse = token(NURSE);
		String homeCare = token(HOME_CARE);
		String plan = ids(get(a.base() + "/CarePlan?subject=Patient/sip1-patient", nurse)).get(0);
		for (int i = 0; i < 3; i++) {
			assertThat(get(b.base() + "/" + plan, homeCare).statusCode()).isEqualTo(200);
		}
		Consent consent = json.parseResource(Bundle.class, get(a.base() + "/Consent?data=" + plan, nurse).body())
				.getEntryFirstRep().getResource() instanceof Consent c ? c : null;
		assertThat(consent).isNotNull();
		assertThat(consent.getProvision().getActor().removeIf(x -> x.getReference().getReference().equals(HOME_CARE))).isTrue();
		consent.setMeta(null);
		HttpResponse<String> narrowed = send(HttpRequest.newBuilder(URI.create(a.base() + "/Consent/" + consent.getIdPart()))
				.header("Content-Type", "application/fhir+json").PUT(body(consent)), nurse);
		assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);

		assertThat(get(b.base() + "/" + plan, homeCare).statusCode()).isIn(403, 404);
		assertThat(ids(get(b.base() + "/CarePlan?subject=Patient/sip1-patient", homeCare))).doesNotContain(plan);
		assertThat(get(b.base() + "/" + plan, token(MUNICIPALITY)).statusCode()).as("still named").isEqualTo(200);
	}

	@Test
	@Order(6)
	void theAuditRecordsOfBothNodesAreInOneLog() throws Exception {
		String nurse = token(NURSE);
		String patient = created(post(a.base() + "/Patient", nurse, person("Loggsson")));
		initiate(a, nurse, patient);
		String operator = token("operator");
		int before = ids(get(a.base() + "/AuditEvent?entity=" + patient + "&_count=200", operator)).size();
		assertThat(get(b.base() + "/" + patient, nurse).statusCode()).isEqualTo(200);
		// a node stores what it journaled every quarter second; the other node finds it then
		long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (ids(get(a.base() + "/AuditEvent?entity=" + patient + "&_count=200", operator)).size() == before && System.nanoTime() < end) {
			Thread.sleep(100);
		}
		assertThat(ids(get(a.base() + "/AuditEvent?entity=" + patient + "&_count=200", operator)))
				.as("the read on node b, in the log as node a sees it").hasSize(before + 1);
	}

	@Test
	@Order(7)
	void aSearchStartedOnOneNodePagesOnThroughTheOtherBehindTheProxy() throws Exception {
		String nurse = token(NURSE);
		List<String> all = ids(get(a.base() + "/Patient?_count=200", nurse));
		assertThat(all).hasSizeGreaterThanOrEqualTo(5);
		Set<String> seen = new HashSet<>();
		String url = proxy.root() + "/fhir/Patient?_count=2&_sort=_id";
		int pages = 0;
		while (url != null) {
			int request = proxy.requests();
			HttpResponse<String> page = get(url, nurse);
			assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
			if (pages > 0) {
				assertThat(proxy.servedBy(request)).as("page %d from the other node than page %d", pages + 1, pages)
						.isNotEqualTo(proxy.servedBy(request - 1));
			}
			Bundle bundle = json.parseResource(Bundle.class, page.body());
			bundle.getEntry().forEach(e -> assertThat(seen.add("Patient/" + e.getResource().getIdElement().getIdPart())).isTrue());
			url = bundle.getLink("next") == null ? null : bundle.getLink("next").getUrl();
			assertThat(url == null || url.startsWith(proxy.root() + "/fhir")).as("next link through the proxy: %s", url).isTrue();
			pages++;
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
		assertThat(pages).isGreaterThanOrEqualTo(3);
	}

	@Test
	@Order(8)
	void scheduledWorkRunsOnOneNodePerTurn() throws InterruptedException {
		// Both nodes try the authorization server's clean-up every 3 s; the lock in the database lets one run per turn.
		// The turns are counted from the nodes' start: wait for five of them (the tests before may take less than 15 s).
		List<OffsetDateTime> runs = cleanUpRuns();
		for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos(); runs.size() < 5 && System.nanoTime() < end; runs = cleanUpRuns()) {
			Thread.sleep(500);
		}
		assertThat(runs).as("clean-up runs of both nodes").hasSizeGreaterThanOrEqualTo(5);
		for (int i = 1; i < runs.size(); i++) {
			assertThat(Duration.between(runs.get(i - 1), runs.get(i))).as("run %d after run %d", i + 1, i)
					.isGreaterThanOrEqualTo(Duration.ofMillis(2500));
		}
	}

	@Test
	@Order(9)
	void eachNotificationIsDeliveredOnceWhicheverNodeTookTheWrite() throws Exception {
		List<String> told = java.util.Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.CountDownLatch shaken = new java.util.concurrent.CountDownLatch(1);
		com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
				new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", exchange -> {
			Bundle notification = json.parseResource(Bundle.class, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			Parameters status = (Parameters) notification.getEntryFirstRep().getResource();
			if ("handshake".equals(status.getParameter("type").getValue().primitiveValue())) {
				shaken.countDown();
			}
			if ("event-notification".equals(status.getParameter("type").getValue().primitiveValue())) {
				status.getParameter().stream().filter(p -> p.getName().equals("notification-event")).flatMap(p -> p.getPart().stream())
						.filter(p -> p.getName().equals("focus")).forEach(p -> told.add(((Reference) p.getValue()).getReference()));
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		try {
			org.hl7.fhir.r4.model.Subscription subscription = new org.hl7.fhir.r4.model.Subscription()
					.setStatus(org.hl7.fhir.r4.model.Subscription.SubscriptionStatus.REQUESTED).setReason("Avslutade planer")
					.setCriteria(SIP + "/SubscriptionTopic/sip-plan-closed");
			subscription.getMeta().addProfile(BACKPORT + "backport-subscription");
			subscription.getChannel().setType(org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType.RESTHOOK)
					.setEndpoint("http://127.0.0.1:" + receiver.getAddress().getPort() + "/vardcentralen").setPayload("application/fhir+json")
					.getPayloadElement().addExtension(BACKPORT + "backport-payload-content", new CodeType("id-only"));
			assertThat(created(post(a.base() + "/Subscription", token(CENTRE), subscription))).startsWith("Subscription/");
			// from the handshake on, a write to either node is heard: no waiting for the nodes' refresh (5 s)
			assertThat(shaken.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the handshake").isTrue();

			String nurse = token(NURSE);
			List<String> closed = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				Node writer = i % 2 == 0 ? a : b;
				String plan = initiate(writer, nurse, created(post(writer.base() + "/Patient", nurse, person("Aviseringsson"))));
				Parameters close = new Parameters();
				close.addParameter().setName("reason").setValue(new Coding(SIP + "/CodeSystem/sip-closure-reason", "declined", null));
				HttpResponse<String> r = post((writer == a ? b : a).base() + "/" + plan + "/$sip-close", nurse, close);
				assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
				closed.add(plan);
			}
			long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!new HashSet<>(told).containsAll(closed) && System.nanoTime() < end) {
				Thread.sleep(200);
			}
			Thread.sleep(3_000); // time for a second delivery, were there one
			assertThat(told).as("each closed plan told once, wherever it was written and whichever node matched it")
					.containsExactlyInAnyOrderElementsOf(closed);
		} finally {
			receiver.stop(0);
		}
	}

	/** When either node ran the authorization server's clean-up, in order. */
	private List<OffsetDateTime> cleanUpRuns() {
		Pattern run = Pattern.compile("^(\\S+)\\s+INFO .*Authorization server cleaned up", Pattern.MULTILINE);
		List<OffsetDateTime> runs = new ArrayList<>();
		for (Node node : List.of(a, b)) {
			Matcher m = run.matcher(node.process().output());
			while (m.find()) {
				runs.add(OffsetDateTime.parse(m.group(1)));
			}
		}
		runs.sort(null);
		return runs;
	}

	// --- the client side

	/** A demo token from the authorization server, asked for through the proxy as a client would. */
	private String token(String user) throws Exception {
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(proxy.root() + "/auth/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("user=" + encode(user))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private Patient person(String family) {
		LocalDate born = LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
		Patient person = new Patient().setBirthDateElement(new DateType(born.toString()));
		person.addIdentifier().setSystem(County.PERSONNUMMER).setValue(County.personnummer(born, random.nextInt(1000)));
		person.addName().setFamily(family).addGiven("Åsa");
		return person;
	}

	private String initiate(Node node, String token, String patient) throws Exception {
		Parameters in = new Parameters();
		in.addParameter().setName("patient").setValue(new Reference(patient));
		in.addParameter().setName("initiator").setValue(new Reference(NURSE));
		in.addParameter().setName("reason").setValue(new StringType("Behöver hemtjänst och hemsjukvård."));
		return created(post(node.base() + "/CarePlan/$sip-initiate", token, in));
	}

	private String created(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
		Resource resource = (Resource) json.parseResource(answer.body());
		return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
	}

	private List<String> ids(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return json.parseResource(Bundle.class, answer.body()).getEntry().stream()
				.filter(e -> e.getSearch().getMode() != Bundle.SearchEntryMode.OUTCOME)
				.map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()).toList();
	}

	private static String first(Bundle bundle, String type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(r -> r != null && type.equals(r.fhirType()))
				.map(r -> type + "/" + r.getIdElement().getIdPart()).findFirst().orElseThrow();
	}

	private HttpResponse<String> get(String url, String token) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
	}

	private HttpResponse<String> post(String url, String token, Resource resource) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/fhir+json").POST(body(resource)), token);
	}

	private HttpResponse<String> patch(String url, String token, String jsonPatch) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json-patch+json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(jsonPatch)), token);
	}

	private HttpRequest.BodyPublisher body(Resource resource) {
		return HttpRequest.BodyPublishers.ofString(json.encodeResourceToString(resource));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
		return HTTP.send(request.header("Accept", "application/fhir+json").header("Authorization", "Bearer " + token)
				.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	// --- the servers

	private static boolean ready(Node node) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
		} catch (IOException e) {
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private interface Check {
		boolean done();
	}

	private static void await(ChildProcess process, Check check, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		while (!check.done()) {
			String log = process.output();
			assertThat(process.alive()).as("%s stopped:%n%s", process.name, log.substring(Math.max(0, log.length() - 6000))).isTrue();
			assertThat(System.nanoTime()).as("%s not ready in %s:%n%s", process.name, timeout,
					log.substring(Math.max(0, log.length() - 6000))).isLessThan(end);
			Thread.sleep(500);
		}
	}
}
