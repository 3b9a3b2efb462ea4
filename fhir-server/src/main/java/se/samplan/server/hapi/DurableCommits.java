package se.samplan.server.hapi;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Every transaction that changed the embedded H2 file is written to it before its commit returns, so no answer leaves
 * before what it acknowledges would survive {@code kill -9}. H2 itself does this only with {@code WRITE_DELAY=0},
 * which also stops its background thread and with it the housekeeping that rewrites the few live pages left in old
 * chunks: a county of 10 000 left a 7.8 GB file with 6 % of it live, and searches paid for it in page-cache misses.
 * So H2 keeps its default delay and background thread, and this stores the file after each commit that changed
 * something, and waits for a store the background thread may have begun with those changes.
 * Other databases (PostgreSQL, H2 in memory or over TCP) are left as they are.
 */
@Component
@ConditionalOnProperty(name = "samplan.h2.store-each-commit", matchIfMissing = true)
class DurableCommits implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String name) {
		return bean instanceof DataSource dataSource && !(bean instanceof Durable) ? new Durable(dataSource) : bean;
	}

	/** Hands out connections whose commit waits for the file, once it knows the database is an embedded H2 file. */
	private static final class Durable extends DelegatingDataSource {

		private volatile Boolean embeddedFile;

		Durable(DataSource target) {
			super(target);
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
			if (session == null) {
				return connection;
			}
			MVStore store = session.getDatabase().getStore().getMvStore();
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
					(proxy, method, args) -> {
						boolean changed = "commit".equals(method.getName()) && session.hasPendingTransaction();
						Object result;
						try {
							result = method.invoke(connection, args);
						} catch (InvocationTargetException e) {
							throw e.getCause();
						}
						if (changed && store.commit() < 0) {
							// nothing left to store: a store begun in the background holds these changes; wait for it
							store.executeFilestoreOperation(() -> { });
						}
						return result;
					});
		}
	}
}
