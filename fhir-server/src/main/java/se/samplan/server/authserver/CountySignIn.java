package se.samplan.server.authserver;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import se.samplan.server.identifier.PersonalIdentityNumber;

import java.io.IOException;

/**
 * Sign-in through the county's OpenID Connect provider (e-legitimation behind an identity provider): the provider's
 * endpoints come from its discovery document, read at the first sign-in so that the server starts while the provider
 * is away; the person is who the ID token's personnummer claim names, and from there on the sign-in is the same as
 * the demo's (picker, consent).
 */
final class CountySignIn implements ClientRegistrationRepository, AuthenticationSuccessHandler {

	static final String REGISTRATION = "county";
	static final String START = "/oauth2/authorization/" + REGISTRATION;

	private final AuthorizationServerProperties.Login settings;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
	private final AuthenticationSuccessHandler onwards = new SavedRequestAwareAuthenticationSuccessHandler();
	private volatile ClientRegistration registration;

	CountySignIn(AuthorizationServerProperties.Login settings) {
		this.settings = settings;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		if (!REGISTRATION.equals(registrationId)) {
			return null;
		}
		if (registration == null) {
			registration = ClientRegistrations.fromIssuerLocation(settings.getIssuerUri()).registrationId(REGISTRATION)
					.clientId(settings.getClientId()).clientSecret(settings.getClientSecret()).scope(settings.getScopes())
					.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").build();
		}
		return registration;
	}

	/** The provider's sign-in becomes the person's, by personnummer; without the claim, no sign-in. */
	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		String number = authentication.getPrincipal() instanceof OidcUser user ? user.getClaimAsString(settings.getPersonnummerClaim()) : null;
		if (number == null || number.isBlank()) {
			SecurityContextHolder.clearContext();
			request.getSession().invalidate();
			response.sendError(HttpServletResponse.SC_FORBIDDEN, "The identity provider named no personnummer (claim "
					+ settings.getPersonnummerClaim() + ").");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(SignedIn.person(PersonalIdentityNumber.normalize(number)));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		onwards.onAuthenticationSuccess(request, response, context.getAuthentication());
	}
}
