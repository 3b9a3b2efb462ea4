package se.samplan.benchmark;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import se.samplan.testkit.county.CountyDirectory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The county's identity provider as Samplan sees it in production: a JWK set on localhost (Samplan's
 * {@code jwk-set-uri}) and the tokens it would issue to each party, with the claims and SMART scopes of access.md:
 * staff ({@code fhirUser} PractitionerRole, {@code organization}), an organisation's backend client, a person
 * ({@code fhirUser} and {@code patient}), the operator ({@code samplan.admin}).
 */
final class Issuer implements AutoCloseable {

	static final String ISS = "https://idp.bench.example/realms/sip";
	/** The audience the county's identity provider puts in tokens for Samplan, set on Samplan too. */
	static final String AUD = "https://samplan.bench.example/fhir";
	private static final String OPERATOR = "operator";

	private final RSAKey key;
	private final HttpServer server;
	/** The organisation of each member of staff of the synthetic county. */
	private final Map<String, String> staffOrganizations = CountyDirectory.synthetic().registering().stream()
			.collect(Collectors.toMap(CountyDirectory.Unit::staff, CountyDirectory.Unit::reference));

	Issuer() throws IOException, JOSEException {
		key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/jwks", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		server.start();
	}

	String jwksUri() {
		return "http://localhost:" + server.getAddress().getPort() + "/jwks";
	}

	/** A token for {@code operator}, {@code PractitionerRole/..}, {@code Organization/..} or {@code Patient/..}. */
	String token(String party) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISS).audience(AUD).subject(party).jwtID(UUID.randomUUID().toString())
				.issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(4 * 3600))).claim("client_id", "benchmark");
		if (OPERATOR.equals(party)) {
			claims.claim("scope", "system/*.cruds samplan.admin");
		} else if (party.startsWith("PractitionerRole/")) {
			claims.claim("fhirUser", party).claim("organization", staffOrganizations.get(party)).claim("scope", "openid fhirUser user/*.cruds");
		} else if (party.startsWith("Organization/")) {
			claims.claim("organization", party).claim("scope", "system/*.cruds");
		} else if (party.startsWith("Patient/")) {
			claims.claim("fhirUser", party).claim("patient", party.substring("Patient/".length()))
					.claim("scope", "openid fhirUser launch/patient patient/*.rs");
		} else {
			throw new IllegalArgumentException("No such party: " + party);
		}
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
