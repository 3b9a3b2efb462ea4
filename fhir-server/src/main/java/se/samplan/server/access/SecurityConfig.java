package se.samplan.server.access;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.AntPathMatcher;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Every request needs a valid bearer JWT except the open endpoints of access.md: the CapabilityStatement,
 * SMART discovery, the IG site and package, health, the portal's static page, the API description and,
 * in demo mode, the demo issuer. The token's signature is checked against the issuer's keys
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}; the demo profile's
 * own keys), what it claims by {@link TokenChecks}, then by any further checks other features add (the built-in
 * authorization server's: not revoked); a missing or bad token gets 401 with an OperationOutcome saying what was
 * wrong with it.
 */
@Configuration
class SecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

	private static final AntPathMatcher PATHS = new AntPathMatcher();
	static final String[] OPEN = {
		"/fhir/metadata", "/fhir/.well-known/**", "/.well-known/**", "/ig/**", "/actuator/health/**",
		"/portal/**", "/fhir/swagger-ui/**", "/fhir/api-docs", "/auth/**", "/error", "/favicon.ico"
	};

	@Bean
	SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> decoders, ObjectProvider<OAuth2TokenValidator<Jwt>> more,
			FhirContext ctx, AccessProperties properties,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri,
			@Value("${samplan.authorization-server.enabled:false}") boolean ownAuthorizationServer) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		if (!properties.isEnabled()) {
			log.error("ACCESS CONTROL AND AUDIT ARE OFF (samplan.access.enabled=false): every request is served "
					+ "unchecked and unlogged. This setting is for measuring their cost only; never use it with real data.");
			return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
		}
		JwtDecoder decoder = decoders.getIfAvailable();
		if (decoder == null) {
			throw new IllegalStateException("No token issuer configured: set spring.security.oauth2.resourceserver.jwt.issuer-uri "
					+ "or .jwk-set-uri, or start with --spring.profiles.active=demo for the built-in demo issuer.");
		}
		String issuer = properties.getIssuer() != null && !properties.getIssuer().isBlank() ? properties.getIssuer() : issuerUri;
		if (issuer.isBlank() && !ownAuthorizationServer) {
			throw new IllegalStateException("No token issuer named: set samplan.access.issuer to the iss of the tokens to accept "
					+ "(or spring.security.oauth2.resourceserver.jwt.issuer-uri).");
		}
		if (decoder instanceof NimbusJwtDecoder nimbus) {
			// Its own claim checks would hold the clock skew at Spring's 60 s; the claims are TokenChecks' to check.
			nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
		}
		JwtDecoder claims = new TokenChecks(new RememberedTokens(decoder), issuer.isBlank() ? null : issuer, properties.getAudiences(),
				properties.getClockSkew());
		List<OAuth2TokenValidator<Jwt>> validators = more.orderedStream().toList();
		OAuth2TokenValidator<Jwt> further = new DelegatingOAuth2TokenValidator<>(validators);
		JwtDecoder checked = validators.isEmpty() ? claims : token -> {
			Jwt jwt = claims.decode(token);
			OAuth2TokenValidatorResult result = further.validate(jwt);
			if (result.hasErrors()) {
				throw new TokenChecks.RefusedToken("Inloggningen gäller inte längre. Logga in igen.",
						result.getErrors().iterator().next().getDescription());
			}
			return jwt;
		};
		AuthenticationEntryPoint unauthorized = (request, response, e) -> {
			new BearerTokenAuthenticationEntryPoint().commence(request, response, e);
			TokenChecks.RefusedToken refused = refusedToken(e);
			writeOutcome(ctx, response, refused != null ? refused.swedish() : "Logga in: anropet kräver en giltig åtkomsttoken.",
					"A valid bearer token is required (" + e.getMessage() + ").");
		};
		http.authorizeHttpRequests(a -> a
						.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
						.requestMatchers(SecurityConfig::isOpen).permitAll()
						.requestMatchers("/actuator/prometheus").hasAuthority("SCOPE_" + SmartScopes.ADMIN)
						.anyRequest().authenticated())
				.oauth2ResourceServer(o -> o.bearerTokenResolver(new BearerHeader()).jwt(j -> j.decoder(checked))
						.authenticationEntryPoint(unauthorized))
				.exceptionHandling(e -> e.authenticationEntryPoint(unauthorized));
		return http.build();
	}

	private static TokenChecks.RefusedToken refusedToken(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof TokenChecks.RefusedToken refused) {
				return refused;
			}
		}
		return null;
	}

	/**
	 * Spring Security's own observations (a span and timer around each of its filters, authentications and
	 * authorisations) cost a read a tenth of its time; the server's request metrics and traces stay.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring's strict firewall, with its check of header values as a loop instead of its regular expression: that ran
	 * over the kilobyte of the bearer token at every look at a header (Spring Security's, HAPI's), a tenth of a
	 * read. The same values pass: assigned characters, no control characters but the tab.
	 */
	@Bean
	WebSecurityCustomizer firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderValues(SecurityConfig::allowedHeaderValue);
		return web -> web.httpFirewall(firewall);
	}

	static boolean allowedHeaderValue(String value) {
		for (int i = 0; i < value.length(); ) {
			int c = value.codePointAt(i);
			if (!Character.isDefined(c) || Character.isISOControl(c) && c != '\t') {
				return false;
			}
			i += Character.charCount(c);
		}
		return true;
	}

	/** On the whole path, whichever servlet serves it (the FHIR servlet's paths are not Spring MVC's). */
	static boolean isOpen(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return Arrays.stream(OPEN).anyMatch(pattern -> PATHS.match(pattern, path));
	}

	@Bean
	ServletRegistrationBean<SmartConfigurationServlet> smartConfiguration(AccessProperties properties,
			ObjectProvider<SmartAuthorizationServer> builtIn) {
		return new ServletRegistrationBean<>(new SmartConfigurationServlet(properties, builtIn.getIfAvailable()),
				"/fhir/.well-known/smart-configuration", "/.well-known/smart-configuration");
	}

	private static void writeOutcome(FhirContext ctx, HttpServletResponse response, String swedish, String english)
			throws java.io.IOException {
		OperationOutcome oo = new OperationOutcome();
		oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.LOGIN)
				.setDiagnostics(english).getDetails().setText(swedish);
		response.setContentType("application/fhir+json;charset=UTF-8");
		response.getOutputStream().write(ctx.newJsonParser().encodeResourceToString(oo).getBytes(StandardCharsets.UTF_8));
	}
}
