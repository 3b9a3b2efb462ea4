package se.samplan.server.authserver;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

import java.text.ParseException;
import java.util.Map;

/**
 * A token request authenticated by a signed assertion alone, as SMART Backend Services sends it: no {@code client_id}
 * parameter (Spring's converter requires one). The client is the assertion's {@code sub}, read before its signature
 * is checked only to find the client's keys; {@link ClientAssertions} then requires {@code iss} and {@code sub} to be
 * that client and the signature to be one of its keys. A request with {@code client_id} is left to Spring.
 */
final class AssertionWithoutClientId implements AuthenticationConverter {

	private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	@Override
	public Authentication convert(HttpServletRequest request) {
		String type = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE);
		String assertion = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION);
		if (!JWT_BEARER.equals(type) || assertion == null || request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null) {
			return null;
		}
		try {
			String client = SignedJWT.parse(assertion).getJWTClaimsSet().getSubject();
			if (client == null || client.isBlank()) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
			}
			// the method as Spring names a JWT client assertion
			return new OAuth2ClientAuthenticationToken(client, new ClientAuthenticationMethod(JWT_BEARER), assertion, Map.of());
		} catch (ParseException e) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
		}
	}
}
