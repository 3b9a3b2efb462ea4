package se.samplan.server.notification;

import ca.uhn.fhir.subscription.SubscriptionConstants;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.access.Caller;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.Write;
import se.samplan.server.hapi.WriteStep;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.SipRule;

/**
 * What a Subscription may ask for (followup.md, "Notifications"): rest-hook only; ids, not resources, unless the
 * server allows whole resources ({@code samplan.notifications.full-resource-allowed}); a topic-based one without a
 * payload content gets {@code id-only}, and without a filter the filter {@code [*]} (all of the topic); no payload search (it would send what the rules never looked at). 422 naming
 * R15 otherwise. Who may write a Subscription at all is R15's write rule: an organisation, its own.
 */
@Component
@Order(295)
class SubscriptionRules implements WriteStep {

	static final String PAYLOAD_SEARCH = "http://hapifhir.io/fhir/StructureDefinition/subscription-payload-search-criteria";

	private final NotificationSettings settings;
	private final Callers callers;

	SubscriptionRules(NotificationSettings settings, Callers callers) {
		this.settings = settings;
		this.callers = callers;
	}

	@Override
	public void beforeStore(Write write) {
		if (!(write.resource() instanceof Subscription subscription) || callers.of(write.request()).kind() == Caller.Kind.SYSTEM) {
			return;
		}
		if (subscription.getChannel().getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
			throw refusal("Bara rest-hook stöds för aviseringar.", "Only channel type rest-hook is supported.", "Subscription.channel.type");
		}
		if (subscription.hasExtension(PAYLOAD_SEARCH)) {
			throw refusal("En avisering kan inte bära ett sökresultat.", "Payload search criteria are not supported.",
					"Subscription.extension");
		}
		boolean topic = subscription.getMeta().hasProfile(SubscriptionConstants.SUBSCRIPTION_TOPIC_PROFILE_URL);
		var content = subscription.getChannel().getPayloadElement().getExtensionByUrl(SubscriptionConstants.SUBSCRIPTION_TOPIC_CHANNEL_PAYLOAD_CONTENT);
		if (topic && subscription.getCriteriaElement().getExtensionByUrl(SubscriptionConstants.SUBSCRIPTION_TOPIC_FILTER_URL) == null) {
			// everything of the topic: HAPI wants a filter, and "[*]" is its criteria for all types
			subscription.getCriteriaElement().addExtension(SubscriptionConstants.SUBSCRIPTION_TOPIC_FILTER_URL, new StringType("[*]"));
		}
		if (topic && content == null) {
			subscription.getChannel().getPayloadElement().addExtension(SubscriptionConstants.SUBSCRIPTION_TOPIC_CHANNEL_PAYLOAD_CONTENT,
					new CodeType("id-only"));
		}
		boolean wholeResources = topic ? content != null && "full-resource".equals(content.getValue().primitiveValue())
				: subscription.getChannel().hasPayload();
		if (wholeResources && !settings.isFullResourceAllowed()) {
			throw refusal("Aviseringar bär bara id:n, inte hela resurser.",
					"This server sends ids only (payload content id-only), not whole resources; leave channel.payload out"
							+ (topic ? " or set its backport-payload-content to id-only or empty." : "."),
					"Subscription.channel.payload");
		}
	}

	private static RuntimeException refusal(String swedish, String english, String expression) {
		return Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R15.coding(), swedish, english, expression).unprocessable();
	}
}
