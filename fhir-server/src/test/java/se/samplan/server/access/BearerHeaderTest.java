package se.samplan.server.access;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BearerHeader} takes from the {@code Authorization} header exactly what Spring's
 * {@code DefaultBearerTokenResolver} takes (same token, or both refuse the header as malformed, or both find none),
 * and nothing from query parameters, as Spring's does by default.
 */
class BearerHeaderTest {

	private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl-_~+/";

	@Test
	void takesWhatSpringsResolverTakes() {
		List<String> headers = new ArrayList<>(List.of("Bearer " + TOKEN, "bearer " + TOKEN, "BEARER " + TOKEN + "==",
				"Bearer", "Bearer ", "Bearer  " + TOKEN, "Bearer\t" + TOKEN, "Bearerx " + TOKEN, "Bearer " + TOKEN + " x",
				"Bearer =", "Bearer " + TOKEN + "=a", "Bearer a=b", "Bearer åäö", "Bearer a,b", "Basic " + TOKEN, "Token " + TOKEN,
				"", " Bearer " + TOKEN, "Bear " + TOKEN));
		for (char c = 0x20; c < 0x7f; c++) {
			headers.add("Bearer a" + c + "b");
		}
		for (String header : headers) {
			assertThat(resolved(new BearerHeader(), header)).as("Authorization: %s", header)
					.isEqualTo(resolved(new DefaultBearerTokenResolver(), header));
		}
		assertThat(resolved(new BearerHeader(), null)).isEqualTo("none");
	}

	@Test
	void aTokenInTheQueryIsNotTaken() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient");
		request.setParameter("access_token", TOKEN);
		assertThat(new BearerHeader().resolve(request)).isNull();
	}

	/** The token, "none", or "malformed". */
	private static String resolved(BearerTokenResolver resolver, String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient");
		if (header != null) {
			request.addHeader("Authorization", header);
		}
		try {
			String token = resolver.resolve(request);
			return token == null ? "none" : token;
		} catch (org.springframework.security.oauth2.core.OAuth2AuthenticationException e) {
			return "malformed";
		}
	}
}
