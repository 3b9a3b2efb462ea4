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
 * small JWKS server on localhost standing in for Keycloak), accepts that issuer's tokens, and has no
 * demo issuer ({@code /auth/token} is refused).
 */
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
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:" + idp.getAddress().getPort() + "/jwks")) {
			String root = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newHttpClient();

			HttpResponse<String> demoToken = http.send(HttpRequest.newBuilder(URI.create(root + "/auth/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("user=operator")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(demoToken.statusCode()).as("no demo issuer without the demo profile").isEqualTo(404);

			assertThat(http.send(HttpRequest.newBuilder(URI.create(root + "/fhir/Organization")).GET().build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					new JWTClaimsSet.Builder().issuer("https://idp.example.se/realms/sip").subject("drift")
							.expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("scope", "system/*.rs samplan.admin").build());
			jwt.sign(new RSASSASigner(key));
			HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(root + "/fhir/Organization"))
					.header("Authorization", "Bearer " + jwt.serialize()).GET().build(), HttpResponse.BodyHandlers.ofString());
			assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		} finally {
			idp.stop(0);
		}
	}
}
