package se.samplan.scaleout;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM the test starts (a Samplan node, the OpenSearch node), its output in a log file, killed at the end. */
final class ChildProcess implements AutoCloseable {

	final String name;
	final Path log;
	private final Process process;

	private ChildProcess(String name, Path log, Process process) {
		this.name = name;
		this.log = log;
		this.process = process;
	}

	static ChildProcess java(String name, Path folder, List<String> arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(arguments);
		Path log = folder.resolve(name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// never outlives the test JVM, however the test ends
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return new ChildProcess(name, log, process);
	}

	boolean alive() {
		return process.isAlive();
	}

	String output() {
		try {
			return Files.readString(log);
		} catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	/** Stops it as a service manager does (SIGTERM, then the graceful shutdown), killing it after 30 s. */
	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
