package se.samplan.server.hapi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A write-ahead journal on the node's own disk, of lines: what is written to it before an answer leaves and made
 * durable elsewhere after, in bulk (the audit log's events, stored in the database many requests in one commit;
 * the resources whose full-text index entries are not committed yet). A write that returned is in the operating
 * system's hands and survives the process being killed (as a commit of the embedded database does: H2 does not
 * force its file to disk at a commit either). The journal is kept in segments; a segment is deleted once what it
 * holds is durable where it goes. Each node locks the segments it writes, so a node starting beside a running one
 * recovers only what a stopped node left.
 */
public final class Journal implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Journal.class);
	private static final String SUFFIX = ".journal";

	/** A segment: its file, open and locked by this node. */
	public record Segment(Path path, FileChannel channel, FileLock lock) {}

	/** A segment a stopped node left: what it holds, one line per entry. */
	public record Left(Segment segment, List<String> lines) {}

	private final Path dir;
	private final String node = UUID.randomUUID().toString();
	private long written;
	private Segment current;

	public Journal(Path dir) {
		this.dir = dir;
		try {
			Files.createDirectories(dir);
		} catch (IOException e) {
			throw new UncheckedIOException("The journal's folder " + dir + " cannot be made", e);
		}
	}

	/** The segments no running node holds, oldest first (their names begin with when they were begun). */
	public List<Left> leftOver() {
		List<Left> left = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path path : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
				Segment segment = open(path, false);
				if (segment != null) {
					String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
					// A line cut short was never answered (its write had not returned): it is dropped.
					List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
					if (!text.isEmpty() && !text.endsWith("\n")) {
						lines = lines.subList(0, lines.size() - 1);
					}
					left.add(new Left(segment, lines));
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException("The journal " + dir + " cannot be read", e);
		}
		return left;
	}

	/**
	 * Appends the lines to the current segment, which it returns, once the operating system holds them. Not
	 * thread-safe.
	 */
	public Segment write(byte[] lines) {
		try {
			if (current == null) {
				current = open(dir.resolve(String.format("%016d-%s-%d%s", System.currentTimeMillis(), node, ++written, SUFFIX)), true);
			}
			ByteBuffer buffer = ByteBuffer.wrap(lines);
			while (buffer.hasRemaining()) {
				current.channel().write(buffer);
			}
			return current;
		} catch (IOException e) {
			throw new UncheckedIOException("The journal " + dir + " cannot be written", e);
		}
	}

	/** The segment written since the last rotation (null if none); what follows goes to a new one. Not thread-safe. */
	public Segment rotate() {
		Segment done = current;
		current = null;
		return done;
	}

	/** Deletes a segment whose lines are durable where they go. */
	public void delete(Segment segment) {
		try {
			close(segment);
			Files.deleteIfExists(segment.path());
		} catch (IOException e) {
			// Left behind, its lines are recovered again at a start, and found there already.
			log.warn("Journal segment {} not deleted: {}", segment.path(), e.getMessage());
		}
	}

	/** Lets go of a segment whose lines are not durable where they go: the next start recovers it. */
	public void release(Segment segment) throws IOException {
		close(segment);
	}

	/** Lets go of the current segment, kept for the next start. */
	@Override
	public void close() throws IOException {
		if (current != null) {
			close(current);
			current = null;
		}
	}

	private static void close(Segment segment) throws IOException {
		if (segment.lock().isValid()) {
			segment.lock().release();
		}
		segment.channel().close();
	}

	/** The segment opened and locked, or null when another node (or this JVM's other server) holds it. */
	private static Segment open(Path path, boolean create) throws IOException {
		FileChannel channel = create
				? FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
				: FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
		try {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				return new Segment(path, channel, lock);
			}
		} catch (OverlappingFileLockException held) {
			// held by another server in this JVM
		}
		channel.close();
		if (create) {
			throw new IOException("The new journal segment " + path + " is locked by someone else");
		}
		return null;
	}
}
