package se.samplan.server.notification;

import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Delete;
import se.samplan.server.hapi.Write;
import se.samplan.server.hapi.WriteStep;

/**
 * The node that writes a Subscription knows it at once: as the write commits, the Subscription is registered (active)
 * or unregistered (otherwise, or deleted) in this node's registry. HAPI registers it only when the kept change is
 * polled, a second or more later, while the {@link Handshakes handshake} has already told the endpoint it is active;
 * writes in between were neither kept ({@link ChangesKeptForSubscriptions}) nor matched against it. Other nodes read
 * it before they match a change ({@link RegistryCatchesUp}). Ordered before {@link Handshakes}, so the registration is
 * in place when the handshake leaves.
 */
@Component
@Order(490)
class RegistryFollowsWrites implements WriteStep {

	private final SubscriptionRegistry registry;

	RegistryFollowsWrites(SubscriptionRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void beforeStore(Write write) {
		if (write.resource() instanceof Subscription subscription) {
			AfterCommit.run(() -> {
				if (subscription.getStatus() == Subscription.SubscriptionStatus.ACTIVE) {
					registry.registerSubscriptionUnlessAlreadyRegistered(subscription);
				} else {
					registry.unregisterSubscriptionIfRegistered(subscription.getIdPart());
				}
			});
		}
	}

	@Override
	public void beforeDelete(Delete delete) {
		if (delete.resource() instanceof Subscription subscription) {
			AfterCommit.run(() -> registry.unregisterSubscriptionIfRegistered(subscription.getIdPart()));
		}
	}
}
