package se.samplan.server.authserver;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The authorization server's authorizations (codes, tokens, refresh tokens) in the server's database, where every
 * node finds them (Spring Authorization Server's JDBC store, its tables made at start), and the tokens revoked before
 * they expire: an access token is a signed JWT that the resource server checks without asking anyone, so the ids
 * ({@code jti}) of revoked ones are kept until they would have expired ({@link ExpiredAuthorizations}), and every request with one of this server's
 * tokens is checked against them ({@link #notRevoked()}).
 */
final class StoredAuthorizations implements OAuth2AuthorizationService {

	private final JdbcTemplate jdbc;
	private final JdbcOAuth2AuthorizationService store;

	StoredAuthorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		this.jdbc = jdbc;
		createTables(jdbc);
		this.store = new JdbcOAuth2AuthorizationService(jdbc, clients);
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		store.save(authorization);
		OAuth2Authorization.Token<OAuth2AccessToken> token = authorization.getAccessToken();
		if (token != null && token.isInvalidated() && token.getClaims() != null && token.getClaims().get("jti") != null) {
			Instant expires = token.getToken().getExpiresAt() == null ? Instant.now() : token.getToken().getExpiresAt();
			String jti = String.valueOf(token.getClaims().get("jti"));
			try {
				jdbc.update("INSERT INTO SAMPLAN_REVOKED_TOKEN (JTI, EXPIRES) SELECT ?, ? WHERE NOT EXISTS "
						+ "(SELECT 1 FROM SAMPLAN_REVOKED_TOKEN WHERE JTI = ?)", jti, expires.toEpochMilli(), jti);
			} catch (DuplicateKeyException e) {
				// revoked at the same moment by another request
			}
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		store.remove(authorization);
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return store.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return store.findByToken(token, tokenType);
	}

	/** Refuses a token of this server that was revoked. */
	OAuth2TokenValidator<Jwt> notRevoked() {
		return jwt -> jwt.getId() != null && Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT COUNT(*) > 0 FROM SAMPLAN_REVOKED_TOKEN WHERE JTI = ?", Boolean.class, jwt.getId()))
				? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was revoked.", null))
				: OAuth2TokenValidatorResult.success();
	}

	private static void createTables(JdbcTemplate jdbc) {
		String schema = "org/springframework/security/oauth2/server/authorization/oauth2-authorization-schema.sql";
		try {
			String sql = new ClassPathResource(schema).getContentAsString(StandardCharsets.UTF_8);
			sql = sql.substring(sql.indexOf("CREATE TABLE")).replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS");
			if ("PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()))) {
				// as the script's own note has it: PostgreSQL has no blob, and instants need a time zone
				sql = sql.replace(" blob ", " text ").replace(" timestamp ", " timestamptz ");
			}
			jdbc.execute(sql);
		} catch (IOException e) {
			throw new IllegalStateException("Spring Authorization Server's schema " + schema + " is missing", e);
		}
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_REVOKED_TOKEN (JTI VARCHAR(100) PRIMARY KEY, EXPIRES BIGINT NOT NULL)");
	}
}
