package se.samplan.server.demo;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import se.samplan.profiles.SipPackage;
import se.samplan.server.ServerTestBase;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package's examples in the server: each scenario's base data as a transaction Bundle, each single
 * example of base data by PUT, read back as written; the examples of what the workflow makes (plan,
 * consent, meetings, invitations, deviations) validate on the server, and writing an active plan
 * directly is refused (W1): such plans are made through the operations, as the demo data is.
 */
class ExampleScenariosTest extends ServerTestBase {

	/** Written by the operator. */
	static final Set<String> DIRECTORY = Set.of("Organization", "PractitionerRole");
	/** Made by the $sip-* operations, not written directly. */
	static final Set<String> WORKFLOW_MADE = Set.of("CarePlan", "Consent", "Appointment", "Task", "DetectedIssue");

	/** Directory data is the operator's; a scenario's personal data is written by staff taking part in it. */
	static String writerOf(Resource resource) {
		if (DIRECTORY.contains(resource.fhirType())) {
			return OPERATOR;
		}
		String id = resource.getIdElement().getIdPart();
		return id.startsWith("sip2-") ? "PractitionerRole/sip2-role-bup"
				: id.startsWith("sip3-") ? "PractitionerRole/sip3-role-sjukskoterska" : DEFAULT_USER;
	}

	/** Each scenario's transaction, sent as two: the directory part by the operator, the rest by the scenario's staff. */
	@Test
	void eachScenarioTransactionIsAcceptedAndReadsBack() {
		for (String name : List.of("Bundle-sip1-bundle.json", "Bundle-sip2-bundle.json", "Bundle-sip3-bundle.json")) {
			Bundle sent = CTX.newJsonParser().parseResource(Bundle.class, SipPackage.examples().get(name));
			Map<String, List<Bundle.BundleEntryComponent>> byWriter = sent.getEntry().stream()
					.collect(Collectors.groupingBy(e -> writerOf(e.getResource()), LinkedHashMap::new, Collectors.toList()));
			assertThat(byWriter).hasSize(2);
			byWriter.forEach((writer, entries) -> {
				Bundle part = new Bundle().setType(Bundle.BundleType.TRANSACTION);
				part.getEntry().addAll(entries);
				actAs(writer);
				HttpResponse<String> response = postJson("", part);
				assertThat(response.statusCode()).as(name + " by " + writer + ": " + response.body()).isEqualTo(200);
				assertThat(CTX.newJsonParser().parseResource(Bundle.class, response.body()).getEntry()).hasSameSizeAs(entries)
						.allSatisfy(e -> assertThat(e.getResponse().getStatus()).matches("20[01].*"));
			});
			for (Bundle.BundleEntryComponent e : sent.getEntry()) {
				actAs(writerOf(e.getResource()));
				Resource read = (Resource) client.read().resource(e.getResource().fhirType())
						.withId(e.getResource().getIdElement().getIdPart()).execute();
				assertThat(read.getIdElement().getIdPart()).isEqualTo(e.getResource().getIdElement().getIdPart());
			}
		}
	}

	/** PUT in as many rounds as references need: a resource goes in once what it points to is there. */
	@Test
	void eachSingleExampleOfBaseDataCanBeWrittenAndReadBack() {
		List<Resource> pending = new ArrayList<>(examples(false));
		int total = pending.size();
		while (!pending.isEmpty()) {
			List<Resource> retry = new ArrayList<>();
			List<String> errors = new ArrayList<>();
			for (Resource r : pending) {
				String path = "/" + r.fhirType() + "/" + r.getIdElement().getIdPart();
				actAs(writerOf(r));
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
		for (Resource sent : examples(false)) {
			actAs(writerOf(sent));
			Resource read = (Resource) client.read().resource(sent.fhirType()).withId(sent.getIdElement().getIdPart()).execute();
			assertThat(read.getMeta().getProfile()).extracting(p -> p.getValue())
					.containsAll(sent.getMeta().getProfile().stream().map(p -> p.getValue()).toList());
		}
		assertThat(total).isGreaterThan(30);
	}

	@Test
	void eachWorkflowExampleValidatesOnTheServer() {
		List<Resource> made = examples(true);
		assertThat(made).hasSizeGreaterThanOrEqualTo(15);
		for (Resource r : made) {
			HttpResponse<String> response = postJson("/" + r.fhirType() + "/$validate", r);
			assertThat(response.statusCode()).as(r.getId()).isEqualTo(200);
			OperationOutcome oo = outcome(response);
			assertThat(oo.getIssue()).as(r.getIdElement().getIdPart() + ": " + response.body())
					.noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
		}
	}

	@Test
	void anActivePlanCannotBeWrittenDirectly() {
		CarePlan example = CTX.newJsonParser().parseResource(CarePlan.class, SipPackage.examples().get("CarePlan-sip1-careplan.json"));
		example.setId((String) null);
		example.setSubject(new org.hl7.fhir.r4.model.Reference(newPatient()));
		assertRule(postJson("/CarePlan", example), 422, "W1", "CarePlan.status");
	}

	private static List<Resource> examples(boolean workflowMade) {
		List<Resource> out = new ArrayList<>();
		for (Map.Entry<String, String> e : SipPackage.examples().entrySet()) {
			if (!e.getKey().startsWith("Bundle-")) {
				Resource r = (Resource) CTX.newJsonParser().parseResource(e.getValue());
				if (WORKFLOW_MADE.contains(r.fhirType()) == workflowMade) {
					out.add(r);
				}
			}
		}
		return out;
	}
}
