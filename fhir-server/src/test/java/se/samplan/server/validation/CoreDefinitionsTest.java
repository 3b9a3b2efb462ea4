package se.samplan.server.validation;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samplan.server.ServerTestBase;
import se.samplan.server.identifier.IdentifierSystem;
import se.samplan.server.sip.SipUrls;
import se.samplan.testkit.county.County;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core definitions the validator works from are held without their documentation and with each text once, and
 * what they define still holds: a core extension that the validator's list of definitions leaves out is still known
 * by its URL.
 */
@Tag("above-storage")
class CoreDefinitionsTest extends ServerTestBase {

	private static final String BIRTH_PLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";

	@Autowired
	DefaultProfileValidationSupport core;

	@Test
	void aCoreExtensionOnAProfiledResourceIsValidatedByItsDefinition() {
		Patient born = person();
		born.addExtension(BIRTH_PLACE, new Address().setCity("Kiruna"));
		HttpResponse<String> created = postJson("/Patient", born);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

		Patient wrong = person();
		wrong.addExtension(BIRTH_PLACE, new StringType("Kiruna"));
		HttpResponse<String> refused = postJson("/Patient", wrong);
		assertRefused(refused, 422, "Patient.extension");
		assertThat(outcome(refused).getIssueFirstRep().getDiagnostics()).contains(BIRTH_PLACE);
	}

	@Test
	void theCoreDefinitionsKeepWhatValidatesAndDropTheirDocumentation() {
		HttpResponse<String> created = postJson("/Patient", person());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

		StructureDefinition patient = (StructureDefinition) core.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/Patient");
		assertThat(patient.hasText()).isFalse();
		assertThat(patient.hasDifferential()).isFalse();
		ElementDefinition gender = patient.getSnapshot().getElement().stream()
				.filter(e -> e.getPath().equals("Patient.gender")).findFirst().orElseThrow();
		assertThat(gender.hasDefinition()).isFalse();
		assertThat(gender.hasMapping()).isFalse();
		assertThat(gender.getBinding().getValueSet()).startsWith("http://hl7.org/fhir/ValueSet/administrative-gender");
		assertThat(gender.getMax()).isEqualTo("1");
		assertThat(patient.getSnapshot().getElementFirstRep().getConstraint())
				.anySatisfy(c -> assertThat(c.getExpression()).isNotBlank());
		// equal texts held once: the invariant every element repeats, in two definitions
		StructureDefinition goal = (StructureDefinition) core.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/Goal");
		assertThat(invariant(goal, "Goal.lifecycleStatus", "ele-1")).isSameAs(invariant(patient, "Patient.gender", "ele-1"));
	}

	private static String invariant(StructureDefinition definition, String path, String key) {
		return definition.getSnapshot().getElement().stream().filter(e -> e.getPath().equals(path)).findFirst().orElseThrow()
				.getConstraint().stream()
				.filter(c -> key.equals(c.getKey())).findFirst().orElseThrow().getExpression();
	}

	private static Patient person() {
		Random random = new Random();
		LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(25_000));
		Patient patient = new Patient();
		patient.getMeta().addProfile(SipUrls.PROFILE_PREFIX + "SipPatient");
		patient.addIdentifier().setSystem(IdentifierSystem.PERSONNUMMER.canonical()).setValue(County.personnummer(born, random.nextInt(1000)));
		patient.addName().setFamily("Kärnsson").addGiven("Test");
		patient.setBirthDateElement(new DateType(born.toString()));
		return patient;
	}
}
