package se.samplan.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running server on a random port, with an in-memory database and the demo data (built through the
 * workflow operations at start); one Spring context is shared by all test classes that extend this. Tests talk HTTP only: HAPI's generic client, or plain requests where the
 * status code and raw body matter.
 */
@SpringBootTest(classes = SamplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@AutoConfigureObservability(tracing = false) // metrics as in service (Spring's tests leave them out unless asked)
public abstract class ServerTestBase {

	/** H2, or PostgreSQL when the run asks for it ({@link TestDatabase}). */
	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		if (TestDatabase.postgresRequested()) {
			TestDatabase.usePostgres(registry);
		}
	}

	protected static final FhirContext CTX = FhirContext.forR4Cached();
	private static final HttpClient HTTP = HttpClient.newHttpClient();
	/** Who tests act as unless they say otherwise: the district nurse who initiates scenario 1's plan. */
	protected static final String DEFAULT_USER = "PractitionerRole/sip1-role-distriktsskoterska";
	protected static final String OPERATOR = "operator";
	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	@LocalServerPort
	protected int port;

	protected IGenericClient client;
	/** The demo user whose token the helpers and {@link #client} send. */
	private String user = DEFAULT_USER;

	@BeforeEach
	protected void createClient() {
		CTX.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		CTX.getRestfulClientFactory().setSocketTimeout(120_000);
		client = CTX.newRestfulGenericClient(fhirBase());
		client.registerInterceptor(new IClientInterceptor() {
			@Override
			public void interceptRequest(IHttpRequest request) {
				request.addHeader("Authorization", "Bearer " + token(user));
			}

			@Override
			public void interceptResponse(IHttpResponse response) {
			}
		});
	}

	/** From now on, act as this demo user ({@code Patient/..}, {@code PractitionerRole/..}, {@code Organization/..}, operator). */
	protected void actAs(String demoUser) {
		user = demoUser;
	}

	protected String actingAs() {
		return user;
	}

	/** A real token from the demo issuer's {@code POST /auth/token} (kept for the run; they live an hour). */
	protected String token(String demoUser) {
		return TOKENS.computeIfAbsent(port + " " + demoUser, k -> requestToken(demoUser, null));
	}

	/** A token with only these scopes. */
	protected String requestToken(String demoUser, String scope) {
		return DemoTokens.request(String.valueOf(port), demoUser, scope);
	}

	/** A request to the server with the current user's token. */
	protected HttpRequest.Builder request(String path) {
		return request(path, user);
	}

	/** A request to the server with this demo user's token. */
	protected HttpRequest.Builder request(String path, String demoUser) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token(demoUser));
	}

	/** The id of the demo plan of a person ({@code Patient/sip1-patient}), found by search as a client would. */
	protected String demoPlan(String patient) {
		String before = user;
		actAs(OPERATOR);
		org.hl7.fhir.r4.model.Bundle b = client.search().byUrl("CarePlan?subject=" + patient
				+ "&category=https://fhir.inera.se/CodeSystem/typeofcareplan-cs|SIP").returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute();
		actAs(before);
		assertThat(b.getEntry()).as("demo plan of " + patient).hasSize(1);
		return b.getEntryFirstRep().getResource().getIdElement().getIdPart();
	}

	/** The built-in authorization server's issuer: this server at the address the tests use. */
	protected String ownIssuer() {
		return "http://localhost:" + port;
	}

	protected String fhirBase() {
		return "http://localhost:" + port + "/fhir";
	}

	protected HttpResponse<String> get(String path) {
		return get(path, "application/fhir+json");
	}

	protected HttpResponse<String> get(String path, String accept) {
		return send(request(path).header("Accept", accept).GET().build());
	}

	protected HttpResponse<String> send(String method, String fhirPath, String contentType, String body) {
		return send(request("/fhir" + fhirPath)
				.header("Content-Type", contentType)
				.header("Accept", "application/fhir+json")
				.method(method, HttpRequest.BodyPublishers.ofString(body)).build());
	}

	protected HttpResponse<String> postJson(String fhirPath, String body) {
		return send("POST", fhirPath, "application/fhir+json", body);
	}

	protected HttpResponse<String> postJson(String fhirPath, IBaseResource resource) {
		return postJson(fhirPath, CTX.newJsonParser().encodeResourceToString(resource));
	}

	protected static HttpResponse<String> send(HttpRequest request) {
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

	protected static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return HTTP.send(request, body);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	protected static OperationOutcome outcome(HttpResponse<String> response) {
		return CTX.newJsonParser().parseResource(OperationOutcome.class, response.body());
	}

	/** Every expression of every issue of the response's OperationOutcome. */
	protected static List<String> expressions(HttpResponse<String> response) {
		return outcome(response).getIssue().stream()
				.flatMap(i -> i.getExpression().stream().map(e -> e.getValue()))
				.toList();
	}

	/** A refusal by a workflow rule: its status, the rule's code in details.coding, and where. */
	protected static void assertRule(HttpResponse<String> response, int status, String rule, String expressionPrefix) {
		assertRefused(response, status, expressionPrefix);
		assertThat(outcome(response).getIssue()).as(response.body()).anySatisfy(i -> {
			assertThat(i.getDetails().hasCoding("https://samplan.github.io/fhir/CodeSystem/sip-rule", rule)).isTrue();
			assertThat(i.getDetails().getText()).isNotBlank();
		});
	}

	/** The errors the server's {@code $validate} finds in a Bundle (asked as the operator), as "diagnostics @ where". */
	protected List<String> validationErrors(String bundle) {
		String before = user;
		actAs(OPERATOR);
		HttpResponse<String> validation = postJson("/Bundle/$validate", bundle);
		actAs(before);
		return outcome(validation).getIssue().stream()
				.filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL)
				.map(i -> i.getDiagnostics() + " @ " + i.getExpression()).toList();
	}

	/** How many resources a search by the current user finds (one page). */
	protected int count(String query) {
		return client.search().byUrl(query).returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getEntry().size();
	}

	/** A new person, unique to the calling test. */
	protected String newPatient() {
		return newPatient("Testsson", java.util.UUID.randomUUID().toString().substring(0, 8));
	}

	/** A new person of that name. */
	protected String newPatient(String family, String given) {
		org.hl7.fhir.r4.model.Patient p = new org.hl7.fhir.r4.model.Patient();
		p.addName().setFamily(family).addGiven(given);
		p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1980-01-01"));
		HttpResponse<String> r = postJson("/Patient", p);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return "Patient/" + CTX.newJsonParser().parseResource(org.hl7.fhir.r4.model.Patient.class, r.body()).getIdPart();
	}

	protected static void assertRefused(HttpResponse<String> response, int status, String expressionPrefix) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		OperationOutcome oo = outcome(response);
		assertThat(oo.getIssue()).isNotEmpty().allSatisfy(i -> {
			assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
			assertThat(i.getDiagnostics()).isNotBlank();
		});
		assertThat(expressions(response)).as(response.body()).anyMatch(e -> e.startsWith(expressionPrefix));
	}

	/** The same request sent by {@code n} clients released at the same moment. */
	protected static List<HttpResponse<String>> atOnce(int n, java.util.function.Supplier<HttpResponse<String>> request)
			throws Exception {
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
		try {
			List<java.util.concurrent.Future<HttpResponse<String>>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < n; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return request.get();
				}));
			}
			List<HttpResponse<String>> answers = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<HttpResponse<String>> f : futures) {
				answers.add(f.get(2, java.util.concurrent.TimeUnit.MINUTES));
			}
			return answers;
		} finally {
			pool.shutdownNow();
		}
	}
}
