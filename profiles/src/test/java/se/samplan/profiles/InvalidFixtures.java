package se.samplan.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The negative fixtures under {@code invalid/}: resources with one defect each, and what a validator must
 * say about them ({@code invalid/expected-errors.csv}). Shared with the server's tests through the test jar.
 */
public final class InvalidFixtures {

	/** One row of expected-errors.csv. */
	public record Expectation(String file, String profile, String message, String expression) {
		public String json() {
			return read(file);
		}

		@Override
		public String toString() {
			return file;
		}
	}

	private InvalidFixtures() {}

	public static List<Expectation> expectations() {
		return read("expected-errors.csv").lines().skip(1).filter(l -> !l.isBlank())
				.map(l -> l.split(";"))
				.map(c -> new Expectation(c[0], c[1], c[2], c[3]))
				.toList();
	}

	static String read(String file) {
		try (InputStream in = InvalidFixtures.class.getResourceAsStream("/invalid/" + file)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException | NullPointerException e) {
			throw new UncheckedIOException(new IOException("No fixture invalid/" + file, e));
		}
	}
}
