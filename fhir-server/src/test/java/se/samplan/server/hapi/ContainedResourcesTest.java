package se.samplan.server.hapi;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource with contained resources is stored and shown with them, by read and by search, though the server's parser
 * no longer looks for referenced objects to contain (RestfulServerConfig): what a client sends as contained stays so.
 */
class ContainedResourcesTest extends ServerTestBase {

	@Test
	void containedResourcesAreKeptOnReadAndSearch() {
		actAs(OPERATOR);
		String name = "Innehållsprov " + UUID.randomUUID();
		String sent = """
				{"resourceType":"Organization","name":"%s",
				 "contained":[{"resourceType":"Endpoint","id":"ep1","status":"active",
				   "connectionType":{"system":"http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"hl7-fhir-rest"},
				   "payloadType":[{"text":"FHIR"}],"address":"https://ehr.example.se/fhir"}],
				 "endpoint":[{"reference":"#ep1"}]}""".formatted(name);
		IdType id = (IdType) client.create().resource(sent).execute().getId();

		Organization read = client.read().resource(Organization.class).withId(id.toUnqualifiedVersionless()).execute();
		assertContained(read);
		Bundle found = client.search().forResource(Organization.class)
				.where(Organization.NAME.matchesExactly().value(name)).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(1);
		assertContained((Organization) found.getEntryFirstRep().getResource());
	}

	private static void assertContained(Organization organization) {
		assertThat(organization.getContained()).hasSize(1);
		Resource endpoint = organization.getContained().get(0);
		assertThat(endpoint).isInstanceOf(Endpoint.class);
		assertThat(((Endpoint) endpoint).getAddress()).isEqualTo("https://ehr.example.se/fhir");
		assertThat(organization.getEndpointFirstRep().getReference()).isEqualTo("#ep1");
	}
}
