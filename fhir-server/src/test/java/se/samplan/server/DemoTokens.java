package se.samplan.server;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens from a running demo server's issuer, {@code POST /auth/token}, as a client gets them. */
public final class DemoTokens {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private DemoTokens() {}

	/** A token for the demo user, with the default scopes or only these. */
	public static String request(String port, String demoUser, String scope) {
		String form = "user=" + URLEncoder.encode(demoUser, StandardCharsets.UTF_8)
				+ (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
		try {
			HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
			return new ObjectMapper().readTree(r.body()).get("access_token").asText();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
