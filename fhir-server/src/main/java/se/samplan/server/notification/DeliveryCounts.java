package se.samplan.server.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How notifications went on this node since it started, per outcome and Subscription, as Micrometer counters
 * ({@code samplan.notifications}; Prometheus at {@code /actuator/prometheus}), and when each Subscription was last
 * sent anything (its heartbeat is due a period after that).
 */
@Component
class DeliveryCounts {

	private final MeterRegistry registry;
	private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

	DeliveryCounts(MeterRegistry registry) {
		this.registry = registry;
	}

	void delivered(String subscription) {
		increment("delivered", subscription);
		sent(subscription);
	}

	/** Anything sent to the subscription's endpoint: an event, a handshake, a heartbeat. */
	void sent(String subscription) {
		lastSent.put(subscription, Instant.now());
	}

	/** When the subscription was last sent anything on this node, or when it is first asked. */
	Instant lastSent(String subscription) {
		return lastSent.computeIfAbsent(subscription, s -> Instant.now());
	}

	void withheld(String subscription) {
		increment("withheld", subscription);
	}

	void failed(String subscription) {
		increment("failed", subscription);
	}

	double count(String outcome, String subscription) {
		Counter counter = registry.find("samplan.notifications").tag("outcome", outcome).tag("subscription", subscription).counter();
		return counter == null ? 0 : counter.count();
	}

	private void increment(String outcome, String subscription) {
		registry.counter("samplan.notifications", "outcome", outcome, "subscription", subscription).increment();
	}
}
