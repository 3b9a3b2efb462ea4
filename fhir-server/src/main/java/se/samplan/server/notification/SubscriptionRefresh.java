package se.samplan.server.notification;

import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionLoader;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node learns of a Subscription made, changed or deleted on another node within
 * {@code samplan.notifications.subscription-refresh} (five seconds) instead of HAPI's minute: until a node knows a
 * Subscription it neither keeps its writes for it ({@link ChangesKeptForSubscriptions}) nor matches the changes it
 * claims against it. Each node on its own (no lock): one query of the stored Subscriptions per turn.
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
