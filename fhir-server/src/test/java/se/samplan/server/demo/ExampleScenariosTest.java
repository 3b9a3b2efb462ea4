package se.samplan.server.demo;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import se.samplan.profiles.SipPackage;
import se.samplan.server.ServerTestBase;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package's examples go into the server as a client would send them: each scenario's transaction
 * Bundle, and each single resource by PUT; everything reads back as written.
 */
class ExampleScenariosTest extends ServerTestBase {

	@Test
	void eachScenarioTransactionIsAcceptedAndReadsBack() {
		for (String name : List.of("Bundle-sip1-bundle.json", "Bundle-sip2-bundle.json", "Bundle-sip3-bundle.json")) {
			String json = SipPackage.examples().get(name);
			HttpResponse<String> response = postJson("", json);
			assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(200);
			Bundle sent = CTX.newJsonParser().parseResource(Bundle.class, json);
			Bundle answer = CTX.newJsonParser().parseResource(Bundle.class, response.body());
			assertThat(answer.getEntry()).hasSameSizeAs(sent.getEntry())
					.allSatisfy(e -> assertThat(e.getResponse().getStatus()).matches("20[01].*"));
			for (Bundle.BundleEntryComponent e : sent.getEntry()) {
				Resource read = (Resource) client.read().resource(e.getResource().fhirType())
						.withId(e.getResource().getIdElement().getIdPart()).execute();
				assertThat(read.getIdElement().getIdPart()).isEqualTo(e.getResource().getIdElement().getIdPart());
			}
		}
		CarePlan plan = client.read().resource(CarePlan.class).withId("sip2-careplan").execute();
		assertThat(plan.getTitle()).isNotBlank();
		assertThat(plan.getActivity()).isNotEmpty();
	}

	/** PUT in as many rounds as references need: a resource goes in once what it points to is there. */
	@Test
	void eachSingleExampleCanBeWrittenAndReadBack() {
		List<Resource> pending = new ArrayList<>();
		for (Map.Entry<String, String> e : SipPackage.examples().entrySet()) {
			if (!e.getKey().startsWith("Bundle-")) {
				pending.add((Resource) CTX.newJsonParser().parseResource(e.getValue()));
			}
		}
		int total = pending.size();
		while (!pending.isEmpty()) {
			List<Resource> retry = new ArrayList<>();
			List<String> errors = new ArrayList<>();
			for (Resource r : pending) {
				String path = "/" + r.fhirType() + "/" + r.getIdElement().getIdPart();
				HttpResponse<String> response = send("PUT", path, "application/fhir+json",
						CTX.newJsonParser().encodeResourceToString(r));
				if (response.statusCode() / 100 != 2) {
					retry.add(r);
					errors.add(path + " " + response.statusCode() + " " + response.body());
				}
			}
			assertThat(retry).as("no progress: %s", errors).hasSizeLessThan(pending.size());
			pending = retry;
		}
		for (Map.Entry<String, String> e : SipPackage.examples().entrySet()) {
			if (e.getKey().startsWith("Bundle-")) {
				continue;
			}
			Resource sent = (Resource) CTX.newJsonParser().parseResource(e.getValue());
			Resource read = (Resource) client.read().resource(sent.fhirType()).withId(sent.getIdElement().getIdPart()).execute();
			assertThat(read.getMeta().getProfile()).extracting(p -> p.getValue())
					.containsAll(sent.getMeta().getProfile().stream().map(p -> p.getValue()).toList());
		}
		assertThat(total).isGreaterThan(50);
	}
}
