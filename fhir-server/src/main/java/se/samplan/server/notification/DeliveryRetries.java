package se.samplan.server.notification;

import ca.uhn.fhir.broker.api.BrokerListenerClosedException;
import ca.uhn.fhir.jpa.subscription.channel.impl.RetryPolicyProvider;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.ExponentialBackOffPolicy;
import org.springframework.retry.policy.TimeoutRetryPolicy;
import org.springframework.stereotype.Component;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long HAPI's channels try a message again: a notification whose receiver is down is retried for
 * {@code samplan.notifications.retry-for} (HAPI's own minute is too short for a receiver restarting), the pauses
 * doubling from a second up to {@code retry-pause-at-most}. The tries are held in the node's memory, and end when the
 * node stops (a pause waiting for a receiver would otherwise hold the stop up for as long as it lasts) or the
 * Subscription is deleted (HAPI closes its channel, and would try the closed channel again for the whole time).
 */
@Component
@Primary
class DeliveryRetries extends RetryPolicyProvider {

	private final NotificationSettings settings;
	private final CountDownLatch stopping = new CountDownLatch(1);

	DeliveryRetries(NotificationSettings settings) {
		this.settings = settings;
	}

	@EventListener(ContextClosedEvent.class)
	void stopping() {
		stopping.countDown();
	}

	@Override
	protected RetryPolicy retryPolicy() {
		TimeoutRetryPolicy policy = new TimeoutRetryPolicy() {
			@Override
			public boolean canRetry(RetryContext context) {
				Throwable last = context.getLastThrowable();
				boolean deleted = last != null && ExceptionUtils.indexOfType(last, BrokerListenerClosedException.class) >= 0;
				return stopping.getCount() > 0 && !deleted && super.canRetry(context);
			}
		};
		policy.setTimeout(settings.getRetryFor().toMillis());
		return policy;
	}

	@Override
	protected BackOffPolicy backOffPolicy() {
		ExponentialBackOffPolicy backOff = new ExponentialBackOffPolicy();
		backOff.setInitialInterval(1000);
		backOff.setMultiplier(2);
		backOff.setMaxInterval(settings.getRetryPauseAtMost().toMillis());
		backOff.setSleeper(pause -> {
			if (stopping.await(pause, TimeUnit.MILLISECONDS)) {
				throw new InterruptedException("the node is stopping");
			}
		});
		return backOff;
	}
}
