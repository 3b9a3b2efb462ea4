package se.samplan.server.authserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SMART standalone launch against the built-in authorization server over plain HTTP: the user's browser (its own
 * cookies; redirects followed one by one, so each step can be checked) on the demo sign-in page, the picker and the
 * consent screen, and the app's PKCE, state and token requests.
 */
public final class SmartLaunch {

	/** The loopback redirect URI the demo's third-party apps are registered with (any port). */
	public static final String LOOPBACK = "http://127.0.0.1:9876/callback";
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final SecureRandom RANDOM = new SecureRandom();

	final String clientId;
	final String state = "s" + RANDOM.nextInt(1_000_000);
	private final String root;
	private final String fhirBase;
	private final String scope;
	private final String redirect;
	private final String secret;
	private final String verifier;
	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	private final HttpClient app = HttpClient.newHttpClient();

	/** A launch of a registered client: {@code secret} null for a public one. */
	public SmartLaunch(String root, String clientId, String secret, String redirect, String scope) {
		this.root = root;
		this.fhirBase = root + "/fhir";
		this.clientId = clientId;
		this.secret = secret;
		this.redirect = redirect;
		this.scope = scope;
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/**
	 * The access token of a launch of the portal client by a person signed in by personnummer, for {@code fhirUser};
	 * empty when the picker does not offer that user.
	 */
	public static Optional<String> portalToken(String root, String personnummer, String fhirUser) {
		try {
			SmartLaunch launch = new SmartLaunch(root, "samplan-portal", null, root + "/portal/", "openid fhirUser launch/patient "
					+ "patient/*.rs patient/AppointmentResponse.c patient/Goal.cu patient/Consent.u");
			String picker = launch.signIn(personnummer);
			if (!picker.contains("value=\"" + fhirUser + "\"")) {
				return Optional.empty();
			}
			return Optional.of(launch.token(launch.grant(launch.pick(picker, fhirUser))).get("access_token").asText());
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Whom the picker offers a person signed in by personnummer: the {@code fhirUser} of each choice. */
	public static List<String> offered(String root, String personnummer) {
		try {
			String picker = new SmartLaunch(root, "demo-app", null, LOOPBACK, "openid launch/patient patient/*.rs").signIn(personnummer);
			return Pattern.compile("name=\"fhirUser\" value=\"([^\"]+)\"").matcher(picker).results().map(m -> m.group(1)).toList();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	String authorizePath() {
		Map<String, String> q = new LinkedHashMap<>();
		q.put("response_type", "code");
		q.put("client_id", clientId);
		q.put("redirect_uri", redirect);
		q.put("scope", scope);
		q.put("state", state);
		q.put("aud", fhirBase);
		q.put("code_challenge", challenge());
		q.put("code_challenge_method", "S256");
		return "/oauth2/authorize?" + form(q);
	}

	/** Starts the launch, signs a person in on the demo page and returns the picker page. */
	String signIn(String who) throws IOException, InterruptedException {
		HttpResponse<String> again = signInOnDemoPage(who);
		assertThat(again.headers().firstValue("Location").orElseThrow()).contains("/auth/pick?return=");
		return follow(again).body();
	}

	/** Starts the launch, signs a member of staff in on the demo page and returns the consent page (no picker). */
	String signInStaff(String practitionerRole) throws IOException, InterruptedException {
		HttpResponse<String> again = signInOnDemoPage(practitionerRole);
		assertThat(again.headers().firstValue("Location").orElseThrow()).contains("/auth/consent");
		return follow(again).body();
	}

	/** The authorization request, the demo sign-in, and the authorization server's answer to the request replayed. */
	private HttpResponse<String> signInOnDemoPage(String who) throws IOException, InterruptedException {
		HttpResponse<String> authorize = open(root + authorizePath());
		assertThat(authorize.statusCode()).isEqualTo(302);
		assertThat(authorize.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		String page = open(root + "/login").body();
		assertThat(page).contains("Logga in", who);
		HttpResponse<String> again = follow(post("/login", Map.of("_csrf", csrf(page), "username", who, "password", "")));
		assertThat(again.statusCode()).isEqualTo(302);
		return again;
	}

	/**
	 * Starts the launch where people sign in at the county's identity provider: the browser follows every redirect
	 * (to the provider, which signs in whom the test named, back, and on) to the picker page, which is returned.
	 */
	String signInAtProvider() throws IOException, InterruptedException {
		HttpResponse<String> page = open(root + authorizePath());
		for (int hops = 0; page.statusCode() == 302 && hops < 10; hops++) {
			page = follow(page);
		}
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/auth/pick");
		return page.body();
	}

	/** Picks on the picker page and returns the consent page. */
	String pick(String picker, String fhirUser) throws IOException, InterruptedException {
		assertThat(picker).contains("value=\"" + fhirUser + "\"");
		HttpResponse<String> toConsent = follow(post("/auth/pick", Map.of("_csrf", csrf(picker), "return", authorizePath(), "fhirUser", fhirUser)));
		assertThat(toConsent.headers().firstValue("Location").orElseThrow()).contains("/auth/consent");
		return follow(toConsent).body();
	}

	/** Grants every scope offered on the consent page; returns the code the app gets back. */
	String grant(String consent) throws IOException, InterruptedException {
		Matcher offered = Pattern.compile("name=\"scope\" value=\"([^\"]+)\"").matcher(consent);
		StringBuilder form = new StringBuilder("client_id=" + enc(clientId) + "&state=" + enc(consentState(consent)));
		while (offered.find()) {
			form.append("&scope=").append(enc(offered.group(1)));
		}
		HttpResponse<String> granted = browser.send(HttpRequest.newBuilder(URI.create(root + "/oauth2/authorize"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
				HttpResponse.BodyHandlers.ofString());
		String location = granted.headers().firstValue("Location")
				.orElseThrow(() -> new AssertionError(granted.statusCode() + " " + granted.body()));
		assertThat(location).startsWith(redirect).contains("state=" + state);
		Matcher code = Pattern.compile("code=([^&]+)").matcher(location);
		assertThat(code.find()).isTrue();
		return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
	}

	/** The authorization server's own state of the consent, which the consent form sends back. */
	static String consentState(String consent) {
		Matcher m = Pattern.compile("name=\"state\" value=\"([^\"]+)\"").matcher(consent);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	JsonNode token(String code) throws IOException, InterruptedException {
		return tokenRequest(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect, "code_verifier", verifier));
	}

	JsonNode refresh(String refreshToken) throws IOException, InterruptedException {
		return tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
	}

	HttpResponse<String> revoke(String token) throws IOException, InterruptedException {
		return app.send(authenticated(HttpRequest.newBuilder(URI.create(root + "/oauth2/revoke")), Map.of("token", token)),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> open(String url) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> follow(HttpResponse<String> redirected) throws IOException, InterruptedException {
		assertThat(redirected.statusCode()).as(redirected.body()).isEqualTo(302);
		String location = redirected.headers().firstValue("Location").orElseThrow();
		return open(location.startsWith("/") ? root + location : location);
	}

	private JsonNode tokenRequest(Map<String, String> fields) throws IOException, InterruptedException {
		HttpResponse<String> r = app.send(authenticated(HttpRequest.newBuilder(URI.create(root + "/oauth2/token")), fields),
				HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return JSON.readTree(r.body());
	}

	/** A public client names itself in the form; a confidential one authenticates with its secret. */
	private HttpRequest authenticated(HttpRequest.Builder request, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		request.header("Content-Type", "application/x-www-form-urlencoded");
		if (secret == null) {
			all.put("client_id", clientId);
		} else {
			request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
		}
		return request.POST(HttpRequest.BodyPublishers.ofString(form(all))).build();
	}

	private String challenge() {
		try {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(
					MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
