package se.samplan.server.notification;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.StorageInterceptor;

/**
 * A deleted Subscription stays unheard. HAPI's loader and its registering listener read a Subscription and register
 * it later: a delete committed in between left the node notifying the endpoint (until two of HAPI's refreshes had not
 * found the Subscription). So a registration of a Subscription the database holds as deleted is taken back at once:
 * one query per registration. (The server's only other write of a Subscription it has read, a failed
 * {@link Handshakes handshake}'s error, names the version it read, and HAPI refuses it once that is not the latest.)
 */
@Component
@Interceptor
class DeletedSubscriptions implements StorageInterceptor {

	private final SubscriptionRegistry registry;
	private final JdbcTemplate jdbc;

	DeletedSubscriptions(SubscriptionRegistry registry, JdbcTemplate jdbc) {
		this.registry = registry;
		this.jdbc = jdbc;
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
