package se.samplan.server.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens the server accepts and what SMART discovery tells clients about their issuer
 * ({@code samplan.access.*}). Relative URLs ({@code /auth/token}) are made absolute with the address the client used.
 */
@ConfigurationProperties("samplan.access")
public class AccessProperties {

	/**
	 * Authentication, the access rules and the audit log. Only for measuring what they cost (the read
	 * latency benchmark): switched off, every request is served as the server itself, unlogged.
	 */
	private boolean enabled = true;
	/**
	 * The issuer ({@code iss}) of the tokens the server accepts; when unset, that of
	 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. One of the two must be set.
	 */
	private String issuer;
	/**
	 * What a token's {@code aud} must name, one of these; when none are set, the FHIR base URL the request was
	 * addressed to ({@code https://host/fhir}), as SMART App Launch has apps ask for.
	 */
	private List<String> audiences = new ArrayList<>();
	/** How far the issuer's clock and this server's may differ when {@code exp} and {@code nbf} are checked. */
	private Duration clockSkew = Duration.ofSeconds(60);
	private String jwksUri;
	private String authorizationEndpoint;
	private String tokenEndpoint;

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getIssuer() {
		return issuer;
	}

	public void setIssuer(String issuer) {
		this.issuer = issuer;
	}

	public List<String> getAudiences() {
		return audiences;
	}

	public void setAudiences(List<String> audiences) {
		this.audiences = audiences;
	}

	public Duration getClockSkew() {
		return clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	public String getJwksUri() {
		return jwksUri;
	}

	public void setJwksUri(String jwksUri) {
		this.jwksUri = jwksUri;
	}

	public String getAuthorizationEndpoint() {
		return authorizationEndpoint;
	}

	public void setAuthorizationEndpoint(String authorizationEndpoint) {
		this.authorizationEndpoint = authorizationEndpoint;
	}

	public String getTokenEndpoint() {
		return tokenEndpoint;
	}

	public void setTokenEndpoint(String tokenEndpoint) {
		this.tokenEndpoint = tokenEndpoint;
	}
}
