package se.samplan.server.authserver;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The built-in SMART authorization server ({@code samplan.authorization-server.*}). */
@ConfigurationProperties("samplan.authorization-server")
public class AuthorizationServerProperties {

	/** Serve SMART App Launch and Backend Services from this server (always in demo mode). */
	private boolean enabled;
	/**
	 * The PKCS#12 key store holding the signing key; made with a new RSA key when missing. Every node of a cluster
	 * must read the same file, so a token from one node opens the others.
	 */
	private Path keyStore;
	private String keyStorePassword;
	private Duration accessTokenLifetime = Duration.ofHours(1);
	private Duration refreshTokenLifetime = Duration.ofDays(30);
	/** The apps and systems that may ask for tokens. */
	private List<Client> clients = new ArrayList<>();
	/** Where people sign in: the county's OpenID Connect provider. Unset, only the demo's sign-in page exists. */
	private Login login = new Login();

	/** The county's OpenID Connect provider (e-legitimation through an identity provider). */
	public static class Login {

		/** The provider's issuer; its discovery document is read at the first sign-in. */
		private String issuerUri;
		private String clientId;
		private String clientSecret;
		private List<String> scopes = new ArrayList<>(List.of("openid"));
		/** The ID token claim holding the person's personnummer (the Swedish OIDC profile's by default). */
		private String personnummerClaim = "https://id.oidc.se/claim/personalIdentityNumber";

		public boolean isConfigured() {
			return issuerUri != null && !issuerUri.isBlank();
		}

		public String getIssuerUri() {
			return issuerUri;
		}

		public void setIssuerUri(String issuerUri) {
			this.issuerUri = issuerUri;
		}

		public String getClientId() {
			return clientId;
		}

		public void setClientId(String clientId) {
			this.clientId = clientId;
		}

		public String getClientSecret() {
			return clientSecret;
		}

		public void setClientSecret(String clientSecret) {
			this.clientSecret = clientSecret;
		}

		public List<String> getScopes() {
			return scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

		public String getPersonnummerClaim() {
			return personnummerClaim;
		}

		public void setPersonnummerClaim(String personnummerClaim) {
			this.personnummerClaim = personnummerClaim;
		}
	}

	/**
	 * A registered client. With {@code redirect-uris} it uses the authorization code flow (PKCE required); without a
	 * secret or key set it is a public client. With {@code organization} it is a backend system of that organisation
	 * (client credentials, {@code private_key_jwt} with the keys at {@code jwk-set-uri}). A redirect URI that is a path
	 * ({@code /portal/}) is this server's own page at whatever address the browser uses.
	 */
	public static class Client {

		private String clientId;
		private String name;
		/** A confidential client's secret, with its encoding: {@code {noop}…} or {@code {bcrypt}…}. */
		private String clientSecret;
		/** Where a confidential client publishes its public keys, for {@code private_key_jwt}. */
		private String jwkSetUri;
		/** Or the keys themselves: a JWK set (JSON) of public keys. */
		private String jwks;
		private List<String> redirectUris = new ArrayList<>();
		private List<String> scopes = new ArrayList<>();
		/** {@code Organization/<id>} a backend client acts for. */
		private String organization;

		public String getClientId() {
			return clientId;
		}

		public void setClientId(String clientId) {
			this.clientId = clientId;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getClientSecret() {
			return clientSecret;
		}

		public void setClientSecret(String clientSecret) {
			this.clientSecret = clientSecret;
		}

		public String getJwkSetUri() {
			return jwkSetUri;
		}

		public void setJwkSetUri(String jwkSetUri) {
			this.jwkSetUri = jwkSetUri;
		}

		public String getJwks() {
			return jwks;
		}

		public void setJwks(String jwks) {
			this.jwks = jwks;
		}

		public List<String> getRedirectUris() {
			return redirectUris;
		}

		public void setRedirectUris(List<String> redirectUris) {
			this.redirectUris = redirectUris;
		}

		public List<String> getScopes() {
			return scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

		public String getOrganization() {
			return organization;
		}

		public void setOrganization(String organization) {
			this.organization = organization;
		}
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Path getKeyStore() {
		return keyStore;
	}

	public void setKeyStore(Path keyStore) {
		this.keyStore = keyStore;
	}

	public String getKeyStorePassword() {
		return keyStorePassword;
	}

	public void setKeyStorePassword(String keyStorePassword) {
		this.keyStorePassword = keyStorePassword;
	}

	public Duration getAccessTokenLifetime() {
		return accessTokenLifetime;
	}

	public void setAccessTokenLifetime(Duration accessTokenLifetime) {
		this.accessTokenLifetime = accessTokenLifetime;
	}

	public Duration getRefreshTokenLifetime() {
		return refreshTokenLifetime;
	}

	public void setRefreshTokenLifetime(Duration refreshTokenLifetime) {
		this.refreshTokenLifetime = refreshTokenLifetime;
	}

	public Login getLogin() {
		return login;
	}

	public void setLogin(Login login) {
		this.login = login;
	}

	public List<Client> getClients() {
		return clients;
	}

	public void setClients(List<Client> clients) {
		this.clients = clients;
	}
}
