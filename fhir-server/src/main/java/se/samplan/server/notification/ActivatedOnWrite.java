package se.samplan.server.notification;

import org.hl7.fhir.r4.model.Subscription;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Write;
import se.samplan.server.hapi.WriteStep;

/**
 * A Subscription written as requested is stored active by the write itself, which answers with it so; HAPI's checks
 * of a submitted Subscription and {@link SubscriptionRules} still refuse the whole write. HAPI would activate it later,
 * from its matching channel or its loader, by storing it again: that background write raced the client's next write
 * of the same Subscription, and a DELETE right after the create deadlocked with it on the database's row locks (on H2
 * until the 30 s lock timeout, then 409) and left it registered. Ordered before the steps that act on an activation.
 */
@Component
@Order(460)
class ActivatedOnWrite implements WriteStep {

	@Override
	public void beforeStore(Write write) {
		if (write.resource() instanceof Subscription subscription
				&& subscription.getStatus() == Subscription.SubscriptionStatus.REQUESTED) {
			subscription.setStatus(Subscription.SubscriptionStatus.ACTIVE);
		}
	}
}
