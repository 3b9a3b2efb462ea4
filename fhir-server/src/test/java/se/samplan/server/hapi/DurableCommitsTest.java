package se.samplan.server.hapi;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DurableCommits on an embedded H2 file: when a commit or an auto-commit statement returns, H2's file holds the write
 * (the store has no unsaved changes), while the same write through the unwrapped data source is left to H2's write
 * delay. The delay is set to a minute here, so H2's background thread does not store it in between by chance.
 * CrashTest shows the same with {@code kill -9} against the server; this covers the auto-commit writes it does not
 * make (the authorization server's stores). And a commit that refreshes a table's planner statistics keeps the pages
 * it reads while H2's housekeeping frees what other commits left behind.
 */
class DurableCommitsTest {

	/** Rows of the table whose statistics a commit reads: 40 MB, a few hundred milliseconds to read. */
	private static final int STATISTICS_ROWS = 40_000;

	@TempDir
	Path dir;

	/** In a transaction (its commit), or auto-committed (the statement). */
	@ParameterizedTest(name = "auto-commit {0}")
	@ValueSource(booleans = {false, true})
	void aWriteIsInTheFileWhenItReturns(boolean autoCommit) throws SQLException {
		DataSource plain = h2File();
		DataSource durable = durable(plain);
		try (Connection keepOpen = plain.getConnection(); Statement ddl = keepOpen.createStatement()) {
			ddl.execute("CREATE TABLE T (ID INT PRIMARY KEY)");
			assertThat(unsaved(plain, 1, autoCommit)).as("without DurableCommits, the write waits for H2's delay").isTrue();
			assertThat(unsaved(durable, 2, autoCommit)).as("with DurableCommits, the write is in the file").isFalse();
		}
	}

	/**
	 * A commit that crosses a table's change threshold reads the table for its statistics (here 40 000 rows of 1 kB, as
	 * the audit log's), while another connection rewrites a table whose pages share the file's chunks with it and H2's
	 * background thread frees the chunks that leaves dead (retention 0: the worst case). Through the plain data source
	 * such a commit failed with "Chunk … not found" in 5 of 8 tries (after storing its data), so five tries that all
	 * commit show the pages are kept.
	 */
	@Test
	void aCommitThatReadsStatisticsKeepsThePagesItReads() throws Exception {
		for (int attempt = 1; attempt <= 5; attempt++) {
			DataSource plain = h2File("analyze-" + attempt, ";WRITE_DELAY=50;RETENTION_TIME=0;CACHE_SIZE=1024;ANALYZE_SAMPLE=1000000;ANALYZE_AUTO="
					+ (STATISTICS_ROWS + 1));
			try (Connection setUp = plain.getConnection(); Statement sql = setUp.createStatement();
					Connection durable = durable(plain).getConnection()) {
				sql.execute("CREATE TABLE T (ID INT PRIMARY KEY, V VARCHAR(1000))");
				sql.execute("CREATE TABLE U (ID INT PRIMARY KEY, V VARCHAR(1000))");
				MVStore store = ((SessionLocal) setUp.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
				for (int part = 0; part < 40; part++) { // T's pages spread over chunks that U's rewrites will leave sparse
					int from = part * STATISTICS_ROWS / 40 + 1;
					sql.execute("INSERT INTO T SELECT X, REPEAT('t', 1000) FROM SYSTEM_RANGE(" + from + ", " + (from + STATISTICS_ROWS / 40 - 1) + ")");
					sql.execute("MERGE INTO U SELECT X, REPEAT('" + part % 10 + "', 1000) FROM SYSTEM_RANGE(1, 1000)");
					store.commit();
				}
				durable.setAutoCommit(false);
				try (Statement insert = durable.createStatement()) {
					insert.executeUpdate("INSERT INTO T VALUES (0, 'the change that makes the commit read T')");
				}
				Thread committer = Thread.currentThread();
				AtomicBoolean rewroteDuringStatistics = new AtomicBoolean();
				Thread rewrites = new Thread(() -> {
					long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
					while (!readingStatistics(committer) && System.nanoTime() < until) {
						Thread.onSpinWait();
					}
					try (Connection other = plain.getConnection(); Statement merge = other.createStatement()) {
						for (int i = 0; i < 30 && readingStatistics(committer); i++) {
							merge.execute("MERGE INTO U SELECT X, REPEAT('x', 1000) FROM SYSTEM_RANGE(1, 1000)");
							rewroteDuringStatistics.set(true);
						}
					} catch (SQLException e) {
						throw new IllegalStateException(e);
					}
				});
				rewrites.start();
				durable.commit();
				rewrites.join();
				assertThat(rewroteDuringStatistics).as("try %d: U was rewritten while the commit read T", attempt).isTrue();
			}
		}
	}

	private static boolean readingStatistics(Thread thread) {
		return Arrays.stream(thread.getStackTrace()).anyMatch(f -> f.getMethodName().equals("analyzeTable"));
	}

	@Test
	void otherDatabasesGetThePoolsConnectionsUnchanged() throws SQLException {
		JdbcDataSource memory = new JdbcDataSource();
		memory.setURL("jdbc:h2:mem:durable-commits-test");
		try (Connection connection = durable(memory).getConnection()) {
			assertThat(Proxy.isProxyClass(connection.getClass())).isFalse();
		}
	}

	/** Inserts a row, in a transaction or auto-committed, and tells whether H2's store still holds unsaved changes. */
	private static boolean unsaved(DataSource dataSource, int id, boolean autoCommit) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(autoCommit);
			try (Statement insert = connection.createStatement()) {
				insert.executeUpdate("INSERT INTO T VALUES (" + id + ")");
			}
			if (!autoCommit) {
				connection.commit();
			}
			MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
			return store.hasUnsavedChanges();
		}
	}

	private DataSource h2File() {
		return h2File("db", ";WRITE_DELAY=60000");
	}

	private DataSource h2File(String name, String settings) {
		JdbcDataSource file = new JdbcDataSource();
		file.setURL("jdbc:h2:file:" + dir.resolve(name) + settings);
		file.setUser("sa");
		return file;
	}

	private static DataSource durable(DataSource dataSource) {
		return (DataSource) new DurableCommits(true).postProcessAfterInitialization(dataSource, "dataSource");
	}
}
