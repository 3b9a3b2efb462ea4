package se.samplan.server.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token whose signature was checked is not checked again; one that failed is checked again each time. */
class RememberedTokensTest {

	private final List<String> checked = new ArrayList<>();

	/** Stands in for the signature check: counts the checks and refuses tokens named "bad". */
	private final JwtDecoder signatures = token -> {
		checked.add(token);
		if (token.equals("bad")) {
			throw new BadJwtException("signature");
		}
		return Jwt.withTokenValue(token).header("alg", "RS256").subject("someone").expiresAt(Instant.now().plusSeconds(600)).build();
	};

	@Test
	void aGoodSignatureIsCheckedOnce() {
		RememberedTokens tokens = new RememberedTokens(signatures);
		tokens.decode("good");
		tokens.decode("good");
		tokens.decode("good");
		assertThat(checked).containsExactly("good");
	}

	@Test
	void aBadSignatureIsCheckedAgainEachTime() {
		RememberedTokens tokens = new RememberedTokens(signatures);
		assertThatThrownBy(() -> tokens.decode("bad")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> tokens.decode("bad")).isInstanceOf(BadJwtException.class);
		assertThat(checked).containsExactly("bad", "bad");
	}
}
