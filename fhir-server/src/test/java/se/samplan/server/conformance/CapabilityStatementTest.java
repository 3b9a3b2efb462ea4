package se.samplan.server.conformance;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /fhir/metadata} publishes the installed package: our profiles and search parameters. */
@Tag("above-storage")
class CapabilityStatementTest extends ServerTestBase {

	@Test
	void listsEveryProfilePerResourceType() {
		CapabilityStatement cs = client.capabilities().ofType(CapabilityStatement.class).execute();
		Map<String, String> expected = Map.ofEntries(
				Map.entry("Patient", "SipPatient"), Map.entry("RelatedPerson", "SipRelatedPerson"),
				Map.entry("Organization", "SipOrganization"), Map.entry("PractitionerRole", "SipPractitionerRole"),
				Map.entry("CarePlan", "SipCarePlan"), Map.entry("Goal", "SipGoal"), Map.entry("CareTeam", "SipCareTeam"),
				Map.entry("Consent", "SipConsent"), Map.entry("Appointment", "SipAppointment"),
				Map.entry("Task", "SipInvitationTask"), Map.entry("DetectedIssue", "SipDeviation"));
		expected.forEach((type, profile) -> assertThat(resource(cs, type).getSupportedProfile())
				.extracting(p -> p.getValue())
				.as(type)
				.contains("https://samplan.github.io/fhir/StructureDefinition/" + profile));
	}

	@Test
	void listsTheCustomSearchParameters() {
		CapabilityStatement cs = client.capabilities().ofType(CapabilityStatement.class).execute();
		assertThat(searchParams(cs, "CarePlan")).contains("sip-phase", "sip-overall-responsibility", "sip-next-follow-up");
		assertThat(searchParams(cs, "Appointment")).contains("sip-care-plan");
	}

	@Test
	void swaggerUiAndHealthAreServed() {
		assertThat(get("/fhir/swagger-ui/", "text/html").statusCode()).isEqualTo(200);
		assertThat(get("/fhir/api-docs", "*/*").statusCode()).isEqualTo(200);
		var health = get("/actuator/health", "application/json");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	private static CapabilityStatementRestResourceComponent resource(CapabilityStatement cs, String type) {
		return cs.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals(type)).findFirst().orElseThrow();
	}

	private static List<String> searchParams(CapabilityStatement cs, String type) {
		return resource(cs, type).getSearchParam().stream().map(CapabilityStatementRestResourceSearchParamComponent::getName).toList();
	}
}
