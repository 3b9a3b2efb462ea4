package se.samplan.server.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What SMART discovery tells clients about the token issuer ({@code samplan.access.*}). Relative URLs
 * ({@code /auth/token}) are made absolute with the address the client used.
 */
@ConfigurationProperties("samplan.access")
public class AccessProperties {

	/**
	 * Authentication, the access rules and the audit log. Only for measuring what they cost (the read
	 * latency benchmark): switched off, every request is served as the server itself, unlogged.
	 */
	private boolean enabled = true;
	/** The issuer ({@code iss}) of the tokens the server accepts. */
	private String issuer;
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
