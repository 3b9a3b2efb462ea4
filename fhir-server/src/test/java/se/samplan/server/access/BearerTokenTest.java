package se.samplan.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samplan.server.ServerTestBase;
import se.samplan.server.authserver.SigningKeys;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication (access.md): no token, an expired, not yet valid, wrongly signed, unsigned, wrong-issuer or
 * wrong-audience token, or garbage is 401 with an OperationOutcome saying which; a token naming a user or
 * organisation the server does not hold is 403; a token whose scopes do not cover the request is 403 (R15); SMART v1
 * scopes are understood; the open endpoints need no token; SMART discovery describes the issuer. The audience
 * here is the default, the FHIR base URL the request is addressed to ({@link ExternalIssuerTest} has a configured one).
 */
@Tag("R15")
@Tag("above-storage")
class BearerTokenTest extends ServerTestBase {

	@Autowired
	SigningKeys issuer;

	private HttpResponse<String> getWith(String path, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/fhir+json");
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return send(b.GET().build());
	}

	private JWTClaimsSet.Builder staffClaims() {
		return new JWTClaimsSet.Builder().issuer(ownIssuer()).audience(fhirBase()).subject(DEFAULT_USER).jwtID(UUID.randomUUID().toString())
				.issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
				.claim("fhirUser", DEFAULT_USER).claim("scope", "user/*.cruds");
	}

	private static void assertUnauthorized(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
		assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
		assertThat(outcome(r).getIssueFirstRep().getCode().toCode()).isEqualTo("login");
	}

	/** 401, the diagnostics naming the claim and the Swedish text saying it to a person. */
	private static void assertUnauthorized(HttpResponse<String> r, String claim, String swedish) {
		assertUnauthorized(r);
		assertThat(outcome(r).getIssueFirstRep().getDiagnostics()).contains("(" + claim + ")");
		assertThat(outcome(r).getIssueFirstRep().getDetails().getText()).isEqualTo(swedish);
	}

	private static void assertUnknownParty(HttpResponse<String> r, String party) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
		assertThat(outcome(r).getIssueFirstRep().getCode().toCode()).isEqualTo("security");
		assertThat(outcome(r).getIssueFirstRep().getDiagnostics()).contains(party, "does not hold");
		assertThat(outcome(r).getIssueFirstRep().getDetails().getText()).contains("inte finns här");
	}

	private static void assertForbiddenByScope(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
		assertThat(outcome(r).getIssueFirstRep().getDetails().hasCoding("https://samplan.github.io/fhir/CodeSystem/sip-rule", "R15")).isTrue();
		assertThat(outcome(r).getIssueFirstRep().getDiagnostics()).contains("scopes");
	}

	@Test
	void aValidTokenOfTheIssuerIsAccepted() {
		assertThat(getWith("/fhir/CarePlan?_count=1", issuer.sign(staffClaims().build())).statusCode()).isEqualTo(200);
	}

	@Test
	void noTokenIs401() {
		assertUnauthorized(getWith("/fhir/Patient", null));
		assertUnauthorized(getWith("/fhir/CarePlan/" + demoPlan("Patient/sip1-patient"), null));
	}

	@Test
	void expiredTokenIs401() {
		String expired = issuer.sign(staffClaims().issueTime(Date.from(Instant.now().minusSeconds(7200)))
				.expirationTime(Date.from(Instant.now().minusSeconds(3600))).build());
		assertUnauthorized(getWith("/fhir/Patient", expired));
	}

	@Test
	void tokenSignedWithAnotherKeyIs401() throws Exception {
		RSAKey other = new RSAKeyGenerator(2048).keyID("not-the-issuers").generate();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).build(), staffClaims().build());
		jwt.sign(new RSASSASigner(other));
		assertUnauthorized(getWith("/fhir/Patient", jwt.serialize()));
	}

	@Test
	void tokenOfAnotherIssuerIs401() {
		assertUnauthorized(getWith("/fhir/Patient", issuer.sign(staffClaims().issuer("https://idp.example.org").build())),
				"iss", "Inloggningen kommer från en utfärdare som servern inte litar på.");
	}

	@Test
	void tokenForAnotherServerIs401() {
		String wrongAudience = "Inloggningen är utfärdad för en annan tjänst än den här.";
		assertUnauthorized(getWith("/fhir/Patient", issuer.sign(staffClaims().audience("https://some-other-app.example").build())),
				"aud", wrongAudience);
		assertUnauthorized(getWith("/fhir/Patient", issuer.sign(staffClaims().audience((String) null).build())), "aud", wrongAudience);
		assertUnauthorized(getWith("/fhir/Patient", issuer.sign(staffClaims().audience("http://localhost:" + port + "/other").build())),
				"aud", wrongAudience);
		assertThat(getWith("/fhir/Patient", issuer.sign(staffClaims().audience(List.of("https://some-other-app.example", fhirBase() + "/"))
				.build())).statusCode()).as("one of the audiences is this server").isEqualTo(200);
	}

	@Test
	void anOperatorTokenMadeForAnotherAppIs401() {
		// The issue's case: signed with the server's issuer's key, but another issuer and audience, with operator rights.
		String other = issuer.sign(new JWTClaimsSet.Builder().issuer("https://other-issuer.example").audience("https://some-other-app.example")
				.subject("x").expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("scope", "system/*.cruds samplan.admin").build());
		assertUnauthorized(getWith("/fhir/AuditEvent", other), "iss", "Inloggningen kommer från en utfärdare som servern inte litar på.");
	}

	@Test
	void expiryIsCheckedWithTheClockSkew() {
		Date anHourAgo = Date.from(Instant.now().minusSeconds(3600));
		assertUnauthorized(getWith("/fhir/Patient", issuer.sign(staffClaims().issueTime(anHourAgo)
				.expirationTime(Date.from(Instant.now().minusSeconds(90))).build())), "exp", "Inloggningen har gått ut. Logga in igen.");
		assertThat(getWith("/fhir/Patient", issuer.sign(staffClaims().issueTime(anHourAgo)
				.expirationTime(Date.from(Instant.now().minusSeconds(20))).build()))
				.statusCode()).as("20 s past exp is within the default 60 s skew").isEqualTo(200);
		assertUnauthorized(getWith("/fhir/Patient", issuer.sign(staffClaims().expirationTime(null).build())), "exp",
				"Inloggningen saknar giltighetstid.");
	}

	@Test
	void aTokenNotYetValidIs401() {
		assertUnauthorized(getWith("/fhir/Patient", issuer.sign(staffClaims().notBeforeTime(Date.from(Instant.now().plusSeconds(300))).build())),
				"nbf", "Inloggningen gäller ännu inte.");
		assertThat(getWith("/fhir/Patient", issuer.sign(staffClaims().notBeforeTime(Date.from(Instant.now().plusSeconds(20))).build()))
				.statusCode()).isEqualTo(200);
	}

	@Test
	void anUnsignedTokenIs401() {
		assertUnauthorized(getWith("/fhir/Patient", new PlainJWT(staffClaims().build()).serialize()));
	}

	@Test
	void aTokenNamingAPartyTheServerDoesNotHoldIs403NotAnError() {
		assertUnknownParty(getWith("/fhir/Organization", issuer.sign(staffClaims().claim("fhirUser", null)
				.claim("organization", "Organization/no-such-org").claim("scope", "system/*.cruds").build())), "Organization/no-such-org");
		assertUnknownParty(getWith("/fhir/Patient", issuer.sign(staffClaims().claim("fhirUser", "PractitionerRole/no-such-role").build())),
				"PractitionerRole/no-such-role");
		assertUnknownParty(getWith("/fhir/Patient", issuer.sign(staffClaims().claim("organization", "Organization/no-such-org").build())),
				"Organization/no-such-org");
		assertUnknownParty(getWith("/fhir/CarePlan", issuer.sign(staffClaims().claim("fhirUser", "Patient/no-such-person")
				.claim("scope", "patient/*.rs").build())), "Patient/no-such-person");
	}

	@Test
	void garbageIs401() {
		assertUnauthorized(getWith("/fhir/Patient", "not.a.jwt"));
		// Characters a bearer token cannot hold (RFC 6750 b64token), and a header naming no other scheme.
		assertUnauthorized(getWith("/fhir/Patient", "abc def"));
		assertUnauthorized(getWith("/fhir/Patient", "=abc"));
		assertUnauthorized(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient"))
				.header("Authorization", "Basic " + issuer.sign(staffClaims().build())).GET().build()));
	}

	@Test
	void theSchemeIsCaseInsensitive() {
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/CarePlan?_count=1"))
				.header("Authorization", "bearer " + issuer.sign(staffClaims().build())).GET().build());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
	}

	@Test
	void scopeTooNarrowIs403() {
		String patientsOnly = requestToken(DEFAULT_USER, "user/Patient.rs");
		HttpResponse<String> r = getWith("/fhir/CarePlan/" + demoPlan("Patient/sip1-patient"), patientsOnly);
		assertForbiddenByScope(r);
		assertThat(getWith("/fhir/Patient/sip1-patient", patientsOnly).statusCode()).isEqualTo(200);
		String readOnly = requestToken(DEFAULT_USER, "user/*.rs");
		HttpResponse<String> write = send(HttpRequest.newBuilder(URI.create(fhirBase() + "/Patient"))
				.header("Authorization", "Bearer " + readOnly).header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"birthDate\":\"1970-01-01\"}")).build());
		assertForbiddenByScope(write);
	}

	@Test
	void smartV1ScopesAreUnderstood() {
		String v1 = requestToken(DEFAULT_USER, "user/*.read");
		assertThat(getWith("/fhir/CarePlan/" + demoPlan("Patient/sip1-patient"), v1).statusCode()).isEqualTo(200);
		HttpResponse<String> write = send(HttpRequest.newBuilder(URI.create(fhirBase() + "/Patient"))
				.header("Authorization", "Bearer " + v1).header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"birthDate\":\"1970-01-01\"}")).build());
		assertThat(write.statusCode()).isEqualTo(403);
	}

	@Test
	void aTokenNamingNeitherUserNorOrganisationIs403() {
		String nobody = issuer.sign(new JWTClaimsSet.Builder().issuer(ownIssuer()).audience(fhirBase()).subject("someone")
				.expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("scope", "user/*.cruds").build());
		assertThat(getWith("/fhir/Patient", nobody).statusCode()).isEqualTo(403);
	}

	@Test
	void openEndpointsNeedNoToken() throws Exception {
		assertThat(getWith("/fhir/metadata", null).statusCode()).isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).GET().build())
				.statusCode()).isEqualTo(200);
		HttpResponse<String> smart = getWith("/fhir/.well-known/smart-configuration", null);
		assertThat(smart.statusCode()).isEqualTo(200);
		JsonNode config = new ObjectMapper().readTree(smart.body());
		assertThat(config.get("issuer").asText()).isEqualTo(ownIssuer());
		assertThat(config.get("token_endpoint").asText()).isEqualTo(ownIssuer() + "/oauth2/token");
		assertThat(config.get("capabilities").toString()).contains("permission-v2", "permission-v1");
		HttpResponse<String> jwks = getWith("/oauth2/jwks", null);
		assertThat(new ObjectMapper().readTree(jwks.body()).get("keys").get(0).get("kty").asText()).isEqualTo("RSA");
	}

	@Test
	void theDemoIssuerRefusesUnknownUsers() {
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("user=Patient/nobody")).build());
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(r.body()).contains("invalid_grant");
	}
}
