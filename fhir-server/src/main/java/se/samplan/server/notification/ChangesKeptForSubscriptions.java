package se.samplan.server.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.StorageInterceptor;

/**
 * HAPI keeps every write for the subscriptions (a row in the write's transaction, matched after a poll). Here a write
 * is kept only when this node knows an active Subscription, when the database holds a Subscription change the node has
 * not read yet (made on another node: {@link RegistryCatchesUp}), or when it is a Subscription (which must be
 * activated): a server without subscriptions pays one small query on its writes. Deletes are not kept (nor notified).
 */
@Component
@Interceptor
class ChangesKeptForSubscriptions implements StorageInterceptor {

	private final SubscriptionRegistry registry;
	private final RegistryCatchesUp registryCatchesUp;
	private final FhirContext ctx;

	ChangesKeptForSubscriptions(SubscriptionRegistry registry, RegistryCatchesUp registryCatchesUp, FhirContext ctx) {
		this.registry = registry;
		this.registryCatchesUp = registryCatchesUp;
		this.ctx = ctx;
	}

	@Hook(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED)
	public boolean keep(ResourceModifiedMessage change) {
		// A delete is kept under the version it deletes, the key its create was kept under: a delete within the poll
		// interval of the create would break that key and be refused with 409. No topic follows deletes.
		if (change.getOperationType() == ResourceModifiedMessage.OperationTypeEnum.DELETE) {
			return false;
		}
		return registry.size() > 0 || change.hasResourceType(ctx, "Subscription") || registryCatchesUp.behind();
	}
}
