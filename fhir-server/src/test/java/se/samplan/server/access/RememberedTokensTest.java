package se.samplan.server.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A token checked once is not checked again until it expires; then it is checked again, every time. */
class RememberedTokensTest {

	private final List<String> checked = new ArrayList<>();

	/** Stands in for the signature and claims' checks: counts them and gives a token expiring at the time named. */
	private final JwtDecoder checks = token -> {
		checked.add(token);
		return Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
				.issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.parse(token)).build();
	};

	@Test
	void aValidTokenIsCheckedOnce() {
		RememberedTokens tokens = new RememberedTokens(checks);
		String valid = Instant.now().plusSeconds(600).toString();
		tokens.decode(valid);
		tokens.decode(valid);
		tokens.decode(valid);
		assertThat(checked).containsExactly(valid);
	}

	@Test
	void anExpiredTokenIsCheckedAgainEachTime() {
		RememberedTokens tokens = new RememberedTokens(checks);
		String expired = Instant.now().minus(RememberedTokens.SKEW).minusSeconds(1).toString();
		tokens.decode(expired);
		tokens.decode(expired);
		assertThat(checked).containsExactly(expired, expired);
	}
}
