package se.samplan.server.notification;

import ca.uhn.fhir.jpa.subscription.channel.impl.RetryPolicyProvider;
import org.springframework.context.annotation.Primary;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.ExponentialBackOffPolicy;
import org.springframework.retry.policy.TimeoutRetryPolicy;
import org.springframework.stereotype.Component;

/**
 * How long HAPI's channels try a message again: a notification whose receiver is down is retried for
 * {@code samplan.notifications.retry-for} (HAPI's own minute is too short for a receiver restarting), the pauses
 * doubling from a second up to {@code retry-pause-at-most}. The tries are held in the node's memory.
 */
@Component
@Primary
class DeliveryRetries extends RetryPolicyProvider {

	private final NotificationSettings settings;

	DeliveryRetries(NotificationSettings settings) {
		this.settings = settings;
	}

	@Override
	protected RetryPolicy retryPolicy() {
		TimeoutRetryPolicy policy = new TimeoutRetryPolicy();
		policy.setTimeout(settings.getRetryFor().toMillis());
		return policy;
	}

	@Override
	protected BackOffPolicy backOffPolicy() {
		ExponentialBackOffPolicy backOff = new ExponentialBackOffPolicy();
		backOff.setInitialInterval(1000);
		backOff.setMultiplier(2);
		backOff.setMaxInterval(settings.getRetryPauseAtMost().toMillis());
		return backOff;
	}
}
