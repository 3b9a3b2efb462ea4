package se.samplan.server.notification;

import ca.uhn.fhir.jpa.subscription.match.deliver.resthook.SubscriptionDeliveringRestHookListener;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * HAPI's rest-hook delivery, with the topic-based notifications sent as the Subscriptions Backport says: a POST that is
 * done at any 2xx. HAPI sends them as a FHIR transaction and wants a Bundle back, so an endpoint answering a bare 200
 * would be counted as failed and notified again and again.
 */
@Component
@Primary
@Scope("prototype")
class RestHookDelivery extends SubscriptionDeliveringRestHookListener {

	private final NotificationSender sender;

	RestHookDelivery(NotificationSender sender) {
		this.sender = sender;
	}

	@Override
	protected void doDelivery(ResourceDeliveryMessage message, CanonicalSubscription subscription, EncodingEnum payloadType,
			IGenericClient client, IBaseResource payload) {
		if (subscription.isTopicSubscription() && payload instanceof Bundle notification) {
			sender.post(subscription, notification);
		} else {
			super.doDelivery(message, subscription, payloadType, client, payload);
		}
	}
}
