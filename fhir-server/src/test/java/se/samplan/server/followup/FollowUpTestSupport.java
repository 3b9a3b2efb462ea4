package se.samplan.server.followup;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import se.samplan.server.TestDatabase;
import se.samplan.server.workflow.WorkflowTestSupport;

/**
 * The follow-up tests' server: its clock moves on when a test says, and its database is its own, so a sweep or a
 * worklist with the clock moved meets only the plans of these tests. One context for all of them.
 */
@Import(FollowUpTestSupport.MovedClock.class)
@TestPropertySource(properties = "samplan.test.database-name=" + TestDatabase.OWN_DATABASE)
abstract class FollowUpTestSupport extends WorkflowTestSupport {

	@TestConfiguration
	static class MovedClock {
		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}
	}

	@Autowired
	protected MovableClock clock;

	@AfterEach
	void backToNow() {
		clock.reset();
	}
}
