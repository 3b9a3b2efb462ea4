package se.samplan.server.authserver;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the signed assertions ({@code private_key_jwt}) with which confidential clients and backend systems
 * authenticate, as SMART Backend Services asks: signed RS384 or ES384 with a key of the client's registered key set
 * (at its {@code jwk-set-uri}, or given in the settings), {@code iss} and {@code sub} the client, {@code aud} the token
 * endpoint, {@code exp} set and at most five minutes ahead, and each {@code jti} used once: the ids are kept in the database until their assertion
 * expires, so a replay is refused on every node.
 */
final class ClientAssertions implements JwtDecoderFactory<RegisteredClient> {

	/** The client setting with the client's public keys given in the settings (a JWK set). */
	static final String JWKS = "samplan.jwks";
	private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384);
	private static final Duration MAX_LIFETIME = Duration.ofMinutes(6);

	private final JdbcTemplate jdbc;
	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	ClientAssertions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_USED_ASSERTION (CLIENT_ID VARCHAR(100) NOT NULL, JTI VARCHAR(200) NOT NULL, "
				+ "EXPIRES BIGINT NOT NULL, PRIMARY KEY (CLIENT_ID, JTI))");
	}

	@Override
	public JwtDecoder createDecoder(RegisteredClient client) {
		return decoders.computeIfAbsent(client.getId(), id -> {
			DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
			processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys(client)));
			NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
					JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client), shortLived(), usedOnce(client)));
			return decoder;
		});
	}

	private static JWKSource<SecurityContext> keys(RegisteredClient client) {
		Object inline = client.getClientSettings().getSetting(JWKS);
		try {
			if (inline != null) {
				return new ImmutableJWKSet<>(JWKSet.parse(inline.toString()));
			}
			return JWKSourceBuilder.create(URI.create(client.getClientSettings().getJwkSetUrl()).toURL()).build();
		} catch (ParseException | MalformedURLException | IllegalArgumentException e) {
			throw new IllegalStateException("The keys of client " + client.getClientId() + " cannot be read: " + e.getMessage(), e);
		}
	}

	/** SMART: an assertion expires no more than five minutes after it is made (a minute's clock skew allowed). */
	private static OAuth2TokenValidator<Jwt> shortLived() {
		return jwt -> jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(Instant.now().plus(MAX_LIFETIME))
				? failure("The client assertion expires more than five minutes from now.") : OAuth2TokenValidatorResult.success();
	}

	private OAuth2TokenValidator<Jwt> usedOnce(RegisteredClient client) {
		return jwt -> {
			if (jwt.getId() == null) {
				return failure("The client assertion has no jti.");
			}
			Instant expires = jwt.getExpiresAt() == null ? Instant.now() : jwt.getExpiresAt();
			try {
				jdbc.update("INSERT INTO SAMPLAN_USED_ASSERTION (CLIENT_ID, JTI, EXPIRES) VALUES (?, ?, ?)", client.getClientId(),
						jwt.getId(), expires.toEpochMilli());
				return OAuth2TokenValidatorResult.success();
			} catch (DuplicateKeyException e) {
				return failure("The client assertion's jti " + jwt.getId() + " was used before.");
			}
		};
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, null));
	}
}
