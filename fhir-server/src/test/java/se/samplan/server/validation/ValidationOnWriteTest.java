package se.samplan.server.validation;

import se.samplan.server.sip.SipUrls;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.samplan.profiles.InvalidFixtures;
import se.samplan.profiles.InvalidFixtures.Expectation;
import se.samplan.server.ServerTestBase;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every create and update of a resource claiming one of our profiles is validated against it: a refusal
 * is a 422 whose OperationOutcome points at the element, and nothing is written. Malformed bodies are 400.
 */
class ValidationOnWriteTest extends ServerTestBase {

	static List<Expectation> fixtures() {
		return InvalidFixtures.expectations();
	}


	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void invalidFixtureIsRefusedAtItsElementAndNotStored(Expectation fixture) {
		String type = CTX.newJsonParser().parseResource(fixture.json()).fhirType();
		int before = storedCount(type);
		HttpResponse<String> response = postJson("/" + type, writable(fixture, type));
		assertRefused(response, 422, fixture.expression());
		assertThat(storedCount(type)).isEqualTo(before);
	}

	/** The server's own validator (with the installed package) names the same error as the profile tests. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void invalidFixtureGivesItsErrorThroughValidate(Expectation fixture) {
		String type = CTX.newJsonParser().parseResource(fixture.json()).fhirType();
		HttpResponse<String> response = postJson("/" + type + "/$validate", fixture.json());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(outcome(response).getIssue()).as(response.body()).anySatisfy(i -> {
			assertThat(i.getSeverity()).isEqualTo(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR);
			assertThat(i.getDiagnostics()).contains(fixture.message());
		});
	}

	@Test
	void invalidFixtureIsRefusedByUpdateToo() {
		Expectation fixture = fixtures().stream().filter(f -> f.file().startsWith("organization")).findFirst().orElseThrow();
		Organization org = (Organization) CTX.newJsonParser().parseResource(fixture.json());
		org.setId("validation-test-org");
		actAs(OPERATOR);
		HttpResponse<String> response = send("PUT", "/Organization/validation-test-org", "application/fhir+json",
				CTX.newJsonParser().encodeResourceToString(org));
		assertRefused(response, 422, fixture.expression());
		assertThat(get("/fhir/Organization/validation-test-org").statusCode()).isEqualTo(404);
	}

	@Test
	void carePlanWithTheSipCategoryIsValidatedAsSipCarePlanWithoutDeclaringIt() {
		CarePlan plan = new CarePlan()
				.setStatus(CarePlan.CarePlanStatus.DRAFT)
				.setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.addCategory().addCoding().setSystem(SipUrls.CARE_PLAN_TYPE_SYSTEM).setCode("SIP");
		plan.getSubject().setReference(newPatient());
		plan.setAuthor(new org.hl7.fhir.r4.model.Reference(DEFAULT_USER));
		assertRefused(postJson("/CarePlan", plan), 422, "CarePlan");

		plan.setTitle("Samordnad individuell plan, valideringstest");
		HttpResponse<String> created = postJson("/CarePlan", plan);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		CarePlan stored = CTX.newJsonParser().parseResource(CarePlan.class, created.body());
		assertThat(stored.getMeta().getProfile()).extracting(p -> p.getValue())
				.contains(SipUrls.CARE_PLAN_PROFILE);
	}

	@Test
	void transactionWithOneInvalidEntryWritesNothing() {
		String marker = UUID.randomUUID().toString();
		Patient valid = new Patient();
		valid.addIdentifier().setSystem("urn:samplan:test").setValue(marker);
		Expectation bad = fixtures().stream().filter(f -> f.file().startsWith("patient")).findFirst().orElseThrow();
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Patient p : List.of(valid, (Patient) CTX.newJsonParser().parseResource(bad.json()))) {
			tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(p)
					.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		}

		HttpResponse<String> response = postJson("", tx);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(client.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly()
				.systemAndIdentifier("urn:samplan:test", marker)).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
	}

	@Test
	void aWriteWithoutIdIs400() {
		HttpResponse<String> patch = send("PATCH", "/CarePlan/", "application/json-patch+json",
				"[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"completed\"}]");
		assertThat(patch.statusCode()).as(patch.body()).isEqualTo(400);
		assertThat(send("DELETE", "/Goal", "application/fhir+json", "").statusCode()).isEqualTo(400);
	}

	@Test
	void malformedJsonIs400() {
		HttpResponse<String> response = postJson("/Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).isNotBlank();
	}

	@Test
	void wrongJsonTypesAre400() {
		HttpResponse<String> response = postJson("/Patient", "{\"resourceType\":\"Patient\",\"birthDate\":{\"x\":1}}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
	}

	@Test
	void malformedXmlAndXmlEntitiesAre400() {
		HttpResponse<String> broken = send("POST", "/Patient", "application/fhir+xml",
				"<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"x\"/></Patient>");
		assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
		HttpResponse<String> entity = send("POST", "/Patient", "application/fhir+xml",
				"<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
						+ "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&x;\"/></name></Patient>");
		assertThat(entity.statusCode()).as(entity.body()).isEqualTo(400);
		assertThat(entity.body()).doesNotContain("root:");
	}

	/** How many there are, as the operator sees it (totals are not given to callers whose results are filtered). */
	private int storedCount(String type) {
		String caller = actingAs();
		actAs(OPERATOR);
		try {
			return client.search().forResource(type).totalMode(ca.uhn.fhir.rest.api.SearchTotalModeEnum.ACCURATE)
				.summaryMode(ca.uhn.fhir.rest.api.SummaryEnum.COUNT).returnBundle(Bundle.class).execute().getTotal();
		} finally {
			actAs(caller);
		}
	}

	/**
	 * The fixture as a writer with the right to store it would send it: directory data by the operator, the
	 * rest by scenario 1's district nurse, linked to scenario 1's plan as the demo stored it.
	 */
	private String writable(Expectation fixture, String type) {
		actAs("Organization".equals(type) ? OPERATOR : DEFAULT_USER);
		return fixture.json().replace("CarePlan/sip1-careplan", "CarePlan/" + demoPlan("Patient/sip1-patient"));
	}
}
