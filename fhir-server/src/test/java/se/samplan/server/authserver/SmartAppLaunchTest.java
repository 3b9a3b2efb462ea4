package se.samplan.server.authserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMART App Launch against the built-in authorization server, as an app and its user's browser do it over HTTP:
 * discovery, the authorization request with PKCE, the demo sign-in, the picker, the consent screen, the code for a
 * token with the launch's patient, a FHIR read with it, refresh and revocation.
 */
@Tag("R13")
class SmartAppLaunchTest extends ServerTestBase {

	static final String PERSON = "193804129827";
	static final String GUARDIAN = "198502219861";
	static final String REDIRECT = "http://127.0.0.1:9876/callback";
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** A browser: its own cookies, redirects followed by the test. */
	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void discoveryNamesTheEndpointsThatAnswer() throws Exception {
		JsonNode smart = JSON.readTree(open(fhirBase() + "/.well-known/smart-configuration").body());
		assertThat(smart.get("issuer").asText()).isEqualTo(ownIssuer());
		for (String endpoint : new String[] {"authorization_endpoint", "token_endpoint", "revocation_endpoint",
				"introspection_endpoint", "jwks_uri"}) {
			assertThat(smart.get(endpoint).asText()).as(endpoint).startsWith(ownIssuer() + "/oauth2/");
		}
		assertThat(smart.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
		assertThat(smart.get("capabilities").toString()).contains("launch-standalone", "context-standalone-patient",
				"client-public", "client-confidential-symmetric", "permission-offline", "permission-v2");
		assertThat(open(smart.get("jwks_uri").asText()).statusCode()).isEqualTo(200);
		JsonNode openid = JSON.readTree(open(ownIssuer() + "/.well-known/openid-configuration").body());
		assertThat(openid.get("token_endpoint").asText()).isEqualTo(smart.get("token_endpoint").asText());
	}

	@Test
	void aPersonLaunchesAnAppReadsTheirPlanRefreshesAndRevokes() throws Exception {
		Launch launch = new Launch("demo-web-app", "openid fhirUser launch/patient offline_access patient/*.rs");
		String picker = signIn(launch, PERSON);
		assertThat(picker).contains("Mina egna planer");
		String consent = pick(picker, "Patient/sip1-patient", launch);
		assertThat(consent).contains("Demowebbappen", "Läsa, söka i: alla uppgifter").doesNotContain("user/");
		JsonNode token = launch.token(grant(consent, launch));
		assertThat(token.get("patient").asText()).isEqualTo("sip1-patient");
		assertThat(token.has("id_token")).isTrue();
		String access = token.get("access_token").asText();
		assertThat(fhir("/Patient/sip1-patient", access).statusCode()).isEqualTo(200);
		assertThat(fhir("/CarePlan?subject=Patient/sip1-patient", access).body()).contains("\"CarePlan\"");
		assertThat(fhir("/Patient/sip2-patient", access).statusCode()).as("another person").isIn(403, 404);

		JsonNode refreshed = launch.refresh(token.get("refresh_token").asText());
		String renewed = refreshed.get("access_token").asText();
		assertThat(fhir("/Patient/sip1-patient", renewed).statusCode()).isEqualTo(200);

		assertThat(launch.revoke(renewed).statusCode()).isEqualTo(200);
		HttpResponse<String> afterRevocation = fhir("/Patient/sip1-patient", renewed);
		assertThat(afterRevocation.statusCode()).isEqualTo(401);
		assertThat(afterRevocation.body()).contains("Inloggningen gäller inte längre");
	}

	@Test
	void aGuardianPicksTheChildAndTheTokenIsForTheChild() throws Exception {
		Launch launch = new Launch("demo-app", "openid fhirUser launch/patient patient/*.rs");
		String picker = signIn(launch, GUARDIAN);
		assertThat(picker).contains("Som vårdnadshavare").doesNotContain("Mina egna planer");
		String consent = pick(picker, "RelatedPerson/sip2-guardian-anna", launch);
		assertThat(consent).contains("Appen kommer att visa uppgifter om");
		JsonNode token = launch.token(grant(consent, launch));
		assertThat(token.get("patient").asText()).isEqualTo("sip2-patient");
		assertThat(token.has("refresh_token")).as("a public client gets none").isFalse();
		String access = token.get("access_token").asText();
		assertThat(fhir("/Patient/sip2-patient", access).statusCode()).isEqualTo(200);
		assertThat(fhir("/Patient/sip1-patient", access).statusCode()).isIn(403, 404);
	}

	@Test
	void aChoiceOutsideThePickerIsRefused() throws Exception {
		Launch launch = new Launch("demo-app", "openid fhirUser launch/patient patient/*.rs");
		String picker = signIn(launch, GUARDIAN);
		HttpResponse<String> forged = post("/auth/pick", Map.of("_csrf", csrf(picker), "return", launch.authorizePath(),
				"fhirUser", "Patient/sip1-patient"));
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void aConsentGrantingWhatTheUserMayNotIsRefused() throws Exception {
		Launch launch = new Launch("demo-web-app", "openid fhirUser launch/patient user/*.cruds patient/*.rs");
		String consent = pick(signIn(launch, PERSON), "Patient/sip1-patient", launch);
		assertThat(consent).doesNotContain("user/*.cruds");
		HttpResponse<String> forged = post("/oauth2/authorize", Map.of("client_id", launch.clientId, "state", consentState(consent),
				"scope", "user/*.cruds"));
		assertThat(forged.statusCode()).isEqualTo(302);
		assertThat(forged.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT).contains("error=invalid_scope")
				.doesNotContain("code=");
	}

	@Test
	void aScopeTheClientIsNotRegisteredForIsRefused() throws Exception {
		Launch launch = new Launch("demo-app", "openid launch/patient system/*.cruds");
		HttpResponse<String> r = open(ownIssuer() + launch.authorizePath());
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT).contains("error=invalid_scope");
	}

	// --- the browser's and the app's steps ---

	/** Starts the launch, signs in on the demo page and returns the picker page. */
	private String signIn(Launch launch, String who) throws Exception {
		HttpResponse<String> authorize = open(ownIssuer() + launch.authorizePath());
		assertThat(authorize.statusCode()).isEqualTo(302);
		assertThat(authorize.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		String page = open(ownIssuer() + "/login").body();
		assertThat(page).contains("Logga in", who);
		HttpResponse<String> signedIn = post("/login", Map.of("_csrf", csrf(page), "username", who, "password", ""));
		HttpResponse<String> again = follow(signedIn);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location").orElseThrow()).contains("/auth/pick?return=");
		return follow(again).body();
	}

	/** Picks on the picker page and returns the consent page. */
	private String pick(String picker, String fhirUser, Launch launch) throws Exception {
		assertThat(picker).contains("value=\"" + fhirUser + "\"");
		HttpResponse<String> chosen = post("/auth/pick", Map.of("_csrf", csrf(picker), "return", launch.authorizePath(), "fhirUser", fhirUser));
		HttpResponse<String> toConsent = follow(chosen);
		assertThat(toConsent.headers().firstValue("Location").orElseThrow()).contains("/auth/consent");
		return follow(toConsent).body();
	}

	/** Grants every scope offered on the consent page; returns the code the app gets back. */
	private String grant(String consent, Launch launch) throws Exception {
		Matcher offered = Pattern.compile("name=\"scope\" value=\"([^\"]+)\"").matcher(consent);
		StringBuilder form = new StringBuilder("client_id=" + enc(launch.clientId) + "&state=" + enc(consentState(consent)));
		while (offered.find()) {
			form.append("&scope=").append(enc(offered.group(1)));
		}
		HttpResponse<String> granted = send(browser, HttpRequest.newBuilder(URI.create(ownIssuer() + "/oauth2/authorize"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
		String location = granted.headers().firstValue("Location").orElseThrow(() -> new AssertionError(granted.statusCode() + " " + granted.body()));
		assertThat(location).startsWith(REDIRECT).contains("state=" + launch.state);
		Matcher code = Pattern.compile("code=([^&]+)").matcher(location);
		assertThat(code.find()).isTrue();
		return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
		assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		return open(location.startsWith("/") ? ownIssuer() + location : location);
	}

	private HttpResponse<String> open(String url) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create(ownIssuer() + path)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> fhir(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(fhirBase() + path)).header("Authorization", "Bearer " + token)
				.header("Accept", "application/fhir+json").GET().build());
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The authorization server's own state of the consent, which the consent form sends back. */
	private static String consentState(String consent) {
		Matcher m = Pattern.compile("name=\"state\" value=\"([^\"]+)\"").matcher(consent);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/** The app's side of one launch: its PKCE verifier, state and token requests. */
	private final class Launch {

		final String clientId;
		final String scope;
		final String state = "s" + new SecureRandom().nextInt(1_000_000);
		final String verifier;
		private final HttpClient app = HttpClient.newHttpClient();

		Launch(String clientId, String scope) {
			this.clientId = clientId;
			this.scope = scope;
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		}

		String authorizePath() throws NoSuchAlgorithmException {
			String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
					MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
			Map<String, String> q = new LinkedHashMap<>();
			q.put("response_type", "code");
			q.put("client_id", clientId);
			q.put("redirect_uri", REDIRECT);
			q.put("scope", scope);
			q.put("state", state);
			q.put("aud", fhirBase());
			q.put("code_challenge", challenge);
			q.put("code_challenge_method", "S256");
			return "/oauth2/authorize?" + form(q);
		}

		JsonNode token(String code) throws Exception {
			return tokenRequest(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier));
		}

		JsonNode refresh(String refreshToken) throws Exception {
			return tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
		}

		HttpResponse<String> revoke(String token) throws Exception {
			return send(app, authenticated(HttpRequest.newBuilder(URI.create(ownIssuer() + "/oauth2/revoke")))
					.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", token)))).build());
		}

		private JsonNode tokenRequest(Map<String, String> fields) throws Exception {
			Map<String, String> all = new LinkedHashMap<>(fields);
			if (!"demo-web-app".equals(clientId)) {
				all.put("client_id", clientId);
			}
			HttpResponse<String> r = send(app, authenticated(HttpRequest.newBuilder(URI.create(ownIssuer() + "/oauth2/token")))
					.POST(HttpRequest.BodyPublishers.ofString(form(all))).build());
			assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
			return JSON.readTree(r.body());
		}

		private HttpRequest.Builder authenticated(HttpRequest.Builder request) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
			if ("demo-web-app".equals(clientId)) {
				request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
						"demo-web-app:demo-secret".getBytes(StandardCharsets.UTF_8)));
			}
			return request;
		}
	}
}
