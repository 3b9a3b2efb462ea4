package se.samplan.server.audit;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.PreDestroy;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
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
 * The audit log's storage, append-only, in plain SQL the same on H2 and PostgreSQL and shared by every node:
 * {@code SAMPLAN_AUDIT_EVENT} holds each AuditEvent (as JSON) with when it was recorded, {@code SAMPLAN_AUDIT_REF}
 * the person, agents and entities each names, keyed for the searches the log answers.
 * <p>
 * A request's events are durable before its answer leaves: {@link #append} waits until they are committed, together
 * with those of every request waiting at that moment (group commit). That commit writes the events and a line in
 * {@code SAMPLAN_AUDIT_PENDING}, both appended at the end of their keys (ids are time-ordered UUIDs, version 7), so
 * it is small; the reference rows, which land all over their key, follow after the answers have left, for many
 * requests at once, in a commit of their own that removes the pending lines. A search on a node first has what that
 * node appended indexed (on another node, what it appended in the last quarter second may not be found yet); pending
 * lines left by a node that stopped in between are indexed by the next writer that finds them.
 */
@Component
class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	/** Which reference of an event a row of the reference table holds. */
	enum Kind {
		PATIENT("p"), AGENT("a"), ENTITY("e");

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

	/** The rows of one request, its place in the order of appends, and its wait for their commit. */
	private record Rows(List<Object[]> events, List<Object[]> references, long ticket, CompletableFuture<Void> committed) {}

	private static final SecureRandom RANDOM = new SecureRandom();
	/** How long committed events may wait to be indexed together, and how many at most. */
	private static final long INDEX_DELAY_MILLIS = 250;
	private static final int INDEX_BATCH = 500;
	/** Pending lines older than this are some other writer's, left when it stopped. */
	private static final long STALE_MILLIS = 60_000;

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	/** Plain JDBC transactions on the server's database, apart from JPA's. */
	private final TransactionTemplate transactions;
	private final FhirContext ctx;
	private final LinkedBlockingQueue<Rows> waiting = new LinkedBlockingQueue<>();
	private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "audit-log-writer"));
	private final Object progress = new Object();
	private long appended;
	private long indexed;
	private volatile boolean open = true;

	AuditLog(JdbcTemplate jdbc, FhirContext ctx) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
		this.ctx = ctx;
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_AUDIT_EVENT (ID VARCHAR(36) PRIMARY KEY, RECORDED BIGINT NOT NULL, "
				+ "EVENT VARCHAR(1000000) NOT NULL)");
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_AUDIT_REF (REF VARCHAR(200) NOT NULL, KIND CHAR(1) NOT NULL, "
				+ "EVENT_ID VARCHAR(36) NOT NULL, PRIMARY KEY (REF, KIND, EVENT_ID))");
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_AUDIT_PENDING (EVENT_ID VARCHAR(36) PRIMARY KEY)");
		// What a previous run appended and did not index is searchable before the first request.
		indexPending(0);
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
			rows.add(new Object[] {id, recorded, ctx.newJsonParser().encodeResourceToString(event)});
			references(event).forEach(ref -> refs.add(new Object[] {ref[0], ref[1], id}));
			stamp(event, id, recorded);
		}
		try {
			enqueue(rows, refs).committed().join();
		} catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : e;
		}
	}

	/** Queues rows for the writer, in the order of their tickets; done when they are committed. */
	private Rows enqueue(List<Object[]> rows, List<Object[]> refs) {
		synchronized (progress) {
			Rows mine = new Rows(rows, refs, ++appended, new CompletableFuture<>());
			waiting.add(mine);
			return mine;
		}
	}

	/**
	 * The writer: commits what is waiting, together (a batch that fails is retried request by request), and answers
	 * the requests. What it committed it indexes in bulk, once {@link #INDEX_DELAY_MILLIS} has passed since the oldest
	 * of it, the events of {@link #INDEX_BATCH} requests have gathered or a search asks; each commit rewrites the database's changed
	 * pages, so one index commit for many requests costs a fraction of one per request. Idle, it indexes pending lines
	 * other writers left. When the server stops, it writes and indexes what is still waiting first.
	 */
	private void write() {
		List<Rows> unindexed = new ArrayList<>();
		long oldest = 0;
		long seen = 0;
		while (open || !waiting.isEmpty()) {
			List<Rows> batch = new ArrayList<>();
			try {
				long wait = unindexed.isEmpty() ? 1000 : oldest + INDEX_DELAY_MILLIS - System.currentTimeMillis();
				Rows first = waiting.poll(Math.max(wait, 0), TimeUnit.MILLISECONDS);
				if (first != null) {
					batch.add(first);
					waiting.drainTo(batch);
				} else if (unindexed.isEmpty()) {
					indexPending(STALE_MILLIS);
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			List<Rows> committed = commitEach(batch.stream().filter(r -> !r.events().isEmpty()).toList());
			if (unindexed.isEmpty()) {
				oldest = System.currentTimeMillis();
			}
			unindexed.addAll(committed);
			boolean asked = false;
			for (Rows r : batch) {
				asked |= r.events().isEmpty(); // a search's request to index now
				seen = Math.max(seen, r.ticket());
				r.committed().complete(null);
			}
			if (asked || !open || unindexed.size() >= INDEX_BATCH || System.currentTimeMillis() >= oldest + INDEX_DELAY_MILLIS) {
				try {
					indexCommit(unindexed);
				} catch (RuntimeException e) {
					log.warn("Audit events appended but not yet indexed, left pending: {}", e.getMessage());
				}
				unindexed = new ArrayList<>();
				synchronized (progress) {
					indexed = seen;
					progress.notifyAll();
				}
			}
		}
		try {
			indexCommit(unindexed);
		} catch (RuntimeException e) {
			log.warn("Audit events appended but not indexed at stop, left pending for the next start: {}", e.getMessage());
		}
	}

	/** Commits the batch's events together, or else each request's alone; the ones committed. */
	private List<Rows> commitEach(List<Rows> batch) {
		if (batch.isEmpty()) {
			return batch;
		}
		try {
			appendCommit(batch);
			return batch;
		} catch (RuntimeException together) {
			List<Rows> committed = new ArrayList<>();
			for (Rows alone : batch) {
				try {
					appendCommit(List.of(alone));
					committed.add(alone);
				} catch (RuntimeException e) {
					alone.committed().completeExceptionally(e);
				}
			}
			return committed;
		}
	}

	/** The events and their pending lines, in one commit. */
	private void appendCommit(List<Rows> batch) {
		transactions.executeWithoutResult(status -> {
			jdbc.batchUpdate("INSERT INTO SAMPLAN_AUDIT_EVENT (ID, RECORDED, EVENT) VALUES (?, ?, ?)", rows(batch, true));
			jdbc.batchUpdate("INSERT INTO SAMPLAN_AUDIT_PENDING (EVENT_ID) VALUES (?)", ids(batch));
		});
	}

	/**
	 * The events' references, in one commit that removes their pending lines. An event is indexed by whoever removes
	 * its pending line (the row lock makes any other writer wait, then find it gone), so it is indexed once.
	 */
	private void indexCommit(List<Rows> batch) {
		if (batch.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			List<Object[]> ids = ids(batch);
			int[] claimed = jdbc.batchUpdate("DELETE FROM SAMPLAN_AUDIT_PENDING WHERE EVENT_ID = ?", ids);
			Set<Object> mine = new HashSet<>();
			for (int i = 0; i < claimed.length; i++) {
				if (claimed[i] > 0) {
					mine.add(ids.get(i)[0]);
				}
			}
			jdbc.batchUpdate("INSERT INTO SAMPLAN_AUDIT_REF (REF, KIND, EVENT_ID) VALUES (?, ?, ?)",
					rows(batch, false).stream().filter(row -> mine.contains(row[2])).toList());
		});
	}

	/** Indexes the pending lines at least {@code olderThanMillis} old, from the events themselves. */
	private void indexPending(long olderThanMillis) {
		List<Rows> left = new ArrayList<>();
		jdbc.query("SELECT e.ID, e.EVENT FROM SAMPLAN_AUDIT_PENDING p JOIN SAMPLAN_AUDIT_EVENT e ON e.ID = p.EVENT_ID "
				+ "WHERE e.RECORDED < ?", rs -> {
			String id = rs.getString(1);
			List<Object[]> refs = new ArrayList<>();
			references(ctx.newJsonParser().parseResource(AuditEvent.class, rs.getString(2)))
					.forEach(ref -> refs.add(new Object[] {ref[0], ref[1], id}));
			left.add(new Rows(List.<Object[]>of(new Object[] {id}), refs, 0, null));
		}, System.currentTimeMillis() - olderThanMillis);
		for (Rows rows : left) {
			try {
				indexCommit(List.of(rows));
			} catch (RuntimeException e) {
				log.warn("Pending audit event {} not indexed now: {}", rows.events().get(0)[0], e.getMessage());
			}
		}
	}

	private static List<Object[]> rows(List<Rows> batch, boolean events) {
		List<Object[]> all = new ArrayList<>();
		batch.forEach(r -> all.addAll(events ? r.events() : r.references()));
		return all;
	}

	private static List<Object[]> ids(List<Rows> batch) {
		List<Object[]> ids = new ArrayList<>();
		batch.forEach(r -> r.events().forEach(row -> ids.add(new Object[] {row[0]})));
		return ids;
	}

	/** Until what was appended before now (on this node) is indexed, or a few seconds have passed. */
	private void awaitIndexed() {
		synchronized (progress) {
			if (indexed == appended) {
				return;
			}
		}
		long target = enqueue(List.of(), List.of()).ticket(); // no events: asks the writer to index now
		synchronized (progress) {
			long until = System.currentTimeMillis() + 5_000;
			while (indexed < target && System.currentTimeMillis() < until) {
				try {
					progress.wait(100);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
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
		awaitIndexed();
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (query.patients() != null) {
			references(where, params, Kind.PATIENT, List.of(query.patients().isEmpty() ? List.of("") : query.patients()));
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
			// Driven from the reference rows, so a search is as fast as what it finds is small, whatever the log's size
			// (an EXISTS per event walked the whole log in id order).
			where.append(" AND e.ID IN (SELECT r.EVENT_ID FROM SAMPLAN_AUDIT_REF r WHERE r.REF IN (:").append(name)
					.append(") AND r.KIND = '").append(kind.code).append("')");
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

	/** What the event is searched by: {reference, kind code}, each once. */
	private static Set<String[]> references(AuditEvent event) {
		Set<String> seen = new LinkedHashSet<>();
		Set<String[]> refs = new LinkedHashSet<>();
		String patient = patientOf(event);
		if (patient != null && seen.add(Kind.PATIENT.code + patient)) {
			refs.add(new String[] {patient, Kind.PATIENT.code});
		}
		event.getAgent().stream().filter(a -> a.getWho().hasReference()).map(a -> a.getWho().getReference())
				.filter(ref -> seen.add(Kind.AGENT.code + ref)).forEach(ref -> refs.add(new String[] {ref, Kind.AGENT.code}));
		event.getEntity().stream().filter(e -> e.getWhat().hasReference()).map(e -> e.getWhat().getReference())
				.filter(ref -> seen.add(Kind.ENTITY.code + ref)).forEach(ref -> refs.add(new String[] {ref, Kind.ENTITY.code}));
		return refs;
	}
}
