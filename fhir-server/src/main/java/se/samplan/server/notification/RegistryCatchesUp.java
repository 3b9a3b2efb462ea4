package se.samplan.server.notification;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.StorageInterceptor;

/**
 * This node's registry of Subscriptions is as new as the database wherever a notification depends on it, with several
 * nodes on one database: a Subscription stored (or activated) by another node is read before a change is matched, and
 * a write is kept for the Subscriptions when the database holds one newer than what the node has read
 * ({@link ChangesKeptForSubscriptions}). {@link SubscriptionRefresh}'s turn alone left a new Subscription unheard on the
 * other nodes for up to its interval. One query per look, over the stored Subscriptions' rows.
 */
@Component
@Interceptor
class RegistryCatchesUp implements StorageInterceptor {

	private final JdbcTemplate jdbc;
	private final SubscriptionLoader loader;
	/** How many changes of stored Subscriptions the registry has read (see {@link #changes()}). */
	private volatile long read;

	RegistryCatchesUp(JdbcTemplate jdbc, SubscriptionLoader loader) {
		this.jdbc = jdbc;
		this.loader = loader;
	}

	/** Whether the database holds a Subscription (made, changed or deleted) that this node has not read. */
	boolean behind() {
		return changes() > read;
	}

	/** Reads the stored Subscriptions into the registry when the database holds one it has not read. */
	void catchUp() {
		long changes = changes();
		if (changes > read) {
			loader.forceRefresh();
			read = changes;
		}
	}

	@Hook(Pointcut.SUBSCRIPTION_BEFORE_PERSISTED_RESOURCE_CHECKED)
	public boolean beforeMatching() {
		catchUp();
		return true;
	}

	@Hook(Pointcut.SUBSCRIPTION_TOPIC_BEFORE_PERSISTED_RESOURCE_CHECKED)
	public boolean beforeTopicMatching() {
		catchUp();
		return true;
	}

	/**
	 * How many changes the stored Subscriptions have had: the sum of their versions, which every create, update and
	 * delete raises (a time would miss a second change within its precision).
	 */
	private long changes() {
		return jdbc.queryForObject("SELECT COALESCE(SUM(RES_VER), 0) FROM HFJ_RESOURCE WHERE RES_TYPE = 'Subscription'", Long.class);
	}
}
