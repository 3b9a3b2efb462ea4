package se.samplan.server.access;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.samplan.server.DemoTokens;
import se.samplan.server.SamplanApplication;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server nodes on one database (each with its own full-text index): a consent narrowed on one node closes
 * the plan to the organisation it no longer names on the other at once, though the other has just judged,
 * and cached, that the organisation may read it.
 */
@Tag("R15")
@Tag("full-run") // two servers of its own
class TwoNodesAccessTest {

	private static final FhirContext CTX = FhirContext.forR4Cached();
	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final String STAFF = "PractitionerRole/sip1-role-distriktsskoterska";
	private static final String HOME_CARE = "Organization/sip1-org-hemtjanst";

	@TempDir
	Path data;

	@Test
	void aConsentNarrowedOnOneNodeClosesThePlanOnTheOtherAtOnce() throws Exception {
		try (ConfigurableApplicationContext a = start("a"); ConfigurableApplicationContext b = start("b")) {
			String plan = planOf(port(a), "Patient/sip1-patient");
			String homeCareOnB = DemoTokens.request(port(b), HOME_CARE, null);
			for (int i = 0; i < 3; i++) {
				assertThat(get(port(b), "/" + plan, homeCareOnB).statusCode()).isEqualTo(200);
			}
			assertThat(get(port(b), "/CarePlan?subject=Patient/sip1-patient", homeCareOnB).body()).contains("\"CarePlan\"");

			String staffOnA = DemoTokens.request(port(a), STAFF, null);
			Consent consent = (Consent) CTX.newJsonParser().parseResource(Bundle.class,
					get(port(a), "/Consent?data=" + plan, staffOnA).body()).getEntryFirstRep().getResource();
			assertThat(consent.getProvision().getActor().removeIf(x -> x.getReference().getReference().equals(HOME_CARE))).isTrue();
			consent.setMeta(null);
			HttpResponse<String> narrowed = HTTP.send(HttpRequest.newBuilder(URI.create(base(port(a)) + "/Consent/" + consent.getIdPart()))
					.header("Authorization", "Bearer " + staffOnA).header("Content-Type", "application/fhir+json")
					.PUT(HttpRequest.BodyPublishers.ofString(CTX.newJsonParser().encodeResourceToString(consent))).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);

			assertThat(get(port(b), "/" + plan, homeCareOnB).statusCode()).isIn(403, 404);
			assertThat(get(port(b), "/CarePlan?subject=Patient/sip1-patient", homeCareOnB).body()).doesNotContain("\"CarePlan\"");
			// The municipality, still named, reads on.
			assertThat(get(port(b), "/" + plan, DemoTokens.request(port(b), "Organization/sip1-org-kommun", null)).statusCode()).isEqualTo(200);
		}
	}

	private ConfigurableApplicationContext start(String node) {
		return new SpringApplicationBuilder(SamplanApplication.class).profiles("demo")
				.run("--server.port=0", "--samplan.data-dir=" + data, "--spring.jmx.enabled=false", "--logging.level.root=WARN",
						"--spring.jpa.properties.hibernate.search.backend.directory.root=" + data.resolve("lucene-" + node));
	}

	private static String planOf(String port, String patient) throws Exception {
		String body = get(port, "/CarePlan?subject=" + patient + "&_elements=id", DemoTokens.request(port, STAFF, null)).body();
		return "CarePlan/" + CTX.newJsonParser().parseResource(Bundle.class, body).getEntryFirstRep().getResource().getIdPart();
	}

	private static HttpResponse<String> get(String port, String path, String token) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(base(port) + path)).header("Accept", "application/fhir+json")
				.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String base(String port) {
		return "http://localhost:" + port + "/fhir";
	}

	private static String port(ConfigurableApplicationContext server) {
		return server.getEnvironment().getProperty("local.server.port");
	}
}
