package se.samplan.server.notification;

import ca.uhn.fhir.jpa.subscription.match.registry.ActiveSubscription;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * The heartbeat of the Subscriptions R5 Backport: a topic-based Subscription with a heartbeat period
 * ({@code backport-heartbeat-period}, seconds) that has been sent nothing for that long is sent a {@code heartbeat}.
 * Looked at every {@code samplan.notifications.heartbeat-check} (two seconds), by one node per turn; a node knows only
 * what it sent itself, so with several nodes a receiver may get a heartbeat soon after an event.
 */
@Component
class Heartbeats {

	private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);
	private static final String INTERVAL = "${samplan.notifications.heartbeat-check:PT2S}";

	private final SubscriptionRegistry registry;
	private final NotificationSender sender;
	private final DeliveryCounts counts;

	Heartbeats(SubscriptionRegistry registry, NotificationSender sender, DeliveryCounts counts) {
		this.registry = registry;
		this.sender = sender;
		this.counts = counts;
	}

	@Scheduled(initialDelayString = INTERVAL, fixedDelayString = INTERVAL)
	@SchedulerLock(name = "subscription-heartbeats")
	public void beat() {
		for (ActiveSubscription active : registry.getAll()) {
			CanonicalSubscription subscription = active.getSubscription();
			Integer seconds = subscription.isTopicSubscription() ? subscription.getTopicSubscription().getHeartbeatPeriod() : null;
			if (seconds == null || seconds <= 0) {
				continue;
			}
			Duration period = Duration.ofSeconds(seconds);
			if (counts.lastSent(subscription.getIdPart()).plus(period).isAfter(Instant.now())) {
				continue;
			}
			try {
				sender.status(subscription, "heartbeat", active.getDeliveriesCount());
				counts.sent(subscription.getIdPart());
			} catch (RuntimeException e) {
				counts.failed(subscription.getIdPart());
				log.info("Heartbeat to {} failed: {}", subscription.getEndpointUrl(), e.getMessage());
			}
		}
	}
}
