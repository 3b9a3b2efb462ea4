package se.samplan.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who makes a request: on Samplan, a token from the county's identity provider ({@link Issuer}) for that party (a
 * person, a member of staff, an organisation's backend client, the operator), made once and outside any timing; the
 * peer takes no token.
 */
final class Parties {

	private final Server server;
	private final Issuer issuer;
	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	Parties(Server server, Issuer issuer) {
		this.server = server;
		this.issuer = issuer;
	}

	String token(String user) {
		if (server.kind.peer()) {
			return null;
		}
		return tokens.computeIfAbsent(user, issuer::token);
	}
}
