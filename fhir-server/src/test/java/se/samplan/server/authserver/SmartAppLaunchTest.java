package se.samplan.server.authserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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
	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void discoveryNamesTheEndpointsThatAnswer() throws Exception {
		JsonNode smart = JSON.readTree(send(plainGet(fhirBase() + "/.well-known/smart-configuration")).body());
		assertThat(smart.get("issuer").asText()).isEqualTo(ownIssuer());
		for (String endpoint : new String[] {"authorization_endpoint", "token_endpoint", "revocation_endpoint",
				"introspection_endpoint", "jwks_uri"}) {
			assertThat(smart.get(endpoint).asText()).as(endpoint).startsWith(ownIssuer() + "/oauth2/");
		}
		assertThat(smart.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
		assertThat(smart.get("capabilities").toString()).contains("launch-standalone", "context-standalone-patient",
				"client-public", "client-confidential-symmetric", "permission-offline", "permission-online", "permission-v2");
		assertThat(send(plainGet(smart.get("jwks_uri").asText())).statusCode()).isEqualTo(200);
		JsonNode openid = JSON.readTree(send(plainGet(ownIssuer() + "/.well-known/openid-configuration")).body());
		assertThat(openid.get("token_endpoint").asText()).isEqualTo(smart.get("token_endpoint").asText());
	}

	@Test
	void aPersonLaunchesAnAppReadsTheirPlanRefreshesAndRevokes() throws Exception {
		SmartLaunch launch = webApp("openid fhirUser launch/patient offline_access patient/*.rs");
		String picker = launch.signIn(PERSON);
		assertThat(picker).contains("Mina egna planer");
		String consent = launch.pick(picker, "Patient/sip1-patient");
		assertThat(consent).contains("Demowebbappen", "Läsa, söka i: alla uppgifter").doesNotContain("user/");
		JsonNode token = launch.token(launch.grant(consent));
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
	void onlineAccessGivesARefreshTokenThatRenewsItself() throws Exception {
		SmartLaunch launch = webApp("openid fhirUser launch/patient online_access patient/*.rs");
		String consent = launch.pick(launch.signIn(PERSON), "Patient/sip1-patient");
		assertThat(consent).contains("Behålla åtkomsten medan du använder appen");
		JsonNode token = launch.token(launch.grant(consent));
		JsonNode refreshed = launch.refresh(token.get("refresh_token").asText());
		assertThat(refreshed.get("refresh_token").asText()).as("a new one at each refresh").isNotEqualTo(token.get("refresh_token").asText());
		assertThat(fhir("/Patient/sip1-patient", refreshed.get("access_token").asText()).statusCode()).isEqualTo(200);
	}

	@Test
	void staffSignInWithoutAPickerAndGetTheirOrganisationsAccess() throws Exception {
		SmartLaunch launch = webApp("openid fhirUser launch/patient user/*.cruds");
		String consent = launch.signInStaff(DEFAULT_USER);
		assertThat(consent).contains("Skapa, läsa, ändra, ta bort, söka i: alla uppgifter").doesNotContain("launch/patient");
		JsonNode token = launch.token(launch.grant(consent));
		assertThat(token.has("patient")).isFalse();
		assertThat(token.get("scope").asText()).contains("user/*.cruds").doesNotContain("launch/patient");
		String access = token.get("access_token").asText();
		assertThat(fhir("/CarePlan/" + demoPlan("Patient/sip1-patient"), access).statusCode()).isEqualTo(200);
		assertThat(fhir("/CarePlan/" + demoPlan("Patient/sip2-patient"), access).statusCode()).as("not a party").isIn(403, 404);
	}

	@Test
	void withoutContinuedAccessThereIsNoRefreshToken() throws Exception {
		SmartLaunch launch = webApp("openid fhirUser launch/patient patient/*.rs");
		JsonNode token = launch.token(launch.grant(launch.pick(launch.signIn(PERSON), "Patient/sip1-patient")));
		assertThat(token.has("refresh_token")).isFalse();
	}

	@Test
	void aGuardianPicksTheChildAndTheTokenIsForTheChild() throws Exception {
		SmartLaunch launch = publicApp("openid fhirUser launch/patient patient/*.rs");
		String picker = launch.signIn(GUARDIAN);
		assertThat(picker).contains("Som vårdnadshavare").doesNotContain("Mina egna planer");
		String consent = launch.pick(picker, "RelatedPerson/sip2-guardian-anna");
		assertThat(consent).contains("Appen kommer att visa uppgifter om");
		JsonNode token = launch.token(launch.grant(consent));
		assertThat(token.get("patient").asText()).isEqualTo("sip2-patient");
		assertThat(token.has("refresh_token")).as("a public client gets none").isFalse();
		String access = token.get("access_token").asText();
		assertThat(fhir("/Patient/sip2-patient", access).statusCode()).isEqualTo(200);
		assertThat(fhir("/Patient/sip1-patient", access).statusCode()).isIn(403, 404);
	}

	@Test
	void aChoiceOutsideThePickerIsRefused() throws Exception {
		SmartLaunch launch = publicApp("openid fhirUser launch/patient patient/*.rs");
		String picker = launch.signIn(GUARDIAN);
		HttpResponse<String> forged = launch.post("/auth/pick", Map.of("_csrf", SmartLaunch.csrf(picker), "return", launch.authorizePath(),
				"fhirUser", "Patient/sip1-patient"));
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void aConsentGrantingWhatTheUserMayNotIsRefused() throws Exception {
		SmartLaunch launch = webApp("openid fhirUser launch/patient user/*.cruds patient/*.rs");
		String consent = launch.pick(launch.signIn(PERSON), "Patient/sip1-patient");
		assertThat(consent).doesNotContain("user/*.cruds");
		HttpResponse<String> forged = launch.post("/oauth2/authorize", Map.of("client_id", launch.clientId, "state", SmartLaunch.consentState(consent),
				"scope", "user/*.cruds"));
		assertThat(forged.statusCode()).isEqualTo(302);
		assertThat(forged.headers().firstValue("Location").orElseThrow()).startsWith(SmartLaunch.LOOPBACK).contains("error=invalid_scope")
				.doesNotContain("code=");
	}

	@Test
	void aScopeTheClientIsNotRegisteredForIsRefused() throws Exception {
		SmartLaunch launch = publicApp("openid launch/patient system/*.cruds");
		HttpResponse<String> r = launch.open(ownIssuer() + launch.authorizePath());
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(SmartLaunch.LOOPBACK).contains("error=invalid_scope");
	}

	@Test
	void anAuthorizationRequestForAnotherServerIsRefused() throws Exception {
		SmartLaunch launch = publicApp("openid launch/patient patient/*.rs");
		String elsewhere = launch.authorizePath().replace("aud=" + URLEncoder.encode(fhirBase(), StandardCharsets.UTF_8),
				"aud=" + URLEncoder.encode("https://other.example/fhir", StandardCharsets.UTF_8));
		HttpResponse<String> r = launch.open(ownIssuer() + elsewhere);
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(SmartLaunch.LOOPBACK).contains("error=invalid_request");
	}

	private SmartLaunch webApp(String scope) {
		return new SmartLaunch(ownIssuer(), "demo-web-app", "demo-secret", SmartLaunch.LOOPBACK, scope);
	}

	private SmartLaunch publicApp(String scope) {
		return new SmartLaunch(ownIssuer(), "demo-app", null, SmartLaunch.LOOPBACK, scope);
	}

	private static HttpRequest plainGet(String url) {
		return HttpRequest.newBuilder(URI.create(url)).GET().build();
	}

	private HttpResponse<String> fhir(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(fhirBase() + path)).header("Authorization", "Bearer " + token)
				.header("Accept", "application/fhir+json").GET().build());
	}
}
