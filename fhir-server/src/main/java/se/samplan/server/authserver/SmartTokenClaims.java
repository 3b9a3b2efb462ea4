package se.samplan.server.authserver;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.samplan.server.access.AccessProperties;
import se.samplan.server.access.Callers;
import se.samplan.server.access.TokenChecks;

import java.text.ParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tokens of the built-in authorization server say, as SMART App Launch and access.md have it: the access
 * token is made out to this FHIR server ({@code aud}: the configured audience, else the FHIR base URL the client
 * reached the server at), names the user ({@code fhirUser}, also its {@code sub}), the launch's patient
 * ({@code patient}) and a member of staff's or backend client's organisation, and carries its scopes as one
 * space-separated string; the ID token names the user too. The token response tells the app the launch's patient.
 */
final class SmartTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final AccessProperties access;

	SmartTokenClaims(AccessProperties access) {
		this.access = access;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!accessToken && !idToken) {
			return;
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			Object organization = context.getRegisteredClient().getClientSettings().getSetting(RegisteredClients.ORGANIZATION);
			context.getClaims().claim(Callers.ORGANIZATION_CLAIM, organization);
		} else {
			Authentication user = context.getPrincipal();
			SignedIn.fhirUser(user).ifPresent(u -> context.getClaims().claim("fhirUser", u));
			if (accessToken) {
				SignedIn.fhirUser(user).ifPresent(u -> context.getClaims().subject(u));
				SignedIn.organization(user).ifPresent(o -> context.getClaims().claim(Callers.ORGANIZATION_CLAIM, o));
				if (context.getAuthorizedScopes().contains("launch/patient")) {
					SignedIn.patient(user).ifPresent(p -> context.getClaims().claim("patient", p.substring(p.indexOf('/') + 1)));
				}
			}
		}
		if (accessToken) {
			context.getClaims().audience(audience())
					.claim("scope", String.join(" ", context.getAuthorizedScopes()))
					.claim("client_id", context.getRegisteredClient().getClientId());
		}
	}

	/** A singleton list, as Spring's own: the claims are stored with the authorization, as JSON of allowed types. */
	private List<String> audience() {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		return Collections.singletonList(TokenChecks.thisServer(access.getAudiences(), request).get(0));
	}

	/** Adds the launch's {@code patient} to the token response, as SMART's launch context. */
	static void launchContext(OAuth2AccessTokenAuthenticationContext context) {
		OAuth2AccessTokenAuthenticationToken token = context.getAuthentication();
		try {
			Object patient = SignedJWT.parse(token.getAccessToken().getTokenValue()).getJWTClaimsSet().getClaim("patient");
			if (patient != null) {
				Map<String, Object> parameters = new HashMap<>(token.getAdditionalParameters());
				parameters.put("patient", patient);
				context.getAccessTokenResponse().additionalParameters(parameters);
			}
		} catch (ParseException e) {
			throw new IllegalStateException("The server's own access token cannot be read", e);
		}
	}
}
