package se.samplan.server.notification;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.jpa.searchparam.matcher.SearchParamMatcher;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicDispatchRequest;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicDispatcher;
import ca.uhn.fhir.jpa.topic.filter.InMemoryTopicFilterMatcher;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenParam;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.samplan.server.sip.SipPlans;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The topic {@code sip-follow-up-due}: an active plan's agreed follow-up ({@code sip-next-follow-up}) is within
 * {@code samplan.notifications.follow-up-due-days} (14). A point in time, not a change, so no write raises it: each turn
 * of the deadline sweeper's interval, on one node, the plans that came within the days are told once per plan and
 * follow-up date. The pair is written to {@code SAMPLAN_FOLLOW_UP_NOTICE} first, whose key refuses it a second time
 * (after a restart, on another node), then handed to HAPI's topic dispatcher, which applies each Subscription's filter;
 * {@code SubscriberAccess} lets out only what the Subscription's organisation may read. While no Subscription listens to
 * the topic nothing is written, so one made later hears of the follow-ups still ahead. A node that stops between the
 * two steps has told no one (the delivery queue and its retries are in the node's memory).
 */
@Component
class FollowUpDueNotices {

	static final String TOPIC = "https://samplan.github.io/fhir/SubscriptionTopic/sip-follow-up-due";
	private static final Logger log = LoggerFactory.getLogger(FollowUpDueNotices.class);
	private static final String INTERVAL = "${samplan.followup.sweep-interval:PT5M}";

	private final DaoRegistry daos;
	private final SubscriptionRegistry subscriptions;
	private final RegistryCatchesUp registryCatchesUp;
	private final SubscriptionTopicDispatcher dispatcher;
	private final InMemoryTopicFilterMatcher filters;
	private final JdbcTemplate jdbc;
	private final NotificationSettings settings;
	private final Clock clock;

	FollowUpDueNotices(DaoRegistry daos, SubscriptionRegistry subscriptions, RegistryCatchesUp registryCatchesUp,
			SubscriptionTopicDispatcher dispatcher, SearchParamMatcher matcher, DataSource dataSource, NotificationSettings settings,
			Clock clock) {
		this.daos = daos;
		this.subscriptions = subscriptions;
		this.registryCatchesUp = registryCatchesUp;
		this.dispatcher = dispatcher;
		this.filters = new InMemoryTopicFilterMatcher(matcher);
		this.jdbc = new JdbcTemplate(dataSource);
		this.settings = settings;
		this.clock = clock;
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_FOLLOW_UP_NOTICE (PLAN_ID VARCHAR(64) NOT NULL, "
				+ "FOLLOW_UP BIGINT NOT NULL, TOLD_AT TIMESTAMP NOT NULL, PRIMARY KEY (PLAN_ID, FOLLOW_UP))");
	}

	/** A turn of the schedule, taken by one node of the cluster. */
	@Scheduled(initialDelayString = INTERVAL, fixedDelayString = INTERVAL)
	@SchedulerLock(name = "follow-up-due-notices", lockAtLeastFor = INTERVAL)
	public void scheduled() {
		tell();
	}

	/** Tells the Subscriptions of the topic of each follow-up that came within the days and was not told yet. */
	int tell() {
		registryCatchesUp.catchUp();
		if (subscriptions.getTopicSubscriptionsByTopic(TOPIC).isEmpty()) {
			return 0;
		}
		Instant now = clock.instant();
		Instant until = now.plus(Duration.ofDays(settings.getFollowUpDueDays()));
		List<IBaseResource> due = daos.getResourceDao(CarePlan.class).search(SearchParameterMap.newSynchronous()
				.add(CarePlan.SP_STATUS, new TokenParam("active"))
				.add("sip-next-follow-up", new DateRangeParam(new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(now)),
						new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, Date.from(until)))),
				new SystemRequestDetails()).getAllResources();
		int told = 0;
		for (IBaseResource resource : due) {
			CarePlan plan = (CarePlan) resource;
			Date followUp = SipPlans.nextFollowUp(plan).orElse(null);
			if (followUp != null && firstTime(plan.getIdElement().getIdPart(), followUp, now)) {
				dispatcher.dispatch(new SubscriptionTopicDispatchRequest(TOPIC, List.of(plan), filters,
						RestOperationTypeEnum.UPDATE, null, null, null));
				told++;
			}
		}
		if (told > 0) {
			log.info("Follow-up due: {} plans told to the Subscriptions of {}", told, TOPIC);
		}
		return told;
	}

	private boolean firstTime(String plan, Date followUp, Instant now) {
		try {
			jdbc.update("INSERT INTO SAMPLAN_FOLLOW_UP_NOTICE (PLAN_ID, FOLLOW_UP, TOLD_AT) VALUES (?, ?, ?)", plan,
					followUp.getTime(), Timestamp.from(now));
			return true;
		} catch (DuplicateKeyException told) {
			return false;
		}
	}
}
