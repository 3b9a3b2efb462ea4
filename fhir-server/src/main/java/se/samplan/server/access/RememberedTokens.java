package se.samplan.server.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Duration;

/**
 * A {@link JwtDecoder} that remembers the tokens whose signature it has checked, so that a client sending the same
 * token with every request pays for the signature once, not per request. Only the signature is remembered: what the
 * token claims (issuer, audience, expiry) {@link TokenChecks} checks on every request. At most ten thousand tokens,
 * each at most five minutes: a key that the issuer withdraws stops opening new tokens at once and remembered ones
 * within minutes. A token that fails is not remembered.
 */
final class RememberedTokens implements JwtDecoder {

	private final JwtDecoder decoder;
	private final Cache<String, Jwt> checked = Caffeine.newBuilder().maximumSize(10_000)
			.expireAfterWrite(Duration.ofMinutes(5)).build();

	RememberedTokens(JwtDecoder decoder) {
		this.decoder = decoder;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		return checked.get(token, decoder::decode);
	}
}
