package se.samplan.server.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The server's clock in a test: the real time, moved on by the test. */
final class MovableClock extends Clock {

	private final ZoneId zone = ZoneId.of("Europe/Stockholm");
	private volatile Duration ahead = Duration.ZERO;

	void moveTo(Instant instant) {
		ahead = Duration.between(Instant.now(), instant);
	}

	void moveBy(Duration duration) {
		ahead = ahead.plus(duration);
	}

	void reset() {
		ahead = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		throw new UnsupportedOperationException("the server's clock keeps the county's zone");
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(ahead);
	}
}
