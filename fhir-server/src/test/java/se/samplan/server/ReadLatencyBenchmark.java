package se.samplan.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What authentication, the access rules and the audit log cost on a simple repeated read: two servers
 * side by side in one run, on their own copies of the demo data, one as shipped and one with
 * {@code samplan.access.enabled=false}; the same client reads scenario 1's plan from each in alternating
 * rounds. Writes the medians, p95 and their ratio to {@code benchmarks/read-latency.md}. Not a unit test:
 * run with {@code ./mvnw -B -Pbenchmark verify -pl fhir-server} (after {@code ./mvnw -B install -DskipTests}).
 */
class ReadLatencyBenchmark {

	private static final int WARM_UP = 300;
	private static final int ROUNDS = 20;
	private static final int READS_PER_ROUND = 50;
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	Path secured;
	@TempDir
	Path open;

	record Target(String url, String token) {}

	@Test
	void readLatencyWithAndWithoutAuthAndAudit() throws Exception {
		try (ConfigurableApplicationContext a = start(secured, true); ConfigurableApplicationContext b = start(open, false)) {
			Target withAccess = target(a, DemoTokens.request(port(a), "PractitionerRole/sip1-role-distriktsskoterska", null));
			Target without = target(b, null);
			for (int i = 0; i < WARM_UP; i++) {
				read(withAccess);
				read(without);
			}
			List<Long> timesWith = new ArrayList<>();
			List<Long> timesWithout = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				for (int i = 0; i < READS_PER_ROUND; i++) {
					timesWith.add(read(withAccess));
				}
				for (int i = 0; i < READS_PER_ROUND; i++) {
					timesWithout.add(read(without));
				}
			}
			report(timesWith, timesWithout);
		}
	}

	private static long read(Target t) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(t.url())).header("Accept", "application/fhir+json");
		if (t.token() != null) {
			request.header("Authorization", "Bearer " + t.token());
		}
		long start = System.nanoTime();
		HttpResponse<String> r = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		long took = System.nanoTime() - start;
		assertThat(r.statusCode()).isEqualTo(200);
		return took;
	}

	private static Target target(ConfigurableApplicationContext server, String token) throws Exception {
		String base = "http://localhost:" + port(server) + "/fhir";
		HttpRequest.Builder search = HttpRequest.newBuilder(URI.create(base + "/CarePlan?subject=Patient/sip1-patient&_elements=id"));
		if (token != null) {
			search.header("Authorization", "Bearer " + token);
		}
		String body = HTTP.send(search.GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		String id = body.replaceAll("(?s).*\"resourceType\":\"CarePlan\",\"id\":\"([^\"]+)\".*", "$1");
		return new Target(base + "/CarePlan/" + id, token);
	}

	private static void report(List<Long> with, List<Long> without) throws IOException {
		double medianWith = percentile(with, 50);
		double medianWithout = percentile(without, 50);
		String table = String.format("""
				| server | reads | median (ms) | p95 (ms) |
				| --- | --- | --- | --- |
				| with auth (JWT), access rules and audit log | %d | %.2f | %.2f |
				| with samplan.access.enabled=false | %d | %.2f | %.2f |

				Ratio of medians: **%.2f×** (p95: %.2f×).
				""", with.size(), medianWith, percentile(with, 95), without.size(), medianWithout, percentile(without, 95),
				medianWith / medianWithout, percentile(with, 95) / percentile(without, 95));
		System.out.println(table);
		Path file = Path.of("..", "benchmarks", "read-latency.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "# Read latency with and without auth + audit\n\n"
				+ "`GET /fhir/CarePlan/{id}` of scenario 1's plan, one client, sequential; two servers side by side in "
				+ "one JVM, each on its own copy of the demo data; " + WARM_UP + " warm-up reads each, then " + ROUNDS
				+ " alternating rounds of " + READS_PER_ROUND + " reads. Run " + LocalDate.now() + " on "
				+ Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
				+ ", with `./mvnw -B -Pbenchmark verify -pl fhir-server`.\n\n" + table);
	}

	private static double percentile(List<Long> nanos, int p) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1_000_000.0;
	}

	private static ConfigurableApplicationContext start(Path data, boolean access) {
		return new SpringApplicationBuilder(SamplanApplication.class).profiles("demo")
				.run("--server.port=0", "--samplan.data-dir=" + data, "--spring.jmx.enabled=false",
						"--samplan.access.enabled=" + access, "--logging.level.root=WARN");
	}

	private static String port(ConfigurableApplicationContext server) {
		return server.getEnvironment().getProperty("local.server.port");
	}
}
