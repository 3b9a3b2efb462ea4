package se.samplan.server.notification;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.StorageInterceptor;
import se.samplan.server.hapi.Write;
import se.samplan.server.hapi.WriteStep;

/**
 * A deleted Subscription stays deleted and unheard. HAPI reads a Subscription and acts later on what it read: its
 * activation stores it again (active, or in error when it finds it gone), its loader and its registering listener
 * register it, the {@link Handshakes handshake} stores its error. A delete committed in between was undone, or the node
 * went on notifying the endpoint (until two of HAPI's refreshes had not found the Subscription). So the server's own
 * writes never store a deleted Subscription again (its organisation may, with a PUT), and a registration of one the
 * database holds as deleted is taken back at once: one query per registration.
 */
@Component
@Interceptor
@Order(470)
class DeletedSubscriptions implements WriteStep, StorageInterceptor {

	private final SubscriptionRegistry registry;
	private final JdbcTemplate jdbc;

	DeletedSubscriptions(SubscriptionRegistry registry, JdbcTemplate jdbc) {
		this.registry = registry;
		this.jdbc = jdbc;
	}

	@Override
	public void beforeStore(Write write) {
		if (write.resource() instanceof Subscription subscription && write.previous() != null
				&& ResourceMetadataKeyEnum.DELETED_AT.get(write.previous()) != null
				&& write.isInternal()) {
			throw new ResourceGoneException("Subscription/" + subscription.getIdPart()
					+ " was deleted; the server does not store it again");
		}
	}

	@Hook(Pointcut.SUBSCRIPTION_AFTER_ACTIVE_SUBSCRIPTION_REGISTERED)
	public void registered(CanonicalSubscription subscription) {
		if (deleted(subscription.getIdPart())) {
			registry.unregisterSubscriptionIfRegistered(subscription.getIdPart());
		}
	}

	private boolean deleted(String id) {
		return !jdbc.queryForList("SELECT 1 FROM HFJ_RESOURCE WHERE RES_TYPE = 'Subscription' AND FHIR_ID = ? "
				+ "AND RES_DELETED_AT IS NOT NULL", Integer.class, id).isEmpty();
	}
}
