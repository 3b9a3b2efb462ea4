package se.samplan.server.authserver;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Removes what the authorization server keeps past its use: authorizations whose refresh token (or, without one,
 * access token or code) has expired, and the ids of revoked tokens and used client assertions past their expiry.
 * Every {@code samplan.authorization-server.cleanup-interval} (an hour), on one node of the cluster per turn.
 */
@Component
@ConditionalOnProperty("samplan.authorization-server.enabled")
class ExpiredAuthorizations {

	private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizations.class);
	private static final String INTERVAL = "${samplan.authorization-server.cleanup-interval:PT1H}";

	private final JdbcTemplate jdbc;

	ExpiredAuthorizations(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(initialDelayString = INTERVAL, fixedDelayString = INTERVAL)
	@SchedulerLock(name = "authorization-server-cleanup", lockAtLeastFor = INTERVAL)
	public void removeExpired() {
		Instant now = Instant.now();
		int authorizations = jdbc.update("DELETE FROM oauth2_authorization WHERE COALESCE(refresh_token_expires_at, "
				+ "access_token_expires_at, authorization_code_expires_at) < ?", Timestamp.from(now));
		int revoked = jdbc.update("DELETE FROM SAMPLAN_REVOKED_TOKEN WHERE EXPIRES < ?", now.toEpochMilli());
		int assertions = jdbc.update("DELETE FROM SAMPLAN_USED_ASSERTION WHERE EXPIRES < ?", now.toEpochMilli());
		log.info("Authorization server cleaned up: {} expired authorizations, {} revoked token ids, {} used client assertions",
				authorizations, revoked, assertions);
	}
}
