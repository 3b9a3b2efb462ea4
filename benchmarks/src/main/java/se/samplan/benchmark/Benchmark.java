package se.samplan.benchmark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Samplan against the peer: rounds of A (the peer) then B (Samplan), each server in its own JVM on a fresh
 * data folder with the same county and the same seeded requests, then Samplan on H2's write delay for the
 * cost of durability, and the peer without its reuse of search results for what that cache gives it. A round
 * during which other processes used the machine is done again, and is never reported. Prints the table of {@link Report} and writes it with the raw figures to the results folder.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, description = "Samplan against a plain HAPI FHIR JPA server.")
public final class Benchmark implements Callable<Integer> {

	@Option(names = "--samplan-jar", required = true, description = "Samplan's runnable jar (fhir-server/target/fhir-server-*.jar)")
	Path samplanJar;
	@Option(names = "--persons", defaultValue = "1000", description = "persons in the county (1000, 10000, 100000)")
	int persons;
	@Option(names = "--class-archive-script", required = true, description = "docker/class-archive.sh, which makes Samplan's class data archive as its image does")
	Path classArchiveScript;
	@Option(names = "--rounds", defaultValue = "2", description = "rounds of A B")
	int rounds;
	@Option(names = "--requests", defaultValue = "400", description = "measured requests per figure and round")
	int requests;
	@Option(names = "--workflows", defaultValue = "20", description = "plans taken through the workflow per round")
	int workflows;
	@Option(names = "--seed", defaultValue = "2026")
	long seed;
	@Option(names = "--max-other-cores", defaultValue = "0.15", description = "other processes' share of a core that makes a round void")
	double maxOtherCores;
	@Option(names = "--attempts", defaultValue = "3", description = "tries per round before giving up on it")
	int attempts;
	@Option(names = "--postgres", arity = "0..1", description = "also Samplan on PostgreSQL in each round; results in county-<persons>-postgres.*")
	boolean postgres;
	@Option(names = "--profile", description = "a folder for a Java Flight Recording of Samplan (B, on H2) in each round, "
			+ "to see where its time goes (jfr print --events jdk.ExecutionSample)")
	Path profile;
	@Option(names = "--results", defaultValue = "benchmarks/results", description = "folder for county-<persons>.md and .json")
	Path results;

	public static void main(String[] args) {
		System.exit(new CommandLine(new Benchmark()).execute(args));
	}

	@Override
	public Integer call() throws Exception {
		if (!Files.isRegularFile(samplanJar)) {
			System.err.println("No Samplan jar at " + samplanJar + "; build it first (./mvnw -B -DskipTests package).");
			return 2;
		}
		Path samplan = extracted(samplanJar);
		Path classArchive = classArchive(samplan);
		Map<Server.Kind, Figures> all = new EnumMap<>(Server.Kind.class);
		List<String> log = new ArrayList<>();
		try {
			for (int r = 1; r <= rounds; r++) {
				for (Server.Kind kind : kinds()) {
					Figures round = quietRound(kind, samplan, classArchive, r, log);
					if (round != null) {
						all.computeIfAbsent(kind, k -> new Figures()).addAll(round);
					}
				}
			}
		} finally {
			deleteTree(samplan.getParent());
		}
		Report report = new Report(persons, rounds, requests, all, log, postgres);
		System.out.println(report.markdown(results));
		report.write(results);
		return all.size() == kinds().size() ? 0 : 1;
	}

	private List<Server.Kind> kinds() {
		return Arrays.stream(Server.Kind.values()).filter(k -> postgres || k != Server.Kind.SAMPLAN_POSTGRES).toList();
	}

	/**
	 * Samplan as a county runs it: Spring Boot's extracted layout (the application jar beside its libraries, what the
	 * container image runs), so its classes load as the peer's do, from plain jars on a class path.
	 */
	private static Path extracted(Path jar) throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("samplan-extracted-");
		Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", dir.toString())
				.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		if (extract.waitFor() != 0) {
			throw new IllegalStateException("Extracting " + jar + " failed");
		}
		return dir.resolve(jar.getFileName());
	}

	/** Samplan's class data archive, made as the image makes it (a training run, then the JVM's dump); not timed. */
	private Path classArchive(Path samplan) throws IOException, InterruptedException {
		Path archive = samplan.resolveSibling("samplan.jsa");
		Process make = new ProcessBuilder("bash", classArchiveScript.toString(), samplan.toString(), archive.toString())
				.inheritIO().start();
		if (make.waitFor() != 0) {
			throw new IllegalStateException("Making Samplan's class data archive failed");
		}
		return archive;
	}

	/** Where Samplan's flight recording of the round goes, when one is asked for. */
	private Path recording(Server.Kind kind, int round) throws IOException {
		if (profile == null || profile.toString().isEmpty() || kind != Server.Kind.SAMPLAN) {
			return null;
		}
		Files.createDirectories(profile);
		return profile.toAbsolutePath().resolve("samplan-" + persons + "-round-" + round + ".jfr");
	}

	/** The round's figures, or null when every attempt found the machine busy. */
	private Figures quietRound(Server.Kind kind, Path samplan, Path classArchive, int round, List<String> log) throws Exception {
		for (int attempt = 1; attempt <= attempts; attempt++) {
			Path data = Files.createTempDirectory("samplan-benchmark-");
			Figures figures;
			double other;
			// From before the start, so a busy machine voids the start-up figure too; the server's time counts as its own.
			Machine.Sample from = Machine.sample(List.of());
			try (Issuer issuer = new Issuer(); Server server = Server.start(kind, samplan, classArchive, data, issuer, recording(kind, round))) {
				Round work = new Round(server, issuer, seed);
				figures = switch (kind) {
					case SAMPLAN_WRITE_DELAY -> work.createsOnly();
					case PEER_FRESH_SEARCHES -> work.sequentialOnly(persons, requests);
					case SAMPLAN_NO_CLASS_ARCHIVE -> work.startOnly();
					default -> work.county(persons, requests, workflows); // the peer, Samplan on H2 and on PostgreSQL
				};
				other = Machine.otherCores(from, Machine.sample(server.processes()));
			}
			String line = "round %d, %s, attempt %d: other processes used %.2f of a core".formatted(round, kind.label, attempt, other);
			if (other <= maxOtherCores) {
				System.out.println(line + "; kept");
				log.add(line + "; kept");
				deleteTree(data);
				return figures;
			}
			System.out.println(line + "; void, the machine was busy");
			log.add(line + "; void, the machine was busy");
			deleteTree(data);
		}
		return null;
	}

	private static void deleteTree(Path dir) throws IOException {
		try (var paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
