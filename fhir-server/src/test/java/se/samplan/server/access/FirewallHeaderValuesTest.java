package se.samplan.server.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall's header-value check ({@link SecurityConfig#allowedHeaderValue}) lets through exactly what Spring's
 * {@link StrictHttpFirewall} lets through by default: every code point alone, lone surrogates, and longer values.
 */
class FirewallHeaderValuesTest {

	@Test
	void everyCodePointAsSpringsFirewall() {
		for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
			String value = new String(Character.toChars(c));
			assertThat(SecurityConfig.allowedHeaderValue(value)).as("U+%04X", c)
					.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
		}
	}

	@Test
	void longerValuesAsSpringsFirewall() {
		for (String value : List.of("", "Bearer abc.def", "text/html;\tq=0.9", "a\nb", "a\u0000", "Sjögren 😀", "\uD800x",
				"x\uDC00", "\uD83D\uDE00\u0085")) {
			assertThat(SecurityConfig.allowedHeaderValue(value)).as(value)
					.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
		}
	}
}
