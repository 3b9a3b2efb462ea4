package se.samplan.server.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.samplan.server.access.AccessPolicy;
import se.samplan.server.access.Caller;
import se.samplan.server.audit.AuditTrail;
import se.samplan.server.hapi.StorageInterceptor;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipUrls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Subscription is told only of what the organisation it belongs to may read when the notification leaves (the read
 * rules of access.md, judged on the resources as they are then): otherwise nothing is sent. Each notification sent is
 * logged as that organisation's read of what it was told of (R15). A Subscription that belongs to no organisation
 * tells no one anything.
 */
@Component
@Interceptor
class SubscriberAccess implements StorageInterceptor {

	private static final Logger log = LoggerFactory.getLogger(SubscriberAccess.class);

	private final FhirContext ctx;
	private final AccessPolicy policy;
	private final PlanRepository plans;
	private final AuditTrail audit;
	private final DeliveryCounts counts;

	SubscriberAccess(FhirContext ctx, AccessPolicy policy, PlanRepository plans, AuditTrail audit, DeliveryCounts counts) {
		this.ctx = ctx;
		this.policy = policy;
		this.plans = plans;
		this.audit = audit;
		this.counts = counts;
	}

	@Hook(Pointcut.SUBSCRIPTION_BEFORE_DELIVERY)
	public boolean mayBeTold(CanonicalSubscription subscription, ResourceDeliveryMessage message) {
		Caller subscriber = subscriber(subscription).orElse(null);
		List<IBaseResource> told = told(message);
		boolean allowed = subscriber != null && !told.isEmpty()
				&& told.stream().allMatch(r -> policy.canRead(subscriber, r, new SystemRequestDetails()));
		if (!allowed) {
			counts.withheld(subscription.getIdPart());
			log.debug("Notification of {} withheld from {}", message.getPayloadId(), subscription.getIdElementString());
		}
		return allowed;
	}

	@Hook(Pointcut.SUBSCRIPTION_AFTER_DELIVERY)
	public void told(CanonicalSubscription subscription, ResourceDeliveryMessage message) {
		subscriber(subscription).ifPresent(subscriber -> audit.notified(subscriber, told(message)));
		counts.delivered(subscription.getIdPart());
	}

	@Hook(Pointcut.SUBSCRIPTION_AFTER_DELIVERY_FAILED)
	public boolean failed(ResourceDeliveryMessage message, Exception failure) {
		counts.failed(message.getSubscription().getIdPart());
		log.info("Notification for {} not delivered, tried again: {}", message.getSubscription().getIdElementString(),
				failure.getMessage());
		return true;
	}

	/** The organisation the Subscription belongs to, as a system of it that reads. */
	private static Optional<Caller> subscriber(CanonicalSubscription subscription) {
		return Optional.ofNullable(subscription.getTags().get(SipUrls.REGISTERED_BY))
				.map(organization -> Caller.subscriber(organization, "Subscription/" + subscription.getIdPart()));
	}

	/** The stored resources the notification is about: the changed resource, or a notification Bundle's focus. */
	private List<IBaseResource> told(ResourceDeliveryMessage message) {
		List<IIdType> ids = new ArrayList<>();
		IBaseResource payload = message.getPayload(ctx);
		if (payload instanceof Bundle notification) {
			for (Bundle.BundleEntryComponent entry : notification.getEntry()) {
				if (entry.getResource() instanceof Parameters) {
					continue; // the status of the subscription, about no one
				}
				ids.add(entry.getResource() != null ? entry.getResource().getIdElement() : new IdType(entry.getFullUrl()));
			}
		} else if (message.getPayloadId(ctx) != null) {
			ids.add(message.getPayloadId(ctx));
		}
		List<IBaseResource> told = new ArrayList<>();
		for (IIdType id : ids) {
			plans.read(id.toUnqualifiedVersionless().getValue(), null).ifPresent(told::add);
		}
		return told;
	}
}
