package se.samplan.server.audit;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.PreDestroy;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The audit log's storage: an append-only table of AuditEvents (as JSON) with the person each is about and when it
 * was recorded, and a table of the agents and entities each names, keyed for the searches the log answers. Nothing
 * updates or deletes a row. The tables are plain SQL, the same on H2 and PostgreSQL, and shared by every node.
 * <p>
 * A request's events are committed before its answer leaves ({@link #append} waits), by one writer that commits the
 * events of every request waiting at that moment together (group commit): a commit, not an insert, is what costs on
 * the embedded database, and concurrent requests share it. Ids are time-ordered (UUID version 7), so the log is
 * appended at its end and read newest first by its key.
 */
@Component
class AuditLog {

	/** Which reference of an event a row of the reference table holds. */
	enum Kind {
		AGENT("a"), ENTITY("e");

		final String code;

		Kind(String code) {
			this.code = code;
		}
	}

	/** What a search asks for: each list is OR'd within, the lists AND'd; null means no condition. */
	record Query(List<String> patients, List<List<String>> agents, List<List<String>> entities, Date from, Date to,
			boolean oldestFirst) {}

	/** One page of a search: the events, whether more follow, and the total when it was asked for. */
	record Page(List<AuditEvent> events, boolean more, Integer total) {}

	/** The rows of one request, and its wait for their commit. */
	private record Rows(List<Object[]> events, List<Object[]> references, CompletableFuture<Void> committed) {}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	private final FhirContext ctx;
	private final LinkedBlockingQueue<Rows> waiting = new LinkedBlockingQueue<>();
	private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "audit-log-writer"));
	private volatile boolean open = true;

	AuditLog(JdbcTemplate jdbc, FhirContext ctx) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.ctx = ctx;
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_AUDIT_EVENT (ID VARCHAR(36) PRIMARY KEY, RECORDED BIGINT NOT NULL, "
				+ "PATIENT VARCHAR(200), EVENT VARCHAR(1000000) NOT NULL)");
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_AUDIT_REF (REF VARCHAR(200) NOT NULL, KIND CHAR(1) NOT NULL, "
				+ "EVENT_ID VARCHAR(36) NOT NULL, PRIMARY KEY (REF, KIND, EVENT_ID))");
		jdbc.execute("CREATE INDEX IF NOT EXISTS SAMPLAN_AUDIT_EVENT_PATIENT ON SAMPLAN_AUDIT_EVENT (PATIENT, ID)");
		writer.execute(this::write);
	}

	/** Stores the events and returns once they are committed; each gets its id and version here. */
	void append(List<AuditEvent> events) {
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> refs = new ArrayList<>();
		for (AuditEvent event : events) {
			if (!event.hasRecorded()) {
				event.setRecordedElement(InstantType.now());
			}
			long recorded = event.getRecorded().getTime();
			String id = timeOrderedId(recorded);
			event.setId(id);
			rows.add(new Object[] {id, recorded, patientOf(event), ctx.newJsonParser().encodeResourceToString(event)});
			references(event, Kind.AGENT).forEach(ref -> refs.add(new Object[] {ref, Kind.AGENT.code, id}));
			references(event, Kind.ENTITY).forEach(ref -> refs.add(new Object[] {ref, Kind.ENTITY.code, id}));
			stamp(event, id, recorded);
		}
		Rows mine = new Rows(rows, refs, new CompletableFuture<>());
		waiting.add(mine);
		try {
			mine.committed().join();
		} catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : e;
		}
	}

	/**
	 * The writer: commits what is waiting, together; a batch that fails is retried request by request. When the server
	 * stops, it writes what is still waiting first.
	 */
	private void write() {
		while (open || !waiting.isEmpty()) {
			List<Rows> batch = new ArrayList<>();
			try {
				Rows first = waiting.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			waiting.drainTo(batch);
			try {
				commit(batch);
				batch.forEach(r -> r.committed().complete(null));
			} catch (RuntimeException together) {
				for (Rows alone : batch) {
					try {
						commit(List.of(alone));
						alone.committed().complete(null);
					} catch (RuntimeException e) {
						alone.committed().completeExceptionally(e);
					}
				}
			}
		}
	}

	private void commit(List<Rows> batch) {
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (PreparedStatement events = connection.prepareStatement(
					"INSERT INTO SAMPLAN_AUDIT_EVENT (ID, RECORDED, PATIENT, EVENT) VALUES (?, ?, ?, ?)");
					PreparedStatement refs = connection.prepareStatement(
							"INSERT INTO SAMPLAN_AUDIT_REF (REF, KIND, EVENT_ID) VALUES (?, ?, ?)")) {
				for (Rows rows : batch) {
					add(events, rows.events());
					add(refs, rows.references());
				}
				events.executeBatch();
				refs.executeBatch();
				connection.commit();
			} catch (SQLException e) {
				connection.rollback();
				throw e;
			} finally {
				connection.setAutoCommit(autoCommit);
			}
			return null;
		});
	}

	private static void add(PreparedStatement statement, List<Object[]> rows) throws SQLException {
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				statement.setObject(i + 1, row[i]);
			}
			statement.addBatch();
		}
	}

	/** Lets the writer finish what is waiting, then stops it. */
	@PreDestroy
	void close() throws InterruptedException {
		open = false;
		writer.shutdown();
		writer.awaitTermination(30, TimeUnit.SECONDS);
	}

	Optional<AuditEvent> read(String id) {
		return jdbc.query("SELECT ID, RECORDED, EVENT FROM SAMPLAN_AUDIT_EVENT WHERE ID = ?",
				(rs, n) -> event(rs.getString(1), rs.getLong(2), rs.getString(3)), id).stream().findFirst();
	}

	/** A page of the events the query finds, newest first unless asked otherwise. */
	Page search(Query query, int offset, int count, boolean withTotal) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (query.patients() != null) {
			where.append(" AND e.PATIENT IN (:patients)");
			params.addValue("patients", query.patients().isEmpty() ? List.of("") : query.patients());
		}
		references(where, params, Kind.AGENT, query.agents());
		references(where, params, Kind.ENTITY, query.entities());
		if (query.from() != null) {
			where.append(" AND e.RECORDED >= :from");
			params.addValue("from", query.from().getTime());
		}
		if (query.to() != null) {
			where.append(" AND e.RECORDED <= :to");
			params.addValue("to", query.to().getTime());
		}
		String order = query.oldestFirst() ? " ORDER BY e.ID" : " ORDER BY e.ID DESC";
		params.addValue("limit", count + 1).addValue("offset", offset);
		List<AuditEvent> found = new ArrayList<>(named.query("SELECT e.ID, e.RECORDED, e.EVENT FROM SAMPLAN_AUDIT_EVENT e" + where
				+ order + " LIMIT :limit OFFSET :offset", params, (rs, n) -> event(rs.getString(1), rs.getLong(2), rs.getString(3))));
		boolean more = found.size() > count;
		if (more) {
			found.remove(count);
		}
		Integer total = withTotal
				? named.queryForObject("SELECT COUNT(*) FROM SAMPLAN_AUDIT_EVENT e" + where, params, Integer.class) : null;
		return new Page(found, more, total);
	}

	private static void references(StringBuilder where, MapSqlParameterSource params, Kind kind, List<List<String>> and) {
		if (and == null) {
			return;
		}
		for (int i = 0; i < and.size(); i++) {
			String name = kind.code + i;
			where.append(" AND EXISTS (SELECT 1 FROM SAMPLAN_AUDIT_REF r WHERE r.REF IN (:").append(name)
					.append(") AND r.KIND = '").append(kind.code).append("' AND r.EVENT_ID = e.ID)");
			params.addValue(name, and.get(i));
		}
	}

	/**
	 * A UUID of version 7 (RFC 9562): the time in milliseconds first, then random bits, so that ids sort in the order
	 * events were recorded (within a millisecond, in any order).
	 */
	static String timeOrderedId(long millis) {
		long high = millis << 16 | 0x7000L | RANDOM.nextInt(0x1000);
		long low = RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

	private AuditEvent event(String id, long recorded, String json) {
		AuditEvent event = ctx.newJsonParser().parseResource(AuditEvent.class, json);
		stamp(event, id, recorded);
		return event;
	}

	/** Each event is written once: version 1, last updated when it was recorded. */
	private static void stamp(AuditEvent event, String id, long recorded) {
		event.setIdElement(new IdType("AuditEvent", id, "1"));
		event.getMeta().setVersionId("1").setLastUpdated(new Date(recorded));
	}

	/** The person the event is about (the entity in the role patient), as {@code Patient/id}. */
	static String patientOf(AuditEvent event) {
		return event.getEntity().stream().filter(e -> e.getRole().is(AuditEvents.OBJECT_ROLE_SYSTEM, "1"))
				.map(e -> e.getWhat().getReference()).findFirst().orElse(null);
	}

	private static Set<String> references(AuditEvent event, Kind kind) {
		Set<String> refs = new LinkedHashSet<>();
		if (kind == Kind.AGENT) {
			event.getAgent().stream().filter(a -> a.getWho().hasReference()).forEach(a -> refs.add(a.getWho().getReference()));
		} else {
			event.getEntity().stream().filter(e -> e.getWhat().hasReference()).forEach(e -> refs.add(e.getWhat().getReference()));
		}
		return refs;
	}
}
