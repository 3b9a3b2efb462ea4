package se.samplan.server.hapi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Nodes sharing a PostgreSQL database start one at a time: a PostgreSQL advisory lock, taken before the schema
 * migration and given back when the node is ready, covers everything a first start creates (schema, search indexes,
 * tables of the authorization server, the package, demo data), so the next node finds it made. The lock belongs to
 * this database session: a node that dies while starting lets it go with its connection.
 */
@Component
@ConditionalOnProperty("samplan.schema.migrate")
public class StartupLock implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
	/** An arbitrary constant naming the lock ("SIP" in ASCII). */
	private static final long KEY = 0x534950L;

	private Connection connection;

	StartupLock(DataSource dataSource) throws SQLException {
		connection = dataSource.getConnection();
		try (Statement statement = connection.createStatement();
				ResultSet taken = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
			if (!(taken.next() && taken.getBoolean(1))) {
				log.info("Another node is starting on this database; waiting for it");
				statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
			}
		}
	}

	/** Given back when the node is ready, or when its start-up fails (the context closes). */
	@Override
	@EventListener(ApplicationReadyEvent.class)
	public synchronized void close() throws SQLException {
		if (connection != null) {
			try (Connection pooled = connection; Statement statement = pooled.createStatement()) {
				statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
			} finally {
				connection = null;
			}
		}
	}
}
