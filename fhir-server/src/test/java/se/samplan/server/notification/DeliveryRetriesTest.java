package se.samplan.server.notification;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A notification tried again while its receiver is down ends when the node stops, instead of holding the stop up, and
 * when its Subscription is deleted.
 */
class DeliveryRetriesTest {

	@Test
	void aNotificationTriedAgainEndsWhenTheNodeStops() throws Exception {
		DeliveryRetries retries = new DeliveryRetries(new NotificationSettings()); // ten minutes of tries
		AtomicInteger tries = new AtomicInteger();
		CompletableFuture<Object> delivery = CompletableFuture.supplyAsync(() -> retries.getRetryTemplate().execute(context -> {
			tries.incrementAndGet();
			throw new IllegalStateException("the receiver does not answer");
		}));
		for (int i = 0; i < 100 && tries.get() < 2; i++) {
			Thread.sleep(100); // the second try follows a pause of a second
		}
		assertThat(tries.get()).as("tried again").isEqualTo(2);

		retries.stopping();
		assertThatThrownBy(() -> delivery.get(5, TimeUnit.SECONDS)).as("ended within the pause it was in")
				.isInstanceOf(ExecutionException.class);
		assertThat(tries.get()).as("no try after the stop").isEqualTo(2);
	}

	@Test
	void aNotificationOfADeletedSubscriptionIsNotTriedAgain() {
		AtomicInteger tries = new AtomicInteger();
		assertThatThrownBy(() -> new DeliveryRetries(new NotificationSettings()).getRetryTemplate().execute(context -> {
			tries.incrementAndGet();
			throw new org.springframework.messaging.MessagingException("HAPI-0002",
					new ca.uhn.fhir.broker.api.BrokerListenerClosedException("the Subscription's channel is closed"));
		})).isInstanceOf(org.springframework.messaging.MessagingException.class);
		assertThat(tries.get()).isEqualTo(1);
	}
}
