package se.samplan.server.authserver;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.samplan.server.access.AccessProperties;
import se.samplan.server.access.SmartAuthorizationServer;
import se.samplan.server.access.SmartScopes;
import se.samplan.server.access.TokenChecks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in SMART authorization server ({@code samplan.authorization-server.enabled}; on in demo mode), on Spring
 * Authorization Server: authorization code with PKCE (S256) for public and confidential clients, standalone
 * {@code launch/patient} with the picker and the consent screen, OpenID Connect with {@code fhirUser}, refresh tokens
 * for confidential clients granted {@code offline_access} or {@code online_access} ({@link RefreshTokens}), client credentials for backend
 * systems, revocation and introspection. Its tokens are the server's own: the resource server checks them with the
 * same key, and its issuer is the configured {@code samplan.access.issuer}, else the address the client used.
 */
@Configuration
@ConditionalOnProperty("samplan.authorization-server.enabled")
class AuthorizationServerConfig {

	@Bean
	SigningKeys signingKeys(AuthorizationServerProperties properties, @Value("${samplan.data-dir}") Path dataDir) {
		if (properties.getKeyStorePassword() == null || properties.getKeyStorePassword().isBlank()) {
			throw new IllegalStateException("Set samplan.authorization-server.key-store-password: the authorization server's "
					+ "signing key is kept encrypted with it.");
		}
		Path store = properties.getKeyStore() != null ? properties.getKeyStore() : dataDir.resolve("authorization-server-key.jwe");
		return new SigningKeys(store, properties.getKeyStorePassword().toCharArray());
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return keys.jwkSource();
	}

	/** The resource server's check of this server's tokens: the same key, no request for it. */
	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys) {
		return NimbusJwtDecoder.withPublicKey(keys.publicKey()).build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(AccessProperties access) {
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		if (access.getIssuer() != null && !access.getIssuer().isBlank()) {
			settings.issuer(access.getIssuer());
		}
		return settings.build();
	}

	@Bean
	RegisteredClientRepository registeredClients(AuthorizationServerProperties properties) {
		return RegisteredClients.from(properties);
	}

	@Bean
	StoredAuthorizations authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		return new StoredAuthorizations(jdbc, clients);
	}

	/** Checked on every request whose token this server issued, after the signature and claims. */
	@Bean
	OAuth2TokenValidator<Jwt> notRevoked(StoredAuthorizations authorizations) {
		return authorizations.notRevoked();
	}

	@Bean
	SmartAuthorizationServer smartDiscovery(AuthorizationServerSettings settings) {
		return root -> {
			String issuer = settings.getIssuer() != null ? settings.getIssuer() : root;
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("issuer", issuer);
			body.put("jwks_uri", issuer + settings.getJwkSetEndpoint());
			body.put("authorization_endpoint", issuer + settings.getAuthorizationEndpoint());
			body.put("token_endpoint", issuer + settings.getTokenEndpoint());
			body.put("revocation_endpoint", issuer + settings.getTokenRevocationEndpoint());
			body.put("introspection_endpoint", issuer + settings.getTokenIntrospectionEndpoint());
			body.put("userinfo_endpoint", issuer + settings.getOidcUserInfoEndpoint());
			body.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
			body.put("token_endpoint_auth_methods_supported", List.of("none", "client_secret_basic", "client_secret_post",
					"private_key_jwt"));
			body.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
			body.put("response_types_supported", List.of("code"));
			body.put("code_challenge_methods_supported", List.of("S256"));
			body.put("capabilities", List.of("launch-standalone", "context-standalone-patient", "client-public",
					"client-confidential-symmetric", "client-confidential-asymmetric", "sso-openid-connect", "permission-offline",
					"permission-online"));
			return body;
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http, StoredAuthorizations authorizations,
			JWKSource<SecurityContext> keys, AccessProperties access, JdbcTemplate jdbc, AuthorizationServerProperties properties,
			@Value("${server.servlet.session.timeout:30m}") Duration online) throws Exception {
		OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
		OAuth2AccessTokenResponseAuthenticationSuccessHandler tokenResponse = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
		tokenResponse.setAccessTokenResponseCustomizer(SmartTokenClaims::launchContext);
		http.securityMatcher(server.getEndpointsMatcher())
				.with(server, s -> s
						.authorizationService(authorizations)
						.authorizationConsentService(new AskEveryTime())
						.tokenGenerator(tokens(keys, access, online))
						.authorizationEndpoint(a -> a.consentPage(ConsentPage.PATH).authenticationProviders(providers -> providers.forEach(p -> {
							if (p instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider request) {
								request.setAuthenticationValidator(c -> validRequest(c, access));
							}
							if (p instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
								consent.setAuthorizationConsentCustomizer(AuthorizationServerConfig::onlyGrantable);
							}
						})))
						.clientAuthentication(c -> c.authenticationConverter(new AssertionWithoutClientId()).authenticationProviders(providers -> providers.forEach(p -> {
							if (p instanceof JwtClientAssertionAuthenticationProvider assertion) {
								assertion.setJwtDecoderFactory(new ClientAssertions(jdbc));
							}
						})))
						.tokenEndpoint(t -> t.accessTokenResponseHandler(tokenResponse).authenticationProviders(providers -> providers.forEach(p -> {
							if (p instanceof OAuth2ClientCredentialsAuthenticationProvider credentials) {
								credentials.setAuthenticationValidator(c -> registeredFor(c.getRegisteredClient(),
										c.<OAuth2ClientCredentialsAuthenticationToken>getAuthentication().getScopes()));
							}
						})))
						.oidc(Customizer.withDefaults()))
				// before the authorization endpoint, which Spring places at the same spot, later
				.addFilterBefore(new LaunchChoice(), AbstractPreAuthenticatedProcessingFilter.class)
				.authorizeHttpRequests(a -> a.anyRequest().authenticated())
				.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(
						properties.getLogin().isConfigured() ? CountySignIn.START : "/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
				.oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()));
		return http.build();
	}

	/**
	 * Sign-in, the picker and the consent screen: a browser session. People sign in through the county's OpenID
	 * Connect provider when one is configured, else on the demo's page (which only demo mode has).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain signIn(HttpSecurity http, AuthorizationServerProperties properties) throws Exception {
		http.securityMatcher("/login", "/logout", PatientPicker.PATH, ConsentPage.PATH, "/oauth2/authorization/*", "/login/oauth2/code/*")
				.authorizeHttpRequests(a -> a.requestMatchers("/login").permitAll().anyRequest().authenticated());
		if (properties.getLogin().isConfigured()) {
			CountySignIn county = new CountySignIn(properties.getLogin());
			http.oauth2Login(o -> o.loginPage(CountySignIn.START).clientRegistrationRepository(county).successHandler(county));
		} else {
			http.formLogin(f -> f.loginPage("/login"));
		}
		return http.build();
	}

	private static OAuth2TokenGenerator<?> tokens(JWKSource<SecurityContext> keys, AccessProperties access, Duration online) {
		JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(keys));
		jwt.setJwtCustomizer(new SmartTokenClaims(access));
		return new DelegatingOAuth2TokenGenerator(jwt, new RefreshTokens(online));
	}

	/**
	 * Spring's checks of an authorization request, with SMART's: the {@code aud} parameter must name this FHIR server
	 * (a configured audience, else the FHIR base URL at the address the browser used); a resource scope is allowed
	 * when a registered one covers it; and a registered redirect URI that is a path is this server's own page at that
	 * address.
	 */
	private static void validRequest(OAuth2AuthorizationCodeRequestAuthenticationContext context, AccessProperties access) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		HttpServletRequest servlet = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		String asked = request.getRedirectUri();
		String origin = ServletUriComponentsBuilder.fromContextPath(servlet).replacePath(null).toUriString();
		boolean ownPage = asked != null && context.getRegisteredClient().getRedirectUris().stream()
				.anyMatch(r -> r.startsWith("/") && (origin + r).equals(asked));
		if (!ownPage) {
			OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.accept(context);
		}
		try {
			registeredFor(context.getRegisteredClient(), request.getScopes());
		} catch (OAuth2AuthenticationException e) {
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(e.getError(), request);
		}
		Object aud = request.getAdditionalParameters().get("aud");
		if (!(aud instanceof String named) || !TokenChecks.namesThisServer(named, access.getAudiences(), servlet)) {
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
					"aud must name this FHIR server: " + String.join(" or ", TokenChecks.thisServer(access.getAudiences(), servlet)),
					null), request);
		}
	}

	/** Refuses a scope that none of the client's registered scopes covers. */
	private static void registeredFor(RegisteredClient client, Set<String> asked) {
		for (String scope : asked) {
			if (client.getScopes().stream().noneMatch(r -> SmartScopes.covers(r, scope))) {
				throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE,
						"The client is not registered for the scope " + scope, null));
			}
		}
	}

	/** Refuses a consent that grants what the signed-in user may not (the screen never offers it). */
	private static void onlyGrantable(OAuth2AuthorizationConsentAuthenticationContext context) {
		OAuth2AuthorizationConsentAuthenticationToken consent = context.getAuthentication();
		Authentication user = (Authentication) consent.getPrincipal();
		SignedIn.Kind kind = SignedIn.kind(user).orElse(null);
		for (String scope : consent.getScopes()) {
			if (!"openid".equals(scope) && (kind == null || !ScopePolicy.userMayGrant(kind, scope))) {
				OAuth2AuthorizationRequest asked = context.getAuthorizationRequest();
				// answered to the app's redirect URI, as Spring answers a refused consent
				throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE,
						"The signed-in user may not grant " + scope, null), new OAuth2AuthorizationCodeRequestAuthenticationToken(
						asked.getAuthorizationUri(), asked.getClientId(), user, asked.getRedirectUri(), asked.getState(),
						asked.getScopes(), asked.getAdditionalParameters()));
			}
		}
	}

	/** Consent is asked at every launch and nothing is remembered between launches. */
	private static final class AskEveryTime implements OAuth2AuthorizationConsentService {

		@Override
		public void save(OAuth2AuthorizationConsent consent) {
			// not remembered: the next launch asks again
		}

		@Override
		public void remove(OAuth2AuthorizationConsent consent) {
			// nothing is kept
		}

		@Override
		public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
			return null;
		}
	}
}
