package se.samplan.server.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Checks, on every request, that a token whose signature the issuer's keys bear out was made for this server and
 * is in force: its {@code iss} is the configured issuer (or, with the built-in authorization server and no issuer
 * configured, this server at the address the request came to), its {@code aud} names this server (a configured audience,
 * or else the FHIR base URL the request was addressed to, as SMART App Launch has the app ask for), and now lies
 * between {@code nbf} and {@code exp}, give or take the configured clock skew. A token without {@code exp} is
 * refused too. Each refusal says which claim failed; {@link SecurityConfig} turns it into a 401 with an
 * OperationOutcome. The checks run after {@link RememberedTokens}, so a remembered signature is never a
 * remembered audience. Spring's {@code JwtIssuerValidator} and {@code JwtTimestampValidator} decide the same, but
 * neither requires {@code exp} nor says which claim failed in a way a person can be told; here each check is a
 * comparison with its own English and Swedish reason.
 */
public final class TokenChecks implements JwtDecoder {

	private final JwtDecoder signatures;
	private final String issuer;
	private final List<String> audiences;
	private final Duration skew;

	/** {@code issuer} null: this server's own, at the address each request came to. */
	TokenChecks(JwtDecoder signatures, String issuer, List<String> audiences, Duration skew) {
		this.signatures = signatures;
		this.issuer = issuer;
		this.audiences = audiences;
		this.skew = skew;
	}

	@Override
	public Jwt decode(String token) {
		Jwt jwt = signatures.decode(token);
		String iss = jwt.getClaimAsString("iss");
		String expected = issuer != null ? issuer : root(currentRequest());
		if (!expected.equals(iss)) {
			throw new RefusedToken("Inloggningen kommer från en utfärdare som servern inte litar på.",
					"The token's issuer (iss) " + iss + " is not this server's issuer " + expected + ".");
		}
		List<String> aud = jwt.getAudience() == null ? List.of() : jwt.getAudience();
		List<String> accepted = thisServer(audiences, currentRequest());
		if (aud.stream().map(TokenChecks::withoutTrailingSlash).noneMatch(accepted::contains)) {
			throw new RefusedToken("Inloggningen är utfärdad för en annan tjänst än den här.", "The token's audience (aud) " + aud
					+ " does not name this server (" + String.join(", ", accepted) + ").");
		}
		Instant now = Instant.now();
		if (jwt.getExpiresAt() == null) {
			throw new RefusedToken("Inloggningen saknar giltighetstid.", "The token has no expiry (exp).");
		}
		if (now.isAfter(jwt.getExpiresAt().plus(skew))) {
			throw new RefusedToken("Inloggningen har gått ut. Logga in igen.",
					"The token expired (exp) at " + jwt.getExpiresAt() + ".");
		}
		if (jwt.getNotBefore() != null && now.isBefore(jwt.getNotBefore().minus(skew))) {
			throw new RefusedToken("Inloggningen gäller ännu inte.",
					"The token is not valid before (nbf) " + jwt.getNotBefore() + ".");
		}
		return jwt;
	}

	private static HttpServletRequest currentRequest() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}

	/**
	 * The server's own address as the client addressed it ({@code scheme://host:port} and any context path): the issuer
	 * of the built-in authorization server when no issuer is configured.
	 */
	public static String root(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
	}

	/**
	 * The default audience: {@code scheme://host:port/fhir} as the client addressed the server (forwarded headers are
	 * Spring's concern). The demo issuer makes its tokens out to the same.
	 */
	public static String fhirBase(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request).path("/fhir").build().toUriString();
	}

	/**
	 * Whether an audience names this FHIR server: one of the configured audiences, or when none is configured the FHIR
	 * base URL the request was addressed to; a trailing slash makes no difference.
	 */
	public static boolean namesThisServer(String audience, List<String> configured, HttpServletRequest request) {
		return audience != null && thisServer(configured, request).contains(withoutTrailingSlash(audience));
	}

	public static List<String> thisServer(List<String> configured, HttpServletRequest request) {
		return configured.isEmpty() ? List.of(fhirBase(request)) : configured.stream().map(TokenChecks::withoutTrailingSlash).toList();
	}

	private static String withoutTrailingSlash(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

	/** A token refused by one of these checks: the English reason for the log and diagnostics, a Swedish one for people. */
	static final class RefusedToken extends BadJwtException {

		private final String swedish;

		RefusedToken(String swedish, String english) {
			super(english);
			this.swedish = swedish;
		}

		String swedish() {
			return swedish;
		}
	}
}
