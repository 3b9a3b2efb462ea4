package se.samplan.server.notification;

import org.hl7.fhir.r4.model.Subscription;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Write;
import se.samplan.server.hapi.WriteStep;

/**
 * HAPI activates a Subscription it read as requested by reading it again and storing it as active, whatever its status
 * is by then. When what it read was stale (another node activated it first, or its loader read the Subscriptions
 * while it was being activated), a Subscription whose handshake had failed (error) or that was turned off went back
 * to active, without a handshake. So HAPI's own writes make a Subscription active only from requested; otherwise the
 * stored status (and error) stay. Ordered before the steps that act on an activation.
 */
@Component
@Order(480)
class StaleActivations implements WriteStep {

	@Override
	public void beforeStore(Write write) {
		if (write.resource() instanceof Subscription now && write.previous() instanceof Subscription before
				&& write.isInternal()
				&& now.getStatus() == Subscription.SubscriptionStatus.ACTIVE
				&& before.getStatus() != Subscription.SubscriptionStatus.REQUESTED
				&& before.getStatus() != Subscription.SubscriptionStatus.ACTIVE) {
			now.setStatus(before.getStatus()).setError(before.getError());
		}
	}
}
