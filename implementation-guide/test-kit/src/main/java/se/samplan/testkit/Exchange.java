package se.samplan.testkit;

import java.net.URI;

/** One request to the server and its response, kept so that a failing check can show both. */
public record Exchange(String method, URI uri, String user, String requestBody, int status, String responseBody) {

	private static final int SHOWN = 3000;

	/** The request and the response as a reader of the report wants them: method, URL, party, bodies (cut). */
	public String describe() {
		StringBuilder s = new StringBuilder();
		s.append("  request:  ").append(method).append(' ').append(uri).append(user == null ? "" : "  (as " + user + ")");
		if (requestBody != null && !requestBody.isEmpty()) {
			s.append("\n    ").append(cut(requestBody));
		}
		s.append("\n  response: ").append(status).append("\n    ").append(cut(responseBody));
		return s.toString();
	}

	private static String cut(String body) {
		String oneLine = body.replaceAll("\\s*\\n\\s*", " ");
		return oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + " ...";
	}
}
