package se.samplan.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.instance.model.api.IIdType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data written to the embedded H2 file database and its Lucene index is there after the server is
 * stopped and started again on the same data directory, with the demo data loaded only once.
 */
class RestartPersistenceTest {

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestartAndDemoDataIsLoadedOnce() {
		IIdType created;
		String demoVersion;
		try (ConfigurableApplicationContext server = start()) {
			IGenericClient client = client(server);
			Bundle plans = client.search().byUrl("CarePlan?subject=Patient/sip1-patient").returnBundle(Bundle.class).execute();
			assertThat(plans.getEntry()).hasSize(1);
			CarePlan demo = (CarePlan) plans.getEntryFirstRep().getResource();
			demo.setDescription("Ändrad före omstart: sjukgymnastik i hemmet.");
			IIdType updated = client.update().resource(demo).execute().getId();
			created = updated.toVersionless();
			demoVersion = updated.getVersionIdPart();
		}
		try (ConfigurableApplicationContext server = start()) {
			IGenericClient client = client(server);
			CarePlan read = client.read().resource(CarePlan.class).withId(created.getIdPart()).execute();
			assertThat(read.getDescription()).isEqualTo("Ändrad före omstart: sjukgymnastik i hemmet.");
			assertThat(read.getMeta().getVersionId()).as("the demo loader must not change it").isEqualTo(demoVersion);
			assertThat(client.search().byUrl("CarePlan?subject=Patient/sip1-patient").returnBundle(Bundle.class).execute()
					.getEntry()).as("nor make a second plan").hasSize(1);
			Bundle found = client.search().byUrl("CarePlan?_content=sjukgymnastik").returnBundle(Bundle.class).execute();
			assertThat(found.getEntry()).hasSize(1);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SamplanApplication.class)
				.profiles("demo")
				.run("--server.port=0", "--samplan.data-dir=" + dataDir, "--spring.jmx.enabled=false");
	}

	/** A client with a token of the demo issuer of this boot (its keys are made at each start). */
	private static IGenericClient client(ConfigurableApplicationContext server) {
		String port = server.getEnvironment().getProperty("local.server.port");
		IGenericClient client = FhirContext.forR4Cached().newRestfulGenericClient("http://localhost:" + port + "/fhir");
		client.registerInterceptor(new BearerTokenAuthInterceptor(DemoTokens.request(port, "PractitionerRole/sip1-role-distriktsskoterska", null)));
		return client;
	}
}
