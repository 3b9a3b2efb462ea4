package se.samplan.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who makes a request: on Samplan, a token from the demo issuer for that party (a person, a member of staff, an
 * organisation's backend client, the operator), fetched once and outside any timing; the peer takes no token.
 */
final class Parties {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Server server;
	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	Parties(Server server) {
		this.server = server;
	}

	String token(String user) {
		if (server.kind == Server.Kind.PEER) {
			return null;
		}
		return tokens.computeIfAbsent(user, u -> {
			Http.Answer a = server.http.form("/auth/token", "user=" + URLEncoder.encode(u, StandardCharsets.UTF_8));
			try {
				return JSON.readTree(a.body()).get("access_token").asText();
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
		});
	}
}
