package se.samplan.server.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Duration;
import java.time.Instant;

/**
 * A {@link JwtDecoder} that remembers the tokens it has checked, so that a client sending the same token with every
 * request pays for the signature and the claims' checks once, not per request. A remembered token is used only
 * until it expires, give or take the clock skew the checks themselves allow (Spring's 60 s); after that it is checked
 * again (and refused). At most ten thousand tokens, each at most five minutes: a key that the issuer withdraws stops
 * opening new tokens at once and remembered ones within minutes.
 */
final class RememberedTokens implements JwtDecoder {

	/** As {@code JwtTimestampValidator} allows by default. */
	static final Duration SKEW = Duration.ofSeconds(60);

	private final JwtDecoder decoder;
	private final Cache<String, Jwt> checked = Caffeine.newBuilder().maximumSize(10_000)
			.expireAfterWrite(Duration.ofMinutes(5)).build();

	RememberedTokens(JwtDecoder decoder) {
		this.decoder = decoder;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = checked.getIfPresent(token);
		if (known != null && (known.getExpiresAt() == null || Instant.now().isBefore(known.getExpiresAt().plus(SKEW)))) {
			return known;
		}
		Jwt jwt = decoder.decode(token);
		checked.put(token, jwt);
		return jwt;
	}
}
