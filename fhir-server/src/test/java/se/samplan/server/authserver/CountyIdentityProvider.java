package se.samplan.server.authserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A county's OpenID Connect provider standing in for e-legitimation in the tests: a real HTTP server on a loopback
 * port with discovery, an authorization endpoint that signs in whoever the test named (as if their BankID said so)
 * and sends the browser back with a code, a token endpoint that answers the code with an ID token signed by its own
 * key and carrying the personnummer claim, and its key set.
 */
final class CountyIdentityProvider implements AutoCloseable {

	static final String CLAIM = "https://id.oidc.se/claim/personalIdentityNumber";
	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;
	private final RSAKey key;
	private final Map<String, String[]> codes = new ConcurrentHashMap<>(); // code -> personnummer, nonce, client
	private volatile String next;

	CountyIdentityProvider() throws IOException, JOSEException {
		key = new RSAKeyGenerator(2048).keyID("county").generate();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/.well-known/openid-configuration", e -> json(e, Map.of("issuer", issuer(),
				"authorization_endpoint", issuer() + "/authorize", "token_endpoint", issuer() + "/token",
				"jwks_uri", issuer() + "/jwks", "response_types_supported", List.of("code"),
				"subject_types_supported", List.of("public"), "id_token_signing_alg_values_supported", List.of("RS256"))));
		server.createContext("/jwks", e -> json(e, new JWKSet(key.toPublicJWK()).toJSONObject()));
		server.createContext("/authorize", this::authorize);
		server.createContext("/token", this::token);
		server.start();
	}

	String issuer() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Who signs in at the next authorization request. */
	void nextSignIn(String personnummer) {
		next = personnummer;
	}

	private void authorize(HttpExchange e) throws IOException {
		Map<String, String> q = query(e.getRequestURI().getRawQuery());
		String code = UUID.randomUUID().toString();
		codes.put(code, new String[] {next, q.get("nonce"), q.get("client_id")});
		e.getResponseHeaders().add("Location", UriComponentsBuilder.fromUriString(q.get("redirect_uri"))
				.queryParam("code", code).queryParam("state", q.get("state")).build().toUriString());
		e.sendResponseHeaders(302, -1);
		e.close();
	}

	private void token(HttpExchange e) throws IOException {
		Map<String, String> form = query(new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String[] signedIn = codes.remove(form.get("code"));
		if (signedIn == null) {
			json(e, 400, Map.of("error", "invalid_grant"));
			return;
		}
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(UUID.nameUUIDFromBytes(
				signedIn[0].getBytes(StandardCharsets.UTF_8)).toString()).audience(signedIn[2]).issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("nonce", signedIn[1]).claim(CLAIM, signedIn[0]);
		try {
			SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
			idToken.sign(new RSASSASigner(key));
			json(e, 200, Map.of("access_token", UUID.randomUUID().toString(), "token_type", "Bearer", "expires_in", 300,
					"id_token", idToken.serialize()));
		} catch (JOSEException ex) {
			throw new IOException(ex);
		}
	}

	private static Map<String, String> query(String raw) {
		return raw == null ? Map.of() : Arrays.stream(raw.split("&")).map(p -> p.split("=", 2)).filter(p -> p.length == 2)
				.collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> a));
	}

	private static void json(HttpExchange e, Object body) throws IOException {
		json(e, 200, body);
	}

	private static void json(HttpExchange e, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		e.getResponseHeaders().add("Content-Type", "application/json");
		e.sendResponseHeaders(status, bytes.length);
		e.getResponseBody().write(bytes);
		e.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
