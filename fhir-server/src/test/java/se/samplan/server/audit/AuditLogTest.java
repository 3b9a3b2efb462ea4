package se.samplan.server.audit;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log's writer when the database reports a failed commit that in fact stored the events (as H2 did when a
 * read after its commit failed): the writer tries again, finds them there, and neither stores them twice nor stays
 * stuck on their primary keys with the journal growing.
 */
class AuditLogTest {

	@TempDir
	Path dataDir;

	@Test
	void aCommitThatFailedAfterStoringIsNotStoredAgain() throws Exception {
		AtomicBoolean failNextCommit = new AtomicBoolean();
		JdbcTemplate jdbc = new JdbcTemplate(failingAfterCommit(failNextCommit));
		SimpleMeterRegistry metrics = new SimpleMeterRegistry();
		AuditLog auditLog = new AuditLog(jdbc, FhirContext.forR4Cached(), dataDir, metrics);
		try {
			failNextCommit.set(true);
			auditLog.append(request("Patient/1", "Patient/2"));

			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (metrics.get("samplan.audit.unstored").gauge().value() > 0 && System.nanoTime() < until) {
				Thread.sleep(50);
			}
			assertThat(metrics.get("samplan.audit.failed.commits").counter().count()).as("the commit was reported failed").isEqualTo(1);
			assertThat(metrics.get("samplan.audit.unstored").gauge().value()).as("the writer got past the failure").isZero();
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SAMPLAN_AUDIT_EVENT", Integer.class)).isEqualTo(2);

			auditLog.append(request("Patient/3"));
			assertThat(auditLog.search(new AuditLog.Query(List.of("Patient/3"), null, null, null, null, false), 0, 10, true).total())
					.as("what comes after is stored as before").isEqualTo(1);
		} finally {
			auditLog.close();
		}
	}

	/** One request that showed the given persons: an event per person. */
	private static AuditEvents.RequestEvents request(String... patients) {
		JsonNodeFactory json = JsonNodeFactory.instance;
		ObjectNode shared = json.objectNode().put("recorded", Instant.now().toString()).put("action", "R");
		List<List<ObjectNode>> entities = Arrays.stream(patients).map(p -> {
			ObjectNode entity = json.objectNode();
			entity.putObject("what").put("reference", p);
			entity.putObject("role").put("system", AuditEvents.OBJECT_ROLE_SYSTEM).put("code", "1");
			return List.of(entity);
		}).toList();
		return new AuditEvents.RequestEvents(shared, System.currentTimeMillis(), entities);
	}

	/** An in-memory H2 whose next commit, once armed, stores and then reports a failure. */
	private static DataSource failingAfterCommit(AtomicBoolean armed) {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:audit-log-test;DB_CLOSE_DELAY=-1");
		return new DelegatingDataSource(h2) {
			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = super.getConnection();
				return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
					Object result;
					try {
						result = method.invoke(connection, args);
					} catch (InvocationTargetException e) {
						throw e.getCause();
					}
					if ("commit".equals(method.getName()) && armed.compareAndSet(true, false)) {
						throw new SQLException("General error: Chunk 18711 not found (a failure after the commit)");
					}
					return result;
				});
			}
		};
	}
}
