package se.samplan.server.hapi;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;

/**
 * Samplan's own scheduled work ({@code @Scheduled} with {@code @SchedulerLock}) runs on one node at a time when
 * several share the database: a job holds its row of {@code SAMPLAN_SCHEDULER_LOCK} (ShedLock, on the database's
 * clock) while it runs and for the rest of its turn, and the other nodes skip that turn. HAPI's own jobs are not
 * among them: they are guarded by the database themselves.
 */
@Configuration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ClusterScheduling {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_SCHEDULER_LOCK (NAME VARCHAR(64) PRIMARY KEY, "
				+ "LOCK_UNTIL TIMESTAMP NOT NULL, LOCKED_AT TIMESTAMP NOT NULL, LOCKED_BY VARCHAR(255) NOT NULL)");
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(jdbc)
				.withTableName("SAMPLAN_SCHEDULER_LOCK").usingDbTime().build());
	}
}
