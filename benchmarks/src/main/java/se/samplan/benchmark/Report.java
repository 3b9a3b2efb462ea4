package se.samplan.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The results as a table, B (Samplan) over A (the peer) for each figure with its target of quality.md beside it,
 * written to {@code county-<persons>.md} with the raw medians in {@code county-<persons>.json}; growth (P5) when
 * the results of a county a tenth the size are there.
 */
final class Report {

	static final List<String> P1 = List.of("read", "plans of a person, _include", "open invitations of an organisation",
			"person by personnummer", "_content with å/ä/ö", "sip-phase", "sip-next-follow-up", "read, 16 clients");
	static final String SUMMARY = "$sip-summary, 16 clients";
	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final int persons;
	private final int rounds;
	private final int requests;
	private final Figures peer;
	private final Figures samplan;
	private final Figures delayed;
	private final Figures freshPeer;
	private final Figures postgres;
	private final Figures noClassArchive;
	private final boolean withPostgres;
	private final List<String> log;

	Report(int persons, int rounds, int requests, Map<Server.Kind, Figures> figures, List<String> log, boolean withPostgres) {
		this.persons = persons;
		this.rounds = rounds;
		this.requests = requests;
		this.peer = figures.getOrDefault(Server.Kind.PEER, new Figures());
		this.samplan = figures.getOrDefault(Server.Kind.SAMPLAN, new Figures());
		this.delayed = figures.getOrDefault(Server.Kind.SAMPLAN_WRITE_DELAY, new Figures());
		this.freshPeer = figures.getOrDefault(Server.Kind.PEER_FRESH_SEARCHES, new Figures());
		this.postgres = figures.getOrDefault(Server.Kind.SAMPLAN_POSTGRES, new Figures());
		this.noClassArchive = figures.getOrDefault(Server.Kind.SAMPLAN_NO_CLASS_ARCHIVE, new Figures());
		this.withPostgres = withPostgres;
		this.log = log;
	}

	String markdown(Path results) throws IOException {
		StringBuilder md = new StringBuilder();
		md.append("# Samplan against plain HAPI FHIR: a county of %,d persons\n\n".formatted(persons));
		md.append("""
				Run %s on %d cores, Java %s, with `./mvnw -B -Pbenchmark verify -Dbenchmark.persons=%d -Dbenchmark.rounds=%d -Dbenchmark.requests=%d%s`. A is the peer, a plain \
				HAPI FHIR 8.8.0 JPA server with its defaults on H2 + Lucene (full text on); B is Samplan with authentication, \
				access rules, audit log, rules and profile validation on. Each server in its own JVM on a fresh data folder, \
				the same county and the same seeded requests (%d measured per figure and round, after as many \
				unmeasured, at least %d at %d clients), %d rounds of A then B. Latencies in ms over all kept rounds.

				""".formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), persons, rounds,
				requests, withPostgres ? " -Dbenchmark.postgres=true" : "", requests, Round.LEAST_UNMEASURED, Round.CLIENTS, rounds));
		md.append("| id | figure | A median | A p95 | B median | B p95 | B/A median | B/A p95 | target | met |\n");
		md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
		for (String f : P1) {
			latency(md, "P1", f, peer.median(f), peer.p95(f), samplan.median(f), samplan.p95(f), 1.5);
		}
		latency(md, "P2", "workflow, 8 writes to an active plan (ms per plan)", peer.median("workflow"), peer.p95("workflow"),
				samplan.median("workflow"), samplan.p95("workflow"), 2.0);
		Double a = peer.value("load");
		Double b = samplan.value("load");
		row(md, "P3", "county load, resources/s (4 loaders)", a, null, b, null, ratio(b, a), null, "≥ 0.8×", met(ratio(b, a), 0.8, false));
		Double summaryRatio = ratio(samplan.p95(SUMMARY), samplan.p95("read, 16 clients"));
		row(md, "P4", "$sip-summary at 16 clients; B/A p95 is over B's read p95 at 16", null, null, samplan.median(SUMMARY),
				samplan.p95(SUMMARY), null, summaryRatio, "≤ 3× B's read", met(summaryRatio, 3.0, true));
		growth(md, results);
		for (String[] v : new String[][] {{"startup", "start-up to ready (ms)"}, {"rss", "resident memory after the load (MiB)"},
				{"heap", "heap after a full GC, after the load (MiB)"}}) {
			Double pa = peer.value(v[0]);
			Double pb = samplan.value(v[0]);
			row(md, "P6", v[1], pa, null, pb, null, ratio(pb, pa), null, "≤ 1.3×", met(ratio(pb, pa), 1.3, true));
		}
		md.append("\nB starts as its image runs it, with the class data archive the image makes (docker/class-archive.sh); "
				+ "without it B is ready in %s ms, %s of A.\n".formatted(fmt(noClassArchive.value("startup")),
				fmtRatio(ratio(noClassArchive.value("startup"), peer.value("startup")))));
		md.append("\nWhat durability costs: plain creates of persons by 16 clients for 10 s, creates/s: A %s, B %s, "
				.formatted(fmt(peer.value("creates")), fmt(samplan.value("creates"))));
		md.append("B on H2's default write delay (acknowledged writes lost on a crash) %s, so B's durable writes run at %s of it.\n"
				.formatted(fmt(delayed.value("creates")), fmtRatio(ratio(samplan.value("creates"), delayed.value("creates")))));
		searchCache(md);
		if (withPostgres) {
			onPostgres(md);
		}
		md.append("\nRounds (a round is void when other processes used more than the set share of a core):\n\n");
		log.forEach(l -> md.append("- ").append(l).append('\n'));
		return md.toString();
	}

	void write(Path results) throws IOException {
		Files.createDirectories(results);
		Files.writeString(results.resolve(name() + ".md"), markdown(results));
		Map<String, Object> raw = new LinkedHashMap<>();
		raw.put("persons", persons);
		raw.put("date", LocalDate.now().toString());
		for (Map.Entry<String, Figures> e : Map.of("peer", peer, "samplan", samplan, "samplan-write-delay", delayed, "peer-fresh-searches", freshPeer,
				"samplan-postgres", postgres, "samplan-no-class-archive", noClassArchive).entrySet()) {
			Map<String, Object> server = new LinkedHashMap<>();
			Map<String, Object> medians = new LinkedHashMap<>();
			Map<String, Object> p95 = new LinkedHashMap<>();
			e.getValue().samples.keySet().forEach(f -> {
				medians.put(f, e.getValue().median(f));
				p95.put(f, e.getValue().p95(f));
			});
			Map<String, Object> values = new LinkedHashMap<>();
			e.getValue().values.keySet().forEach(f -> values.put(f, e.getValue().value(f)));
			server.put("median", medians);
			server.put("p95", p95);
			server.put("values", values);
			raw.put(e.getKey(), server);
		}
		JSON.writeValue(results.resolve(name() + ".json").toFile(), raw);
	}

	private String name() {
		return "county-" + persons + (withPostgres ? "-postgres" : "");
	}

	/** Samplan on PostgreSQL (B') beside Samplan on H2 (B) and the peer on H2 (A). */
	private void onPostgres(StringBuilder md) {
		md.append("""

				Samplan on PostgreSQL 15: B' is B on a fresh PostgreSQL database with PostgreSQL's default settings (fsync \
				and synchronous commits on; the `postgres` profile, HAPI's schema by its migrator), on the same machine, the \
				same county and requests; its CPU time counts as the server's:

				| figure | A median | B median | B' median | B' p95 | B'/B median | B'/A median |
				| --- | ---: | ---: | ---: | ---: | ---: | ---: |
				""");
		for (String f : Stream.concat(P1.stream(), Stream.of(SUMMARY, "workflow")).toList()) {
			md.append("| %s | %s | %s | %s | %s | %s | %s |\n".formatted(f, fmt(peer.median(f)), fmt(samplan.median(f)),
					fmt(postgres.median(f)), fmt(postgres.p95(f)), fmtRatio(ratio(postgres.median(f), samplan.median(f))),
					fmtRatio(ratio(postgres.median(f), peer.median(f)))));
		}
		for (String[] v : new String[][] {{"load", "county load, resources/s"}, {"startup", "start-up to ready (ms)"},
				{"rss", "resident memory after the load (MiB)"}, {"creates", "plain creates by 16 clients, creates/s"}}) {
			md.append("| %s | %s | %s | %s |  | %s | %s |\n".formatted(v[1], fmt(peer.value(v[0])), fmt(samplan.value(v[0])),
					fmt(postgres.value(v[0])), fmtRatio(ratio(postgres.value(v[0]), samplan.value(v[0]))),
					fmtRatio(ratio(postgres.value(v[0]), peer.value(v[0])))));
		}
	}

	/**
	 * What HAPI's reuse of search results (60 s by default) gives the peer: Samplan never reuses them (a client must see
	 * its own writes at once), so the same searches on the peer with reuse off (A'), beside A and B.
	 */
	private void searchCache(StringBuilder md) {
		md.append("""

				What the search cache gives the peer: HAPI reuses the results of an identical search for 60 s by default, \
				Samplan never (a client sees its own writes at once). A' is the peer with that reuse off, the same county \
				and sequential requests:

				| figure | A median | A' median | B median | B/A' median | B/A' p95 |
				| --- | ---: | ---: | ---: | ---: | ---: |
				""");
		for (String f : P1.stream().filter(f -> !f.contains("16 clients")).toList()) {
			md.append("| %s | %s | %s | %s | %s | %s |\n".formatted(f, fmt(peer.median(f)), fmt(freshPeer.median(f)),
					fmt(samplan.median(f)), fmtRatio(ratio(samplan.median(f), freshPeer.median(f))),
					fmtRatio(ratio(samplan.p95(f), freshPeer.p95(f)))));
		}
	}

	/** P5: Samplan's medians here over those of the county a tenth the size, when its results are there. */
	private void growth(StringBuilder md, Path results) throws IOException {
		Path smaller = results.resolve("county-" + persons / 10 + ".json");
		if (!Files.isRegularFile(smaller)) {
			return;
		}
		JsonNode before = JSON.readTree(smaller.toFile()).path("samplan").path("median");
		for (String f : Stream.concat(P1.stream(), Stream.of(SUMMARY)).toList()) {
			Double was = before.has(f) ? before.get(f).asDouble() : null;
			Double now = samplan.median(f);
			row(md, "P5", f + ": B median at %,d over %,d persons".formatted(persons, persons / 10), was, null, now, null, ratio(now, was),
					null, "≤ 1.3×", met(ratio(now, was), 1.3, true));
		}
	}

	private static void latency(StringBuilder md, String id, String figure, Double am, Double ap, Double bm, Double bp, double target) {
		Double rm = ratio(bm, am);
		Double rp = ratio(bp, ap);
		row(md, id, figure, am, ap, bm, bp, rm, rp, "≤ " + target + "×",
				rm == null || rp == null ? "" : rm <= target && rp <= target ? "yes" : "no");
	}

	private static void row(StringBuilder md, String id, String figure, Double am, Double ap, Double bm, Double bp, Double rm, Double rp,
			String target, String met) {
		md.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n".formatted(id, figure, fmt(am), fmt(ap), fmt(bm), fmt(bp),
				fmtRatio(rm), fmtRatio(rp), target, met));
	}

	private static String met(Double ratio, double target, boolean atMost) {
		return ratio == null ? "" : (atMost ? ratio <= target : ratio >= target) ? "yes" : "no";
	}

	private static Double ratio(Double b, Double a) {
		return a == null || b == null || a == 0 ? null : b / a;
	}

	private static String fmt(Double v) {
		return v == null ? "" : v >= 100 ? "%.0f".formatted(v) : "%.2f".formatted(v);
	}

	private static String fmtRatio(Double r) {
		return r == null ? "" : "%.2f×".formatted(r);
	}
}
