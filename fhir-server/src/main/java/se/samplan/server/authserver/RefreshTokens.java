package se.samplan.server.authserver;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Refresh tokens as SMART has them, for confidential clients: only for an app granted continued access.
 * {@code offline_access} gives one that lasts the client's refresh token lifetime; {@code online_access} one that
 * lasts while the user is online, which here means while the app keeps using it: each refresh gives a new one for
 * another {@code online} period (the sign-in session's idle time), and one left unused that long lapses.
 */
final class RefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

	private final StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
	private final Duration online;

	RefreshTokens(Duration online) {
		this.online = online;
	}

	@Override
	public OAuth2RefreshToken generate(OAuth2TokenContext context) {
		if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
			return null;
		}
		Instant now = Instant.now();
		if (context.getAuthorizedScopes().contains("offline_access")) {
			return new OAuth2RefreshToken(values.generateKey(), now,
					now.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
		}
		if (context.getAuthorizedScopes().contains("online_access")) {
			return new OAuth2RefreshToken(values.generateKey(), now, now.plus(online));
		}
		return null;
	}
}
