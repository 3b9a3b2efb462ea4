package se.samplan.server.access;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.samplan.server.SamplanApplication;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the demo profile: the server takes its keys from an external issuer's JWK set URI (here a
 * small JWKS server on localhost standing in for Keycloak), accepts that issuer's tokens for the configured audience
 * within the configured clock skew, refuses tokens signed with the same keys for another issuer or audience, and has
 * no demo issuer ({@code /auth/token} is refused).
 */
@Tag("full-run") // a server of its own
class ExternalIssuerTest {

	@TempDir
	Path data;

	@Test
	void tokensOfTheConfiguredIssuerAreAcceptedAndTheDemoIssuerIsOff() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("idp-key").generate();
		HttpServer idp = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		idp.createContext("/jwks", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		idp.start();
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(SamplanApplication.class).run(
				"--server.port=0", "--samplan.data-dir=" + data, "--spring.jmx.enabled=false",
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:" + idp.getAddress().getPort() + "/jwks",
				"--samplan.access.issuer=" + ISSUER, "--samplan.access.audiences=" + AUDIENCE, "--samplan.access.clock-skew=5m")) {
			String root = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newHttpClient();

			HttpResponse<String> demoToken = http.send(HttpRequest.newBuilder(URI.create(root + "/auth/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("user=operator")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(demoToken.statusCode()).as("no demo issuer without the demo profile").isEqualTo(404);

			assertThat(http.send(HttpRequest.newBuilder(URI.create(root + "/fhir/Organization")).GET().build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

			Instant now = Instant.now();
			assertThat(read(http, root, sign(key, operator(ISSUER, AUDIENCE).expirationTime(Date.from(now.plusSeconds(300))))).statusCode())
					.isEqualTo(200);
			assertThat(read(http, root, sign(key, operator(ISSUER, AUDIENCE).expirationTime(Date.from(now.minusSeconds(240))))).statusCode())
					.as("expired four minutes ago, within the configured five").isEqualTo(200);
			HttpResponse<String> expired = read(http, root, sign(key, operator(ISSUER, AUDIENCE).expirationTime(Date.from(now.minusSeconds(360)))));
			assertThat(expired.statusCode()).isEqualTo(401);
			assertThat(expired.body()).contains("(exp)");
			// The issue's case: the same keys, another issuer and application, operator rights.
			HttpResponse<String> otherIssuer = read(http, root, sign(key, operator("https://other-issuer.example", "https://some-other-app.example")
					.expirationTime(Date.from(now.plusSeconds(300)))));
			assertThat(otherIssuer.statusCode()).isEqualTo(401);
			assertThat(otherIssuer.body()).contains("(iss)");
			HttpResponse<String> otherApp = read(http, root, sign(key, operator(ISSUER, "https://some-other-app.example")
					.expirationTime(Date.from(now.plusSeconds(300)))));
			assertThat(otherApp.statusCode()).isEqualTo(401);
			assertThat(otherApp.body()).contains("(aud)", AUDIENCE);
			assertThat(read(http, root, sign(key, operator(ISSUER, root + "/fhir").expirationTime(Date.from(now.plusSeconds(300))))).statusCode())
					.as("a configured audience replaces the request's address").isEqualTo(401);
		} finally {
			idp.stop(0);
		}
	}

	private static final String ISSUER = "https://idp.example.se/realms/sip";
	private static final String AUDIENCE = "https://samplan.region.example.se/fhir";

	private static JWTClaimsSet.Builder operator(String issuer, String audience) {
		return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("drift").claim("scope", "system/*.rs samplan.admin");
	}

	private static String sign(RSAKey key, JWTClaimsSet.Builder claims) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static HttpResponse<String> read(HttpClient http, String root, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(root + "/fhir/Organization")).header("Authorization", "Bearer " + token).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
