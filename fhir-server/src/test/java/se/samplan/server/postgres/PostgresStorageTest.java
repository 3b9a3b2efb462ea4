package se.samplan.server.postgres;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.server.ServerTestBase;
import se.samplan.server.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server on a real PostgreSQL 15 ({@link TestDatabase}) with the {@code postgres} profile, as a county runs it:
 * HAPI's migrator makes the schema in the empty database, the demo data loads through the workflow operations, and
 * reads, searches, full text and the audit log work. In the full run (the durability profile), whose second pass
 * runs the server tests on PostgreSQL too.
 */
@Tag("full-run")
@ActiveProfiles("postgres")
class PostgresStorageTest extends ServerTestBase {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabase.usePostgres(registry);
	}

	@Test
	void theDemoLoadsAndReadsSearchesAndTheAuditLogWork() {
		String plan = demoPlan("Patient/sip1-patient");
		CarePlan read = client.read().resource(CarePlan.class).withId(plan).execute();
		assertThat(read.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
		Patient person = new Patient();
		person.addName().setFamily("Postgresdóttir").addGiven("Åsa");
		person.setBirthDateElement(new DateType("1977-07-07"));
		String id = client.create().resource(person).execute().getId().getIdPart();
		Bundle content = client.search().byUrl("Patient?_content=Postgresdóttir").returnBundle(Bundle.class).execute();
		assertThat(content.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(id);
		actAs(OPERATOR);
		Bundle audit = client.search().byUrl("AuditEvent?entity=CarePlan/" + plan).returnBundle(Bundle.class).execute();
		assertThat(audit.getEntry()).isNotEmpty();
	}
}
