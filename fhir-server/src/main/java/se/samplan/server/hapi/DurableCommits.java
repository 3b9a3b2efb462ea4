package se.samplan.server.hapi;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Every write to the embedded H2 file is stored in it before the write's commit returns, so no answer leaves before
 * what it acknowledges would survive {@code kill -9}. H2 itself does this only with {@code WRITE_DELAY=0}, which also
 * stops its background thread and with it the housekeeping that rewrites the few live pages commits leave behind in
 * older parts of the file: a county of 10 000 left a 7.8 GB file with 6 % of it live, and searches paid for it. So H2
 * keeps its default delay and background thread, and this stores the file after each commit that changed something
 * (a transaction's, or an auto-commit statement's, as the authorization server's JDBC stores run) and waits for a
 * store the background thread may have begun with those changes ({@code samplan.h2.store-each-commit}, default on).
 * <p>
 * A commit also holds on to the store's current version while it runs. H2 refreshes a table's planner statistics
 * inside the commit that crosses its change threshold, reading up to a tenth of {@code ANALYZE_SAMPLE} rows outside
 * any statement, so nothing tells the housekeeping that the pages it reads are in use; with the short
 * {@code RETENTION_TIME} the housekeeping needs, it freed them under a read of 62 000 audit events (2.6 s) and the
 * commit failed with "Chunk … not found" after its data were in. Other databases (PostgreSQL, H2 in memory or over
 * TCP) are left as they are.
 */
@Component
class DurableCommits implements BeanPostProcessor {

	private final boolean storeEachCommit;

	DurableCommits(@Value("${samplan.h2.store-each-commit:true}") boolean storeEachCommit) {
		this.storeEachCommit = storeEachCommit;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String name) {
		return bean instanceof DataSource dataSource && !(bean instanceof Durable) ? new Durable(dataSource, storeEachCommit) : bean;
	}

	/** Hands out connections whose commits wait for the file, once it knows the database is an embedded H2 file. */
	private static final class Durable extends DelegatingDataSource {

		private final boolean storeEachCommit;
		private volatile Boolean embeddedFile;

		Durable(DataSource target, boolean storeEachCommit) {
			super(target);
			this.storeEachCommit = storeEachCommit;
		}

		@Override
		public Connection getConnection() throws SQLException {
			return durable(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return durable(super.getConnection(username, password));
		}

		private Connection durable(Connection connection) throws SQLException {
			if (Boolean.FALSE.equals(embeddedFile)) {
				return connection;
			}
			SessionLocal session = connection.isWrapperFor(JdbcConnection.class)
					&& connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
					&& local.getDatabase().isPersistent() ? local : null;
			embeddedFile = session != null;
			return session == null ? connection : proxy(Connection.class, new DurableConnection(connection, session, storeEachCommit));
		}
	}

	/**
	 * A connection whose commits keep the pages they read and return once the file holds them; its statements too,
	 * when it auto-commits.
	 */
	private record DurableConnection(Connection connection, SessionLocal session, boolean storeEachCommit) implements InvocationHandler {

		/** What the statements of an auto-committing connection change is committed when they run. */
		private static final Set<String> WRITES = Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeBatch",
				"executeLargeBatch");

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				default:
					break;
			}
			// a commit, or auto-commit switched on, which commits what is pending (JDBC)
			boolean commits = "commit".equals(method.getName()) || "setAutoCommit".equals(method.getName()) && (Boolean) args[0];
			boolean changes = commits && session.hasPendingTransaction();
			Object result = commits ? committing(connection, method, args) : call(connection, method, args);
			if (changes) {
				stored();
			}
			if (result instanceof Statement statement && connection.getAutoCommit()) {
				return proxy(method.getReturnType(), (p, m, a) -> {
					if (!WRITES.contains(m.getName()) || !connection.getAutoCommit()) {
						return call(statement, m, a);
					}
					Object done = committing(statement, m, a);
					stored();
					return done;
				});
			}
			return result;
		}

		/** Runs what commits with the store's current version held, so the statistics it may read stay in the file. */
		private Object committing(Object target, Method method, Object[] args) throws Throwable {
			MVStore store = store();
			MVStore.TxCounter held = store.registerVersionUsage();
			try {
				return call(target, method, args);
			} finally {
				store.deregisterVersionUsage(held);
			}
		}

		private void stored() {
			if (!storeEachCommit) {
				return;
			}
			MVStore store = store();
			if (store.commit() < 0) {
				// nothing left to store: a store the background thread began holds these changes; wait for it
				store.executeFilestoreOperation(() -> { });
			}
		}

		private MVStore store() {
			return session.getDatabase().getStore().getMvStore();
		}
	}

	private static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		} catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, InvocationHandler handler) {
		return (T) Proxy.newProxyInstance(DurableCommits.class.getClassLoader(), new Class<?>[] {type}, handler);
	}
}
