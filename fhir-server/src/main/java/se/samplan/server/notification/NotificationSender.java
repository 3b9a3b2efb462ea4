package se.samplan.server.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.subscription.SubscriptionConstants;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Sends a notification Bundle of the Subscriptions R5 Backport to a subscriber's endpoint: POSTed as FHIR JSON with
 * the Subscription's headers, done when the receiver answers any 2xx, whatever (if anything) it answers with; else it
 * throws, and the delivery is tried again. Also builds the notifications that carry no event, only the subscription's
 * status: the {@code handshake} and the {@code heartbeat}.
 */
@Component
class NotificationSender {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final FhirContext ctx;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	NotificationSender(FhirContext ctx) {
		this.ctx = ctx;
	}

	void post(CanonicalSubscription subscription, Bundle notification) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.getEndpointUrl())).timeout(TIMEOUT)
				.header("Content-Type", "application/fhir+json; charset=UTF-8")
				.POST(HttpRequest.BodyPublishers.ofString(ctx.newJsonParser().encodeResourceToString(notification)));
		for (String header : subscription.getHeaders()) {
			int colon = header.indexOf(':');
			if (colon > 0) {
				request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
			}
		}
		int status;
		try {
			status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		} catch (IOException e) {
			throw new UncheckedIOException("No answer from " + subscription.getEndpointUrl(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while notifying " + subscription.getEndpointUrl(), e);
		}
		if (status / 100 != 2) {
			throw new IllegalStateException(subscription.getEndpointUrl() + " answered " + status);
		}
	}

	/** @param events how many event notifications the subscription has had since it started */
	void status(CanonicalSubscription subscription, String type, long events) {
		Parameters status = new Parameters();
		status.setId(UUID.randomUUID().toString());
		status.getMeta().addProfile(SubscriptionConstants.SUBSCRIPTION_TOPIC_STATUS);
		status.addParameter().setName("subscription").setValue(new Reference("Subscription/" + subscription.getIdPart()));
		status.addParameter().setName("topic").setValue(new CanonicalType(subscription.getTopic()));
		status.addParameter().setName("status").setValue(new CodeType("active"));
		status.addParameter().setName("type").setValue(new CodeType(type));
		status.addParameter().setName("events-since-subscription-start").setValue(new StringType(Long.toString(events)));
		Bundle notification = new Bundle().setType(Bundle.BundleType.HISTORY);
		notification.setId(UUID.randomUUID().toString());
		notification.addEntry().setFullUrl("urn:uuid:" + status.getIdPart()).setResource(status);
		post(subscription, notification);
	}
}
