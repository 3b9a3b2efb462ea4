package se.samplan.server.hapi;

import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samplan.server.ServerTestBase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write is found by {@code _content} as soon as it is answered, though its index entries are committed to disk
 * later; a checkpoint within seconds commits them and lets go of the journal's lines (the test classes of this
 * context run one at a time, so nothing else writes meanwhile). That a crash loses none of them is
 * {@code CrashTest}'s (it fails when the start does not index the journaled resources again); here, that a resource
 * which cannot be indexed again does not keep the others from it (nor the server from starting).
 */
class FullTextJournalTest extends ServerTestBase {

	@Autowired
	MeterRegistry metrics;
	@Autowired
	FullTextJournal fullTextJournal;
	@Autowired
	IHapiTransactionService transactions;
	@Autowired
	JdbcTemplate jdbc;
	@PersistenceContext
	EntityManager entityManager;

	@Test
	void aWriteIsFoundByContentAtOnceAndLeavesTheJournalAfterACheckpoint() throws InterruptedException {
		String family = "Journalsdóttir" + UUID.randomUUID().toString().substring(0, 8);
		double journaledBefore = metrics.get("samplan.fulltext.journaled").counter().count();
		newPatient(family, "Åsa");

		assertThat(count("/Patient?_content=" + URLEncoder.encode(family, StandardCharsets.UTF_8))).isEqualTo(1);
		assertThat(metrics.get("samplan.fulltext.journaled").counter().count()).isEqualTo(journaledBefore + 1);
		long deadline = System.nanoTime() + 15_000_000_000L; // checkpoints come every second
		while (uncommitted() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(uncommitted()).as("journaled after 15 s").isZero();
		assertThat(count("/Patient?_content=" + URLEncoder.encode(family, StandardCharsets.UTF_8))).isEqualTo(1);
	}

	@Test
	void aResourceThatCannotBeIndexedAgainIsSkippedAndTheOthersAreIndexed() {
		String family = "Återindexsson" + UUID.randomUUID().toString().substring(0, 8);
		String first = newPatient(family, "Första");
		String broken = newPatient(family, "Trasig");
		String last = newPatient(family, "Sista");
		String content = "/Patient?_content=" + URLEncoder.encode(family, StandardCharsets.UTF_8);
		assertThat(count(content)).isEqualTo(3);
		// Entries lost as by a crash before the index was committed, and a stored text that no longer parses.
		transactions.withSystemRequest().execute(() -> List.of(first, broken, last).forEach(resource ->
				Search.session(entityManager).indexingPlan().delete(entityManager.find(ResourceTable.class, pid(resource)))));
		assertThat(count(content)).isZero();
		String stored = jdbc.queryForObject("SELECT RES_TEXT_VC FROM HFJ_RES_VER WHERE RES_ID = ?", String.class, pid(broken).getId());
		assertThat(stored).contains(family);
		jdbc.update("UPDATE HFJ_RES_VER SET RES_TEXT_VC = ? WHERE RES_ID = ?", "{\"resourceType\":", pid(broken).getId());
		try {
			assertThat(fullTextJournal.indexAgain(List.of(first, broken, last))).as("skipped").isEqualTo(1);
		} finally {
			jdbc.update("UPDATE HFJ_RES_VER SET RES_TEXT_VC = ? WHERE RES_ID = ?", stored, pid(broken).getId());
		}
		assertThat(count(content)).isEqualTo(2);
		assertThat(fullTextJournal.indexAgain(List.of(broken))).as("skipped once mended").isZero();
		assertThat(count(content)).isEqualTo(3);
	}

	private JpaPid pid(String resource) {
		Long id = jdbc.queryForObject("SELECT RES_ID FROM HFJ_RESOURCE WHERE RES_TYPE = 'Patient' AND FHIR_ID = ?", Long.class,
				resource.substring("Patient/".length()));
		return JpaPid.fromId(id);
	}

	private double uncommitted() {
		return metrics.get("samplan.fulltext.uncommitted").gauge().value();
	}
}
