package se.samplan.server.audit;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.server.hapi.Journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The audit log's storage, append-only, in plain SQL the same on H2 and PostgreSQL and shared by every node:
 * {@code SAMPLAN_AUDIT_EVENT} holds each AuditEvent (as JSON) with when it was recorded, {@code SAMPLAN_AUDIT_REF}
 * the person, agents and entities each names, keyed for the searches the log answers.
 * <p>
 * A request's events are durable before its answer leaves: {@link #append} writes them to the node's
 * {@link Journal} and returns. One writer thread stores what the journal took in the database, the events and
 * their reference rows of many requests in one commit (every quarter second, every {@link #BATCH} requests, or when a
 * search asks), then deletes the journal's segment. A commit of the embedded database rewrites every page it changed,
 * so a commit per request cost a read as much as the read itself; a journal line costs a write to a file. What a
 * node journaled and did not commit (it was killed, or the database was away) is stored at its next start, before it
 * answers, or by the writer's next try. A search or read on a node first has what that node appended stored; another
 * node's last quarter second may not be found yet.
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

	/** One event's row and its reference rows. */
	private record Row(Object[] event, List<Object[]> references) {}

	private static final ObjectMapper JSON = new ObjectMapper();
	/** How long journaled events may wait to be stored together, and how many requests' events at most. */
	private static final long DELAY_MILLIS = 250;
	private static final int BATCH = 500;
	/** How long the writer waits before trying again when the database refused a commit. */
	private static final long RETRY_MILLIS = 1_000;
	/** What the tables' columns hold at most: an event that does not fit is refused before its answer leaves. */
	private static final int MAX_EVENT = 1_000_000;
	private static final int MAX_REF = 200;

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	/** Plain JDBC transactions on the server's database, apart from JPA's. */
	private final TransactionTemplate transactions;
	private final FhirContext ctx;
	private final Journal journal;
	private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "audit-log-writer"));
	/** Guards the journal and what follows; the writer waits on it. */
	private final Object lock = new Object();
	private List<Row> journaled = new ArrayList<>();
	private long appended;
	private long oldest;
	private long stored;
	private boolean asked;
	private boolean open = true;
	private final Counter journaledEvents;
	private final Counter failedCommits;

	AuditLog(JdbcTemplate jdbc, FhirContext ctx, @Value("${samplan.data-dir}") Path dataDir, MeterRegistry metrics) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
		this.ctx = ctx;
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_AUDIT_EVENT (ID VARCHAR(36) PRIMARY KEY, RECORDED BIGINT NOT NULL, "
				+ "EVENT VARCHAR(" + MAX_EVENT + ") NOT NULL)");
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_AUDIT_REF (REF VARCHAR(" + MAX_REF + ") NOT NULL, KIND CHAR(1) NOT NULL, "
				+ "EVENT_ID VARCHAR(36) NOT NULL, PRIMARY KEY (REF, KIND, EVENT_ID))");
		this.journal = new Journal(dataDir.resolve("audit-journal"));
		this.journaledEvents = metrics.counter("samplan.audit.events");
		this.failedCommits = metrics.counter("samplan.audit.failed.commits");
		Gauge.builder("samplan.audit.unstored", this, AuditLog::unstored)
				.description("Requests whose audit events are journaled but not yet stored in the database").register(metrics);
		recover();
		writer.execute(this::write);
	}

	/** Journals a request's events and returns once they are durable; each gets its id here. */
	void append(AuditEvents.RequestEvents request) {
		List<Row> rows = new ArrayList<>();
		StringBuilder lines = new StringBuilder();
		for (List<ObjectNode> theirs : request.entities()) {
			ObjectNode event = JSON.createObjectNode();
			event.put("resourceType", "AuditEvent").put("id", timeOrderedId(request.recorded()));
			event.setAll(request.shared());
			if (!theirs.isEmpty()) {
				event.putArray("entity").addAll(theirs); // the last element of an AuditEvent
			}
			String json = event.toString();
			Row row = row(event, json);
			if (json.length() > MAX_EVENT || row.references().stream().anyMatch(r -> ((String) r[0]).length() > MAX_REF)) {
				throw new IllegalArgumentException("AuditEvent " + event.get("id").asText() + " does not fit the audit log's columns");
			}
			rows.add(row);
			lines.append(json).append('\n');
		}
		if (rows.isEmpty()) {
			return;
		}
		byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
		synchronized (lock) {
			if (!open) {
				throw new IllegalStateException("The audit log is closed: the server is stopping");
			}
			journal.write(bytes);
			if (journaled.isEmpty()) {
				oldest = System.currentTimeMillis();
				lock.notifyAll(); // the writer's quarter second starts
			}
			journaled.addAll(rows);
			journaledEvents.increment(rows.size());
			appended++;
			if (appended - stored >= BATCH) {
				lock.notifyAll();
			}
		}
	}

	/**
	 * The writer: stores what was journaled, in one commit, and deletes the journal's segments that holds. A commit
	 * the database refuses is tried again (with what came since) until it takes; the segments stay till then. A
	 * commit that failed may have been stored all the same (the database failed after it), so a try after a failure
	 * stores only what is not there yet.
	 */
	private void write() {
		List<Row> uncommitted = new ArrayList<>();
		List<Journal.Segment> segments = new ArrayList<>();
		boolean failed = false;
		long upTo;
		while (true) {
			synchronized (lock) {
				try {
					while (open && !asked && appended - stored < BATCH && uncommitted.isEmpty()
							&& (journaled.isEmpty() || System.currentTimeMillis() < oldest + DELAY_MILLIS)) {
						lock.wait(journaled.isEmpty() ? 0 : Math.max(1, oldest + DELAY_MILLIS - System.currentTimeMillis()));
					}
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
				if (!open && journaled.isEmpty() && uncommitted.isEmpty()) {
					return;
				}
				asked = false;
				uncommitted.addAll(journaled);
				journaled = new ArrayList<>();
				Journal.Segment segment = journal.rotate();
				if (segment != null) {
					segments.add(segment);
				}
				upTo = appended;
			}
			try {
				store(failed ? missing(uncommitted) : uncommitted);
				failed = false;
				segments.forEach(journal::delete);
				uncommitted.clear();
				segments.clear();
				synchronized (lock) {
					stored = upTo;
					lock.notifyAll();
				}
			} catch (RuntimeException e) {
				failed = true;
				failedCommits.increment();
				log.warn("Audit events journaled but not yet stored in the database, trying again: {}", e.getMessage());
				if (!open) {
					release(segments); // the journal keeps them for the next start
					return;
				}
				try {
					Thread.sleep(RETRY_MILLIS);
				} catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void release(List<Journal.Segment> segments) {
		for (Journal.Segment segment : segments) {
			try {
				journal.release(segment);
			} catch (IOException e) {
				log.warn("Audit journal segment {} not closed: {}", segment.path(), e.getMessage());
			}
		}
	}

	/** The events and their references, in one commit. */
	private void store(List<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			jdbc.batchUpdate("INSERT INTO SAMPLAN_AUDIT_EVENT (ID, RECORDED, EVENT) VALUES (?, ?, ?)",
					rows.stream().map(Row::event).toList());
			jdbc.batchUpdate("INSERT INTO SAMPLAN_AUDIT_REF (REF, KIND, EVENT_ID) VALUES (?, ?, ?)",
					rows.stream().flatMap(r -> r.references().stream()).toList());
		});
	}

	/**
	 * What stopped nodes journaled and may not have stored (a node killed between its commit and deleting the
	 * segment stored it already), stored before this node answers anything.
	 */
	private void recover() {
		for (Journal.Left left : journal.leftOver()) {
			List<Row> rows = new ArrayList<>();
			for (String line : left.lines()) {
				JsonNode event = tree(line);
				if (event != null && "AuditEvent".equals(event.path("resourceType").asText()) && event.hasNonNull("id")) {
					rows.add(row(event, line));
				} else {
					log.error("Audit journal {}: a line that is no AuditEvent is left out: {}", left.segment().path(), line);
				}
			}
			List<Row> missing = missing(rows);
			store(missing);
			journal.delete(left.segment());
			log.info("Audit journal {}: {} events recovered, {} of them not yet in the database", left.segment().path().getFileName(),
					rows.size(), missing.size());
		}
	}

	/** The rows whose events the database does not hold. */
	private List<Row> missing(List<Row> rows) {
		Set<Object> there = new HashSet<>();
		for (int i = 0; i < rows.size(); i += BATCH) {
			List<Object> ids = rows.subList(i, Math.min(rows.size(), i + BATCH)).stream().map(r -> r.event()[0]).toList();
			there.addAll(named.queryForList("SELECT ID FROM SAMPLAN_AUDIT_EVENT WHERE ID IN (:ids)",
					new MapSqlParameterSource("ids", ids), String.class));
		}
		return rows.stream().filter(r -> !there.contains(r.event()[0])).toList();
	}

	/** The event's row (as journaled) and what it is searched by. */
	private static Row row(JsonNode event, String json) {
		String id = event.get("id").asText();
		List<Object[]> refs = new ArrayList<>();
		references(event).forEach(ref -> refs.add(new Object[] {ref[0], ref[1], id}));
		return new Row(new Object[] {id, new InstantType(event.get("recorded").asText()).getValue().getTime(), json}, refs);
	}

	/** The JSON, or null when it is none. */
	private static JsonNode tree(String json) {
		try {
			return JSON.readTree(json);
		} catch (JsonProcessingException e) {
			return null;
		}
	}

	private double unstored() {
		synchronized (lock) {
			return appended - stored;
		}
	}

	/** Until what was appended before now (on this node) is stored, or a few seconds have passed. */
	private void awaitStored() {
		synchronized (lock) {
			long target = appended;
			if (stored >= target) {
				return;
			}
			asked = true;
			lock.notifyAll();
			long until = System.currentTimeMillis() + 5_000;
			try {
				while (stored < target && System.currentTimeMillis() < until) {
					lock.wait(100);
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Lets the writer store what is journaled, then stops it. */
	@PreDestroy
	void close() throws InterruptedException, IOException {
		synchronized (lock) {
			open = false;
			lock.notifyAll();
		}
		writer.shutdown();
		writer.awaitTermination(30, TimeUnit.SECONDS);
		synchronized (lock) {
			journal.close();
		}
	}

	Optional<AuditEvent> read(String id) {
		awaitStored();
		return jdbc.query("SELECT ID, RECORDED, EVENT FROM SAMPLAN_AUDIT_EVENT WHERE ID = ?",
				(rs, n) -> event(rs.getString(1), rs.getLong(2), rs.getString(3)), id).stream().findFirst();
	}

	/** A page of the events the query finds, newest first unless asked otherwise. */
	Page search(Query query, int offset, int count, boolean withTotal) {
		awaitStored();
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
		// Unique, not secret: an AuditEvent is read only by who may (SecureRandom's lock and reads of /dev/urandom
		// cost a tenth of the journaling).
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = millis << 16 | 0x7000L | random.nextInt(0x1000);
		long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
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
	private static Set<String[]> references(JsonNode event) {
		Set<String> seen = new LinkedHashSet<>();
		Set<String[]> refs = new LinkedHashSet<>();
		for (JsonNode entity : event.path("entity")) {
			JsonNode role = entity.path("role");
			if (AuditEvents.OBJECT_ROLE_SYSTEM.equals(role.path("system").asText()) && "1".equals(role.path("code").asText())
					&& entity.path("what").has("reference")) {
				String patient = entity.path("what").path("reference").asText();
				seen.add(Kind.PATIENT.code + patient);
				refs.add(new String[] {patient, Kind.PATIENT.code});
				break;
			}
		}
		add(refs, seen, Kind.AGENT, event.path("agent"), "who");
		add(refs, seen, Kind.ENTITY, event.path("entity"), "what");
		return refs;
	}

	/** The references at {@code element} of each of the components, under the kind, each once. */
	private static void add(Set<String[]> refs, Set<String> seen, Kind kind, JsonNode components, String element) {
		for (JsonNode component : components) {
			JsonNode ref = component.path(element).path("reference");
			if (ref.isTextual() && seen.add(kind.code + ref.asText())) {
				refs.add(new String[] {ref.asText(), kind.code});
			}
		}
	}
}
