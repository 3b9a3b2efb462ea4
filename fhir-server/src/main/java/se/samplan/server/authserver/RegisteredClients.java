package se.samplan.server.authserver;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.util.List;

/**
 * The registered clients of the settings as Spring Authorization Server's clients. Every client of the authorization
 * code flow must use PKCE and always shows the consent screen (the person grants the scopes and, as a guardian, picks
 * the child at every launch); public clients authenticate with nothing, confidential ones with their secret or a
 * signed assertion ({@code private_key_jwt}, {@link ClientAssertions}). A client with an organisation
 * gets client credentials, bound to that organisation.
 */
final class RegisteredClients {

	/** The client setting naming the organisation a backend client acts for. */
	static final String ORGANIZATION = "samplan.organization";

	private RegisteredClients() {}

	static InMemoryRegisteredClientRepository from(AuthorizationServerProperties properties) {
		List<RegisteredClient> clients = properties.getClients().stream().map(c -> client(c, properties)).toList();
		if (clients.isEmpty()) {
			throw new IllegalStateException("The authorization server has no clients: register them under samplan.authorization-server.clients.");
		}
		return new InMemoryRegisteredClientRepository(clients);
	}

	private static RegisteredClient client(AuthorizationServerProperties.Client c, AuthorizationServerProperties properties) {
		if (c.getClientId() == null || c.getClientId().isBlank()) {
			throw new IllegalStateException("A client under samplan.authorization-server.clients has no client-id.");
		}
		RegisteredClient.Builder client = RegisteredClient.withId(c.getClientId()).clientId(c.getClientId())
				.clientName(c.getName() == null ? c.getClientId() : c.getName())
				.scopes(s -> s.addAll(c.getScopes()))
				.redirectUris(r -> r.addAll(c.getRedirectUris()))
				.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.getAccessTokenLifetime())
						.refreshTokenTimeToLive(properties.getRefreshTokenLifetime()).reuseRefreshTokens(false).build());
		ClientSettings.Builder settings = ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true);
		boolean keys = c.getJwkSetUri() != null || c.getJwks() != null;
		if (keys) {
			client.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
			settings.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS384);
			if (c.getJwkSetUri() != null) {
				settings.jwkSetUrl(c.getJwkSetUri());
			}
			if (c.getJwks() != null) {
				settings.setting(ClientAssertions.JWKS, c.getJwks());
			}
		}
		if (c.getClientSecret() != null) {
			client.clientSecret(c.getClientSecret()).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		}
		boolean confidential = keys || c.getClientSecret() != null;
		if (!confidential) {
			client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		if (!c.getRedirectUris().isEmpty()) {
			client.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE);
			if (confidential) {
				client.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
			}
		}
		if (c.getOrganization() != null) {
			if (!confidential) {
				throw new IllegalStateException("The backend client " + c.getClientId() + " needs keys (jwk-set-uri or jwks) or a client-secret.");
			}
			client.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
			settings.setting(ORGANIZATION, c.getOrganization());
		}
		return client.clientSettings(settings.build()).build();
	}
}
