package se.samplan.server.hapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal on real files: what a stopped node wrote is found by the next start, oldest segment first; a
 * running node's segments are not taken from it; a line cut short (its write never returned, so never answered) is
 * dropped. That every answered request's AuditEvent survives {@code kill -9} is {@code CrashTest}'s.
 */
class JournalTest {

	@TempDir
	Path dir;

	@Test
	void whatAStoppedNodeWroteIsFoundInOrder() throws Exception {
		Journal stopped = new Journal(dir);
		stopped.write(bytes("{\"a\":1}\n{\"a\":2}\n"));
		stopped.release(stopped.rotate()); // handed to the database, which did not take it before the stop
		Thread.sleep(2);
		stopped.write(bytes("{\"a\":3}\n"));
		stopped.close();

		assertThat(new Journal(dir).leftOver()).extracting(Journal.Left::lines)
				.containsExactly(List.of("{\"a\":1}", "{\"a\":2}"), List.of("{\"a\":3}"));
	}

	@Test
	void aRunningNodesSegmentIsNotTaken() throws Exception {
		Journal running = new Journal(dir);
		running.write(bytes("{\"a\":1}\n"));

		assertThat(new Journal(dir).leftOver()).isEmpty();
		running.close();
		assertThat(new Journal(dir).leftOver()).hasSize(1);
	}

	@Test
	void aDeletedSegmentIsGoneAndALineCutShortIsDropped() throws Exception {
		Journal node = new Journal(dir);
		node.write(bytes("{\"a\":1}\n"));
		node.delete(node.rotate());
		node.write(bytes("{\"a\":2}\n"));
		node.close();
		try (var files = Files.list(dir)) {
			Files.writeString(files.findFirst().orElseThrow(), "{\"a\":", StandardOpenOption.APPEND);
		}

		assertThat(new Journal(dir).leftOver()).extracting(Journal.Left::lines)
				.containsExactly(List.of("{\"a\":2}"));
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
