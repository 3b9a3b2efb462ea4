package se.samplan.server.hapi;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DurableCommits on an embedded H2 file: when a commit or an auto-commit statement returns, H2's file holds the write
 * (the store has no unsaved changes), while the same write through the unwrapped data source is left to H2's write
 * delay. The delay is set to a minute here, so H2's background thread does not store it in between by chance.
 * CrashTest shows the same with {@code kill -9} against the server; this covers the auto-commit writes it does not
 * make (the authorization server's stores).
 */
class DurableCommitsTest {

	@TempDir
	Path dir;

	@Test
	void aTransactionIsInTheFileWhenItsCommitReturns() throws SQLException {
		DataSource plain = h2File();
		DataSource durable = durable(plain);
		try (Connection keepOpen = plain.getConnection(); Statement ddl = keepOpen.createStatement()) {
			ddl.execute("CREATE TABLE T (ID INT PRIMARY KEY)");
			assertThat(unsaved(plain, 1, false)).as("without DurableCommits, a commit waits for H2's delay").isTrue();
			assertThat(unsaved(durable, 2, false)).as("with DurableCommits, the commit is in the file").isFalse();
		}
	}

	@Test
	void anAutoCommitStatementIsInTheFileWhenItReturns() throws SQLException {
		DataSource plain = h2File();
		DataSource durable = durable(plain);
		try (Connection keepOpen = plain.getConnection(); Statement ddl = keepOpen.createStatement()) {
			ddl.execute("CREATE TABLE T (ID INT PRIMARY KEY)");
			assertThat(unsaved(plain, 1, true)).as("without DurableCommits, an auto-commit write waits for H2's delay").isTrue();
			assertThat(unsaved(durable, 2, true)).as("with DurableCommits, the auto-commit write is in the file").isFalse();
		}
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
		JdbcDataSource file = new JdbcDataSource();
		file.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=60000");
		file.setUser("sa");
		return file;
	}

	private static DataSource durable(DataSource dataSource) {
		return (DataSource) new DurableCommits().postProcessAfterInitialization(dataSource, "dataSource");
	}
}
