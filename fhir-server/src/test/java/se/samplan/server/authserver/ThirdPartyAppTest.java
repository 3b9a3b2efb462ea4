package se.samplan.server.authserver;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samplan.server.Chromium;
import se.samplan.server.ServerTestBase;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A third-party app connects with nothing but the FHIR base URL and its client id and secret, written with a standard
 * OAuth 2.0 / OpenID Connect library (Nimbus OAuth 2.0 SDK) and listening for its redirect on a loopback port; its user
 * signs in, picks and consents in a real browser (Chromium). Discovery, authorization with PKCE, the code for tokens
 * (the ID token validated by the library), a FHIR read for the launch's patient, refresh, introspection and
 * revocation, after which the token is refused.
 */
@Tag("R13")
@Tag("above-storage")
class ThirdPartyAppTest extends ServerTestBase {

	private static final ClientID CLIENT = new ClientID("demo-web-app");
	private static final ClientAuthentication SECRET = new ClientSecretBasic(CLIENT, new Secret("demo-secret"));

	@TempDir
	Path profile;
	private WebDriver browser;
	private HttpServer app;
	private final CompletableFuture<URI> redirect = new CompletableFuture<>();

	@BeforeEach
	void start() throws Exception {
		browser = Chromium.start(profile);
		app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		app.createContext("/callback", exchange -> {
			redirect.complete(URI.create("http://127.0.0.1" + exchange.getRequestURI()));
			byte[] page = "<html lang=\"sv\"><body>Klart, du kan stänga fönstret.</body></html>".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		app.start();
	}

	@AfterEach
	void stop() {
		browser.quit();
		app.stop(0);
	}

	@Test
	void anAppConnectsWithItsBaseUrlAndClientIdAlone() throws Exception {
		HttpResponse<String> smart = send(HttpRequest.newBuilder(URI.create(fhirBase() + "/.well-known/smart-configuration")).GET().build());
		AuthorizationServerMetadata server = AuthorizationServerMetadata.parse(smart.body());

		URI callback = URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/callback");
		CodeVerifier verifier = new CodeVerifier();
		State state = new State();
		AuthorizationRequest authorize = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), CLIENT)
				.endpointURI(server.getAuthorizationEndpointURI()).redirectionURI(callback).state(state)
				.scope(new Scope("openid", "fhirUser", "launch/patient", "offline_access", "patient/*.rs"))
				.codeChallenge(verifier, CodeChallengeMethod.S256).customParameter("aud", fhirBase()).build();

		// The user, in the browser the app sent them to.
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.get(authorize.toURI().toString());
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[name='username'][value='193804129827']"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[name='fhirUser'][value='Patient/sip1-patient']"))).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Demowebbappen"));
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.primary"))).click();

		// The app, on its loopback port.
		AuthorizationResponse answer = AuthorizationResponse.parse(redirect.get(30, TimeUnit.SECONDS));
		assertThat(answer.indicatesSuccess()).isTrue();
		assertThat(answer.getState()).isEqualTo(state);
		AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();
		TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(server.getTokenEndpointURI(), SECRET,
				new AuthorizationCodeGrant(code, callback, verifier)).toHTTPRequest().send());
		assertThat(tokens.indicatesSuccess()).as(tokens.toString()).isTrue();
		OIDCTokenResponse ok = (OIDCTokenResponse) tokens.toSuccessResponse();
		assertThat(ok.getCustomParameters()).containsEntry("patient", "sip1-patient");
		IDTokenClaimsSet identity = new IDTokenValidator(new Issuer(server.getIssuer()), CLIENT, JWSAlgorithm.RS256,
				server.getJWKSetURI().toURL()).validate(ok.getOIDCTokens().getIDToken(), null);
		assertThat(identity.getStringClaim("fhirUser")).isEqualTo("Patient/sip1-patient");
		AccessToken access = ok.getOIDCTokens().getAccessToken();
		assertThat(read("/Patient/sip1-patient", access).statusCode()).isEqualTo(200);

		RefreshToken refresh = ok.getOIDCTokens().getRefreshToken();
		assertThat(refresh).as("offline_access granted to a confidential app").isNotNull();
		TokenResponse renewed = TokenResponse.parse(new TokenRequest(server.getTokenEndpointURI(), SECRET,
				new RefreshTokenGrant(refresh)).toHTTPRequest().send());
		assertThat(renewed.indicatesSuccess()).isTrue();
		AccessToken second = renewed.toSuccessResponse().getTokens().getAccessToken();
		assertThat(read("/Patient/sip1-patient", second).statusCode()).isEqualTo(200);

		assertThat(introspect(server, second)).isTrue();
		assertThat(new TokenRevocationRequest(server.getRevocationEndpointURI(), SECRET, second).toHTTPRequest().send()
				.getStatusCode()).isEqualTo(200);
		assertThat(introspect(server, second)).isFalse();
		assertThat(read("/Patient/sip1-patient", second).statusCode()).isEqualTo(401);
	}

	private boolean introspect(AuthorizationServerMetadata server, AccessToken token) throws Exception {
		return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(server.getIntrospectionEndpointURI(), SECRET, token)
				.toHTTPRequest().send()).toSuccessResponse().isActive();
	}

	private HttpResponse<String> read(String path, AccessToken token) {
		return send(HttpRequest.newBuilder(URI.create(fhirBase() + path)).header("Authorization", "Bearer " + token.getValue())
				.header("Accept", "application/fhir+json").GET().build());
	}
}
