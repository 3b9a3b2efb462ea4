package se.samplan.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bearer tokens for the parties: given on the command line, or fetched once each from the token endpoint. */
final class Tokens {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private final KitSettings settings;
	private final HttpClient http;
	private final Map<String, Optional<String>> fetched = new ConcurrentHashMap<>();

	Tokens(KitSettings settings, HttpClient http) {
		this.settings = settings;
		this.http = http;
	}

	/** The token of {@code user} (a reference such as PractitionerRole/x, or operator), if the kit can have one. */
	Optional<String> of(String user) {
		if (settings.tokens().containsKey(user)) {
			return Optional.of(settings.tokens().get(user));
		}
		if (settings.tokenEndpoint() != null) {
			return fetched.computeIfAbsent(user, this::fetch);
		}
		return Parties.INITIATOR.equals(user) ? Optional.ofNullable(settings.token()) : Optional.empty();
	}

	private Optional<String> fetch(String user) {
		HttpRequest request = HttpRequest.newBuilder(settings.tokenEndpoint())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
				.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher m = ACCESS_TOKEN.matcher(response.body());
			return response.statusCode() == 200 && m.find() ? Optional.of(m.group(1)) : Optional.empty();
		} catch (IOException e) {
			throw new IllegalStateException("Token endpoint " + settings.tokenEndpoint() + " unreachable: " + e.getMessage(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
