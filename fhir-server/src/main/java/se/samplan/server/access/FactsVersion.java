package se.samplan.server.access;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter in the database that every committed change to what access is judged on moves on, in the same
 * transaction as the change: all nodes sharing the database see a consent withdrawn or a party removed at the
 * moment it commits, by reading one row. The counter is moved just before the commit so that the row lock it
 * takes is held only while the transaction commits.
 */
@Component
class FactsVersion {

	private static final String TABLE = "SAMPLAN_ACCESS_FACTS";
	private static final String BUMP = "UPDATE " + TABLE + " SET VERSION = VERSION + 1 WHERE ID = 1";

	private final JdbcTemplate jdbc;
	@PersistenceContext
	private EntityManager entityManager;

	FactsVersion(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (ID INT PRIMARY KEY, VERSION BIGINT NOT NULL)");
		try {
			jdbc.update("INSERT INTO " + TABLE + " (ID, VERSION) SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + " WHERE ID = 1)");
		} catch (DuplicateKeyException anotherNodeWasFirst) {
			// Two nodes starting on an empty database: one row is all that is needed.
		}
	}

	/** The version committed now. */
	long current() {
		Long version = jdbc.queryForObject("SELECT VERSION FROM " + TABLE + " WHERE ID = 1", Long.class);
		return version == null ? 0 : version;
	}

	/** Moves the version on when the running transaction commits (at once when there is none). */
	void changed() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			jdbc.update(BUMP);
			return;
		}
		// Asked of the running transaction only: an inner (REQUIRES_NEW) transaction commits, and bumps, on its own.
		if (TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(Bump.class::isInstance)) {
			TransactionSynchronizationManager.registerSynchronization(new Bump());
		}
	}

	private final class Bump implements TransactionSynchronization {
		@Override
		public void beforeCommit(boolean readOnly) {
			entityManager.createNativeQuery(BUMP).executeUpdate();
		}
	}
}
