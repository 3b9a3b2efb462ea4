package se.samplan.server.authserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMART Backend Services against the built-in authorization server: the demo's municipal system signs an assertion
 * with its key and gets a token bound to its organisation, which opens that organisation's plans and no others; a
 * reused assertion, another key, an assertion living longer than five minutes, or a scope the client is not
 * registered for are refused.
 */
@Tag("R15")
class BackendServicesTest extends ServerTestBase {

	private static final String CLIENT = "demo-backend";

	@Test
	void aSignedAssertionGetsATokenBoundToTheOrganisation() throws Exception {
		HttpResponse<String> r = token(assertion(demoKey(), UUID.randomUUID().toString()), "system/*.rs");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode token = new ObjectMapper().readTree(r.body());
		assertThat(token.get("scope").asText()).isEqualTo("system/*.rs");
		assertThat(token.has("refresh_token")).isFalse();
		String claims = new String(java.util.Base64.getUrlDecoder().decode(token.get("access_token").asText().split("\\.")[1]),
				StandardCharsets.UTF_8);
		assertThat(claims).contains("\"organization\":\"Organization/sip1-org-kommun\"");
		String access = token.get("access_token").asText();
		assertThat(read("/CarePlan/" + demoPlan("Patient/sip1-patient"), access).statusCode()).isEqualTo(200);
		assertThat(read("/CarePlan/" + demoPlan("Patient/sip2-patient"), access).statusCode()).as("not a party of scenario 2")
				.isIn(403, 404);
	}

	@Test
	void aReusedAssertionIsRefused() throws Exception {
		String once = assertion(demoKey(), UUID.randomUUID().toString());
		assertThat(token(once, "system/*.rs").statusCode()).isEqualTo(200);
		HttpResponse<String> replay = token(once, "system/*.rs");
		assertThat(replay.statusCode()).isEqualTo(401);
		assertThat(replay.body()).contains("invalid_client");
	}

	@Test
	void anAssertionSignedWithAnotherKeyIsRefused() throws Exception {
		RSAKey other = new RSAKeyGenerator(2048).keyID(demoKey().getKeyID()).generate();
		assertThat(token(assertion(other, UUID.randomUUID().toString()), "system/*.rs").statusCode()).isEqualTo(401);
	}

	@Test
	void aScopeOutsideTheRegistrationIsRefused() throws Exception {
		HttpResponse<String> r = token(assertion(demoKey(), UUID.randomUUID().toString()), "system/*.cruds samplan.admin");
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(r.body()).contains("invalid_scope");
	}

	private static RSAKey demoKey() throws Exception {
		return JWKSet.parse(Files.readString(Path.of("src/test/resources/demo-backend-key.jwks.json"))).getKeys().get(0).toRSAKey();
	}

	@Test
	void anAssertionLivingLongerThanFiveMinutesIsRefused() throws Exception {
		assertThat(token(assertion(demoKey(), UUID.randomUUID().toString(), 3600), "system/*.rs").statusCode()).isEqualTo(401);
	}

	private String assertion(RSAKey key, String jti) throws Exception {
		return assertion(key, jti, 300);
	}

	private String assertion(RSAKey key, String jti, int lifetimeSeconds) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer(CLIENT).subject(CLIENT).audience(ownIssuer() + "/oauth2/token").jwtID(jti)
						.expirationTime(Date.from(Instant.now().plusSeconds(lifetimeSeconds))).build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private HttpResponse<String> token(String assertion, String scope) {
		String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
				+ "&client_assertion_type=" + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
				+ "&client_assertion=" + assertion;
		return send(HttpRequest.newBuilder(URI.create(ownIssuer() + "/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
	}

	private HttpResponse<String> read(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(fhirBase() + path)).header("Authorization", "Bearer " + token)
				.header("Accept", "application/fhir+json").GET().build());
	}
}
