package se.samplan.server.hapi;

import io.micrometer.core.instrument.MeterRegistry;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samplan.server.ServerTestBase;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write is found by {@code _content} as soon as it is answered, though its index entries are committed to disk
 * later; a checkpoint within seconds commits them and lets go of the journal's lines (the test classes of this
 * context run one at a time, so nothing else writes meanwhile). That a crash loses none of them is
 * {@code CrashTest}'s (it fails when the start does not index the journaled resources again).
 */
class FullTextJournalTest extends ServerTestBase {

	@Autowired
	MeterRegistry metrics;

	@Test
	void aWriteIsFoundByContentAtOnceAndLeavesTheJournalAfterACheckpoint() throws InterruptedException {
		String family = "Journalsdóttir" + UUID.randomUUID().toString().substring(0, 8);
		Patient person = new Patient();
		person.addName().setFamily(family).addGiven("Åsa");
		double journaledBefore = metrics.get("samplan.fulltext.journaled").counter().count();
		HttpResponse<String> created = postJson("/Patient", person);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

		assertThat(count("/Patient?_content=" + URLEncoder.encode(family, StandardCharsets.UTF_8))).isEqualTo(1);
		assertThat(metrics.get("samplan.fulltext.journaled").counter().count()).isEqualTo(journaledBefore + 1);
		long deadline = System.nanoTime() + 15_000_000_000L; // checkpoints come every second
		while (uncommitted() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(uncommitted()).as("journaled after 15 s").isZero();
		assertThat(count("/Patient?_content=" + URLEncoder.encode(family, StandardCharsets.UTF_8))).isEqualTo(1);
	}

	private double uncommitted() {
		return metrics.get("samplan.fulltext.uncommitted").gauge().value();
	}
}
