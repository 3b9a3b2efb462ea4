package se.samplan.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The benchmark's client: plain HTTP/1.1 to a server's FHIR base, the same for every server. A request whose
 * answer is not what it should be stops the benchmark, since a refused or failed request timed as an answer
 * would make a server look fast.
 */
final class Http {

	record Answer(int status, String body, long nanos) {
		double millis() {
			return nanos / 1e6;
		}
	}

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10)).build();

	private final String root;

	Http(int port) {
		this.root = "http://localhost:" + port;
	}

	String root() {
		return root;
	}

	Answer get(String path, String token) {
		return send(request(path, token).GET(), 200);
	}

	Answer post(String path, String token, String json) {
		return send(request(path, token).header("Content-Type", "application/fhir+json").POST(body(json)), 200, 201);
	}

	Answer put(String path, String token, String json) {
		return send(request(path, token).header("Content-Type", "application/fhir+json").PUT(body(json)), 200, 201);
	}

	Answer patch(String path, String token, String jsonPatch) {
		return send(request(path, token).header("Content-Type", "application/json-patch+json")
				.method("PATCH", body(jsonPatch)), 200);
	}

	Answer form(String path, String form) {
		return send(HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(body(form)), 200);
	}

	/** The status of a GET, whatever it is (for waiting on a server); -1 when nothing answers. */
	int probe(String path) {
		try {
			return CLIENT.send(request(path, null).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding())
					.statusCode();
		} catch (IOException e) {
			return -1;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + "/fhir" + path)).timeout(Duration.ofMinutes(5))
				.header("Accept", "application/fhir+json");
		return token == null ? b : b.header("Authorization", "Bearer " + token);
	}

	private static HttpRequest.BodyPublisher body(String text) {
		return HttpRequest.BodyPublishers.ofString(text);
	}

	private static Answer send(HttpRequest.Builder request, int... expected) {
		HttpRequest built = request.build();
		try {
			long start = System.nanoTime();
			HttpResponse<String> r = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
			long took = System.nanoTime() - start;
			for (int status : expected) {
				if (r.statusCode() == status) {
					return new Answer(r.statusCode(), r.body(), took);
				}
			}
			throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + r.statusCode() + ": "
					+ r.body().substring(0, Math.min(2000, r.body().length())));
		} catch (IOException e) {
			throw new IllegalStateException(built.method() + " " + built.uri() + ": " + e, e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
