package se.samplan.server.identifier;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any resource carrying a personnummer or samordningsnummer, with or without our profiles, has it checked;
 * both system forms are accepted, and the URI form is stored.
 */
class SwedishIdentifierCheckTest extends ServerTestBase {

	private static final String PNR = "http://electronichealth.se/identifier/personnummer";

	@Test
	void oidSystemAndSeparatorAreStoredInCanonicalForm() {
		Patient p = new Patient();
		p.addIdentifier().setSystem("urn:oid:1.2.752.129.2.1.3.1").setValue("19121212-1212");
		HttpResponse<String> created = postJson("/Patient", p);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Identifier stored = CTX.newJsonParser().parseResource(Patient.class, created.body()).getIdentifierFirstRep();
		assertThat(stored.getSystem()).isEqualTo(PNR);
		assertThat(stored.getValue()).isEqualTo("191212121212");
	}

	/** The number is normalised before profile validation sees it, whose slice matches the canonical form only. */
	@Test
	void aSipPatientWithASeparatorInItsPersonnummerIsAccepted() {
		for (String system : new String[] {PNR, "urn:oid:1.2.752.129.2.1.3.1"}) {
			Patient p = new Patient();
			p.getMeta().addProfile("https://samplan.github.io/fhir/StructureDefinition/SipPatient");
			p.addIdentifier().setSystem(system).setValue("19121212-1212");
			p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1912-12-12"));
			HttpResponse<String> created = postJson("/Patient", p);
			assertThat(created.statusCode()).as(system + ": " + created.body()).isEqualTo(201);
		}
	}

	@Test
	void badCheckDigitIsRefusedInAnUnprofiledResource() {
		Patient p = new Patient();
		p.addIdentifier().setSystem("urn:samplan:other").setValue("1");
		p.addIdentifier().setSystem(PNR).setValue("191212121213");
		HttpResponse<String> response = postJson("/Patient", p);
		assertRefused(response, 422, "Patient.identifier[1].value");
		assertThat(outcome(response).getIssueFirstRep().getDetails().getText()).contains("kontrollsiffra");
	}

	@Test
	void samordningsnummerWithDayUpTo60IsRefused() {
		RelatedPerson rp = new RelatedPerson();
		rp.getPatient().setReference("Patient/unknown");
		rp.addIdentifier().setSystem("urn:oid:1.2.752.129.2.1.3.3").setValue("199001189837");
		assertRefused(postJson("/RelatedPerson", rp), 422, "RelatedPerson.identifier[0].value");
	}

	@Test
	void identifierInsideAReferenceIsCheckedToo() {
		CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.DRAFT).setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.getSubject().getIdentifier().setSystem(PNR).setValue("20170815984");
		assertRefused(postJson("/CarePlan", plan), 422, "CarePlan.subject.identifier.value");
	}
}
