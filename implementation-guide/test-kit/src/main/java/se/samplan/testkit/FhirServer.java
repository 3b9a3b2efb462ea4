package se.samplan.testkit;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The server under test, spoken to over plain HTTP as a given party. Each call returns the {@link Exchange},
 * so a failing check reports the request and the response; a party the kit has no token for skips the check.
 */
public final class FhirServer {

	public static final FhirContext FHIR = FhirContext.forR4Cached();

	private final URI base;
	private final HttpClient http;
	private final Tokens tokens;

	FhirServer(KitSettings settings) {
		this.base = settings.baseUrl();
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		this.tokens = new Tokens(settings, http);
	}

	public URI base() {
		return base;
	}

	public boolean hasToken(String user) {
		return tokens.of(user).isPresent();
	}

	/** Skips the running check unless the kit has a token for {@code user}. */
	public void requireToken(String user) {
		Assumptions.assumeTrue(hasToken(user),
				"no token for " + user + ": give --token-endpoint or --token-for " + user + "=JWT");
	}

	public Exchange get(String path, String user) {
		return send("GET", path, user, null, null);
	}

	/** GET without a token. */
	public Exchange getAnonymous(String path) {
		return send("GET", path, null, null, null);
	}

	public Exchange post(String path, String user, String json) {
		return send("POST", path, user, "application/fhir+json", json);
	}

	public Exchange post(String path, String user, IBaseResource resource) {
		return post(path, user, FHIR.newJsonParser().encodeResourceToString(resource));
	}

	public Exchange put(String path, String user, IBaseResource resource) {
		return send("PUT", path, user, "application/fhir+json", FHIR.newJsonParser().encodeResourceToString(resource));
	}

	/** A JSON Patch ({@code application/json-patch+json}). */
	public Exchange patch(String path, String user, String jsonPatch) {
		return send("PATCH", path, user, "application/json-patch+json", jsonPatch);
	}

	public Exchange delete(String path, String user) {
		return send("DELETE", path, user, null, null);
	}

	private Exchange send(String method, String path, String user, String contentType, String body) {
		URI uri = URI.create(base + (path.isEmpty() || path.startsWith("/") ? path : "/" + path));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
				.header("Accept", "application/fhir+json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (user != null) {
			requireToken(user);
			Optional<String> token = tokens.of(user);
			request.header("Authorization", "Bearer " + token.orElseThrow());
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Exchange(method, uri, user, body, response.statusCode(), response.body());
		} catch (IOException e) {
			throw new IllegalStateException(method + " " + uri + " failed: " + e.getMessage(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
