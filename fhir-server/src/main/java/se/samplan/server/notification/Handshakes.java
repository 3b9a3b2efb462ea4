package se.samplan.server.notification;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionCanonicalizer;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Write;
import se.samplan.server.hapi.WriteStep;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The handshake of the Subscriptions R5 Backport: when a topic-based Subscription becomes active (a client writes it
 * requested, {@link ActivatedOnWrite}, or active), its endpoint is sent a {@code handshake} once the write is committed;
 * an endpoint that does not answer 2xx puts the Subscription in status {@code error}, with why in
 * {@code Subscription.error}.
 */
@Component
@Order(500)
class Handshakes implements WriteStep {

	private static final Logger log = LoggerFactory.getLogger(Handshakes.class);

	private final SubscriptionCanonicalizer canonicalizer;
	private final NotificationSender sender;
	private final DeliveryCounts counts;
	private final DaoRegistry daoRegistry;
	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "subscription-handshake");
		thread.setDaemon(true);
		return thread;
	});

	Handshakes(SubscriptionCanonicalizer canonicalizer, NotificationSender sender, DeliveryCounts counts, DaoRegistry daoRegistry) {
		this.canonicalizer = canonicalizer;
		this.sender = sender;
		this.counts = counts;
		this.daoRegistry = daoRegistry;
	}

	@Override
	public void beforeStore(Write write) {
		if (write.resource() instanceof Subscription now && now.getStatus() == Subscription.SubscriptionStatus.ACTIVE
				&& !(write.previous() instanceof Subscription before && before.getStatus() == Subscription.SubscriptionStatus.ACTIVE)) {
			AfterCommit.run(() -> { // a create's id is given as it is stored
				CanonicalSubscription subscription = canonicalizer.canonicalize(now);
				if (subscription.isTopicSubscription()) {
					background.submit(() -> handshake(subscription));
				}
			});
		}
	}

	private void handshake(CanonicalSubscription subscription) {
		try {
			sender.status(subscription, "handshake", 0);
			counts.sent(subscription.getIdPart());
		} catch (RuntimeException e) {
			log.info("Handshake with {} failed, so Subscription/{} is in error: {}", subscription.getEndpointUrl(),
					subscription.getIdPart(), e.getMessage());
			Subscription stored = daoRegistry.getResourceDao(Subscription.class)
					.read(new org.hl7.fhir.r4.model.IdType("Subscription", subscription.getIdPart()), new SystemRequestDetails());
			stored.setStatus(Subscription.SubscriptionStatus.ERROR).setError("Handskakningen med " + subscription.getEndpointUrl()
					+ " misslyckades: " + e.getMessage());
			daoRegistry.getResourceDao(Subscription.class).update(stored, new SystemRequestDetails());
		}
	}
}
