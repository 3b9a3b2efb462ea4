package se.samplan.server.authserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sends a signed-in person to the picker ({@link PatientPicker}) before an app's authorization request is taken, once
 * per launch: whom the app is for — themself or a child — decides the token's {@code fhirUser} and {@code patient}.
 * A launch is the app's {@code client_id} and {@code state}.
 */
final class LaunchChoice extends OncePerRequestFilter {

	static final String AUTHORIZE = "/oauth2/authorize";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if ("GET".equals(request.getMethod()) && SignedIn.kind(signedIn).orElse(null) == SignedIn.Kind.PERSON
				&& !SignedIn.launchedFor(signedIn, launch(request.getParameter("client_id"), request.getParameter("state")))) {
			String back = request.getRequestURI().substring(request.getContextPath().length())
					+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
			response.sendRedirect(request.getContextPath() + PatientPicker.PATH + "?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().substring(request.getContextPath().length()).equals(AUTHORIZE);
	}

	/** The launch an authorization request ({@code /oauth2/authorize?…}) belongs to; null when it is not one. */
	static String launchOf(String authorizationRequest) {
		if (authorizationRequest == null || !authorizationRequest.startsWith(AUTHORIZE + "?")) {
			return null;
		}
		UriComponents uri = UriComponentsBuilder.fromUriString(authorizationRequest).build();
		return launch(decoded(uri.getQueryParams().getFirst("client_id")), decoded(uri.getQueryParams().getFirst("state")));
	}

	private static String launch(String clientId, String state) {
		return clientId + " " + state;
	}

	private static String decoded(String value) {
		return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
	}
}
