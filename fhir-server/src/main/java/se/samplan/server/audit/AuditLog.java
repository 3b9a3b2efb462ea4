package se.samplan.server.audit;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The audit log's storage: an append-only table of AuditEvents (as JSON) with the person each is about and when it
 * was recorded, and a table of the agents and entities each names, indexed for the searches the log answers. A
 * request's events are inserted in one transaction of two batched statements, committed before the answer leaves.
 * Nothing updates or deletes a row. The tables are plain SQL, the same on H2 and PostgreSQL, and shared by every node.
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

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	private final TransactionTemplate ownTransaction;
	private final FhirContext ctx;

	AuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, FhirContext ctx) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.ctx = ctx;
		this.ownTransaction = new TransactionTemplate(transactions);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_AUDIT_EVENT (ID VARCHAR(64) PRIMARY KEY, RECORDED BIGINT NOT NULL, "
				+ "PATIENT VARCHAR(200), EVENT VARCHAR(1000000) NOT NULL)");
		jdbc.execute("CREATE TABLE IF NOT EXISTS SAMPLAN_AUDIT_REF (EVENT_ID VARCHAR(64) NOT NULL, KIND CHAR(1) NOT NULL, "
				+ "REF VARCHAR(200) NOT NULL)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS SAMPLAN_AUDIT_EVENT_PATIENT ON SAMPLAN_AUDIT_EVENT (PATIENT, RECORDED)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS SAMPLAN_AUDIT_EVENT_RECORDED ON SAMPLAN_AUDIT_EVENT (RECORDED)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS SAMPLAN_AUDIT_REF_REF ON SAMPLAN_AUDIT_REF (REF, KIND, EVENT_ID)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS SAMPLAN_AUDIT_REF_EVENT ON SAMPLAN_AUDIT_REF (EVENT_ID)");
	}

	/** Stores the events in one committed transaction of their own; each gets its id and version here. */
	void append(List<AuditEvent> events) {
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> refs = new ArrayList<>();
		for (AuditEvent event : events) {
			String id = UUID.randomUUID().toString();
			event.setId(id);
			if (!event.hasRecorded()) {
				event.setRecordedElement(InstantType.now());
			}
			rows.add(new Object[] {id, event.getRecorded().getTime(), patientOf(event), ctx.newJsonParser().encodeResourceToString(event)});
			references(event, Kind.AGENT).forEach(ref -> refs.add(new Object[] {id, Kind.AGENT.code, ref}));
			references(event, Kind.ENTITY).forEach(ref -> refs.add(new Object[] {id, Kind.ENTITY.code, ref}));
			stamp(event, id, event.getRecorded().getTime());
		}
		ownTransaction.executeWithoutResult(status -> {
			jdbc.batchUpdate("INSERT INTO SAMPLAN_AUDIT_EVENT (ID, RECORDED, PATIENT, EVENT) VALUES (?, ?, ?, ?)", rows);
			jdbc.batchUpdate("INSERT INTO SAMPLAN_AUDIT_REF (EVENT_ID, KIND, REF) VALUES (?, ?, ?)", refs);
		});
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
		String order = query.oldestFirst() ? " ORDER BY e.RECORDED, e.ID" : " ORDER BY e.RECORDED DESC, e.ID DESC";
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
			where.append(" AND EXISTS (SELECT 1 FROM SAMPLAN_AUDIT_REF r WHERE r.EVENT_ID = e.ID AND r.KIND = '")
					.append(kind.code).append("' AND r.REF IN (:").append(name).append("))");
			params.addValue(name, and.get(i));
		}
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
