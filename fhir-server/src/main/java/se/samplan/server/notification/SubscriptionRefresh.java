package se.samplan.server.notification;

import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionLoader;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node reads the stored Subscriptions again every {@code samplan.notifications.subscription-refresh} (five
 * seconds) instead of HAPI's minute: what {@link RegistryCatchesUp} does not do on the way of a change. HAPI forgets a
 * Subscription deleted on another node only when two such reads have not found it, and sends heartbeats to what the
 * node knows. Each node on its own (no lock): one query of the stored Subscriptions per turn.
 */
@Component
class SubscriptionRefresh {

	private static final String INTERVAL = "${samplan.notifications.subscription-refresh:PT5S}";

	private final SubscriptionLoader loader;

	SubscriptionRefresh(SubscriptionLoader loader) {
		this.loader = loader;
	}

	@Scheduled(initialDelayString = INTERVAL, fixedDelayString = INTERVAL)
	public void refresh() {
		loader.requestRefresh();
	}
}
