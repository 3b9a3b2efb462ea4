package se.samplan.server.hapi;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.h2.mvstore.MVStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Keeps the embedded database's file compact while the server runs. The embedded H2 writes every commit to its file
 * at once ({@code WRITE_DELAY=0}, application.yaml: no answered write is lost to a crash), and with that setting H2
 * runs no background thread, so nothing rewrites the file's chunks as their pages are superseded: after a county of
 * 10 000 was loaded, 7.8 GB of chunks held 0.24 GB of live pages (6 %), and reading a random resource and its index
 * rows took three times as long as in the compacted file (README, "kept compact"). This does H2's housekeeping
 * in its stead: five times a second it rewrites the live pages of the emptiest chunks (up to 256 KB) into new ones, so
 * that the emptied chunks are freed and written over, as H2's own background thread does with a write delay.
 */
@Component
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
class EmbeddedDatabaseCompaction {

	/** H2's own housekeeping, busy, aims at 81 % (its AUTO_COMPACT_FILL_RATE of 90, squared). */
	private static final int TARGET_FILL_RATE = 80;
	/** As H2's busy housekeeping: a quarter of its 1 MB write buffer a turn, to keep each turn's hold on commits short. */
	private static final int BYTES_PER_TURN = 256 * 1024;

	private final DataSource dataSource;
	private MVStore store;

	EmbeddedDatabaseCompaction(DataSource dataSource, MeterRegistry metrics) {
		this.dataSource = dataSource;
		Gauge.builder("samplan.database.chunks.live", this, EmbeddedDatabaseCompaction::chunksLivePercent).baseUnit("percent")
				.description("Share of the embedded database file's chunks that live pages fill").register(metrics);
	}

	@Scheduled(initialDelay = 200, fixedDelay = 200)
	void compact() throws SQLException {
		MVStore store = store();
		if (!store.isClosed() && store.compact(TARGET_FILL_RATE, BYTES_PER_TURN)) {
			store.commit(); // the rewritten pages to the file now, as a transaction's commit would write them
		}
	}

	private double chunksLivePercent() {
		try {
			MVStore store = store();
			return store.isClosed() ? Double.NaN : store.getFileStore().getChunksFillRate();
		} catch (SQLException e) {
			return Double.NaN;
		}
	}

	private synchronized MVStore store() throws SQLException {
		if (store == null) {
			try (Connection connection = dataSource.getConnection()) {
				store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
			}
		}
		return store;
	}
}
