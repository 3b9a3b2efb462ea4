package se.samplan.server.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** The settings of notifications (followup.md, "Notifications"), under {@code samplan.notifications.*}. */
@ConfigurationProperties("samplan.notifications")
public class NotificationSettings {

	/** How often the changes kept for notification are handed on (each by one node). */
	private Duration pollInterval = Duration.ofSeconds(1);
	/** Whether a Subscription may ask for whole resources in its notifications; off: ids only (or nothing). */
	private boolean fullResourceAllowed = false;
	/** How long a notification is tried again while its receiver does not answer 2xx, with growing pauses. */
	private Duration retryFor = Duration.ofMinutes(10);
	/** The longest pause between two tries. */
	private Duration retryPauseAtMost = Duration.ofMinutes(1);
	/** How many days before an agreed follow-up the topic sip-follow-up-due tells of it. */
	private int followUpDueDays = 14;

	public Duration getPollInterval() {
		return pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public boolean isFullResourceAllowed() {
		return fullResourceAllowed;
	}

	public void setFullResourceAllowed(boolean allowed) {
		this.fullResourceAllowed = allowed;
	}

	public Duration getRetryFor() {
		return retryFor;
	}

	public void setRetryFor(Duration retryFor) {
		this.retryFor = retryFor;
	}

	public Duration getRetryPauseAtMost() {
		return retryPauseAtMost;
	}

	public void setRetryPauseAtMost(Duration pause) {
		this.retryPauseAtMost = pause;
	}

	public int getFollowUpDueDays() {
		return followUpDueDays;
	}

	public void setFollowUpDueDays(int days) {
		this.followUpDueDays = days;
	}
}
