package se.samplan.server.notification;

import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicConfig;
import org.hl7.fhir.dstu2.model.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * HAPI's subscription module: the submitter (a stored change becomes a message), the processor (matching and rest-hook
 * delivery) and the topic support of the Subscriptions R5 Backport on R4 (topics as Basic resources), which HAPI's
 * starter forgot for R4 (hapi-fhir-jpaserver-starter #964).
 */
@Configuration
@Import({SubscriptionSubmitterConfig.class, SubscriptionProcessorConfig.class, SubscriptionTopicConfig.class})
class NotificationConfig {

	@Bean
	SubscriptionSettings subscriptionSettings(NotificationSettings settings) {
		SubscriptionSettings s = new SubscriptionSettings();
		s.addSupportedSubscriptionType(Subscription.SubscriptionChannelType.RESTHOOK);
		// A change is kept in its write's transaction and handed on by a poll after the commit, one node taking each
		// (also a new Subscription: queued at once, HAPI would look for it before it is committed).
		s.setSubscriptionIntervalInMs(settings.getPollInterval().toMillis());
		return s;
	}

	/** HAPI's delivery wiring asks for an e-mail sender although only rest-hook is enabled: one that refuses. */
	@Bean
	IEmailSender emailSender() {
		return details -> {
			throw new UnsupportedOperationException("E-mail notifications are not enabled; only rest-hook.");
		};
	}
}
