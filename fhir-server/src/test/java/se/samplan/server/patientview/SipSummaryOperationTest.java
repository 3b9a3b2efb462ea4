package se.samplan.server.patientview;

import se.samplan.server.sip.SipUrls;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;
import se.samplan.testkit.county.County;
import se.samplan.server.identifier.IdentifierSystem;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code $sip-summary} (R13) for each demo scenario, in its three forms: a FHIR document that validates
 * against the core specification and the package, an HTML page and a PDF that say the goals, each service
 * with its performer, the organisation holding overall responsibility and the next follow-up. Only those
 * who may read the plan get it.
 */
@Tag("R13")
class SipSummaryOperationTest extends ServerTestBase {

	/** What the page must say about a plan, read from the plan itself as its staff sees it. */
	private List<String> mustSay(String plan) {
		CarePlan p = client.read().resource(CarePlan.class).withId(plan).execute();
		List<String> texts = new java.util.ArrayList<>();
		p.getGoal().forEach(g -> texts.add(client.read().resource(Goal.class).withId(g.getReferenceElement().getIdPart())
				.execute().getDescription().getText()));
		p.getActivity().forEach(a -> texts.add(a.getDetail().getDescription()));
		for (var a : p.getActivity()) {
			Reference performer = a.getDetail().getPerformerFirstRep();
			if (performer.getReference().startsWith("Organization/")) {
				texts.add(client.read().resource(Organization.class).withId(performer.getReferenceElement().getIdPart()).execute().getName());
			}
		}
		Reference responsible = (Reference) p.getExtensionByUrl(SipUrls.OVERALL_RESPONSIBILITY).getValue();
		texts.add(client.read().resource(Organization.class).withId(responsible.getReferenceElement().getIdPart()).execute().getName());
		texts.add("Nästa uppföljning");
		return texts;
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({"Patient/sip1-patient, PractitionerRole/sip1-role-distriktsskoterska",
			"Patient/sip2-patient, PractitionerRole/sip2-role-bup",
			"Patient/sip3-patient, PractitionerRole/sip3-role-sjukskoterska"})
	void allThreeFormsForEachScenario(String patient, String staff) throws Exception {
		String plan = demoPlan(patient);
		actAs(staff);
		List<String> mustSay = mustSay(plan);

		HttpResponse<String> doc = get("/fhir/CarePlan/" + plan + "/$sip-summary", "application/fhir+json");
		assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
		Bundle document = CTX.newJsonParser().parseResource(Bundle.class, doc.body());
		assertThat(document.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
		Composition composition = (Composition) document.getEntryFirstRep().getResource();
		assertThat(composition.getSection()).hasSize(7).allSatisfy(s -> assertThat(s.getText().getDivAsString()).isNotBlank());
		String narrative = composition.getSection().stream().map(s -> s.getText().getDivAsString()).reduce("", String::concat);
		assertThat(narrative).contains(mustSay);
		assertThat(validationErrors(doc.body())).isEmpty();

		HttpResponse<String> html = get("/fhir/CarePlan/" + plan + "/$sip-summary", "text/html");
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(html.body()).contains("lang=\"sv\"", "<main>", "<h1>", "<th>Vad</th>").contains(mustSay);

		HttpResponse<byte[]> pdf = send(request("/fhir/CarePlan/" + plan + "/$sip-summary?_format=pdf").GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
		try (PDDocument pages = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(pages).replaceAll("\\s+", " ");
			assertThat(text).contains(mustSay.stream().map(s -> s.replaceAll("\\s+", " ")).toList());
		}
	}

	/** Text from the store is text in every form: markup a person writes is escaped by the templates, never run. */
	@Test
	void storedMarkupIsShownAsTextInEveryForm() throws Exception {
		java.util.Random random = new java.util.Random();
		LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(25_000));
		Patient person = new Patient().setBirthDate(java.sql.Date.valueOf(born));
		person.addName().setFamily("Märksson").addGiven("Tove");
		person.addIdentifier().setSystem(IdentifierSystem.PERSONNUMMER.canonical()).setValue(County.personnummer(born, random.nextInt(1000)));
		String patient = "Patient/" + client.create().resource(person).execute().getId().getIdPart();
		Parameters in = new Parameters();
		in.addParameter().setName("patient").setValue(new Reference(patient));
		in.addParameter().setName("initiator").setValue(new Reference(DEFAULT_USER));
		HttpResponse<String> initiated = postJson("/CarePlan/$sip-initiate", in);
		assertThat(initiated.statusCode()).as(initiated.body()).isEqualTo(201);
		String plan = CTX.newJsonParser().parseResource(CarePlan.class, initiated.body()).getIdPart();
		String words = "Fika <script>alert('x')</script> & <b onclick=\"x()\">fet</b> \"på\" Åre";
		actAs(patient);
		Goal goal = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE).setSubject(new Reference(patient))
				.setExpressedBy(new Reference(patient));
		goal.addCategory().addCoding().setSystem(SipUrls.GOAL_CATEGORY_SYSTEM).setCode("what-matters-to-me");
		goal.getDescription().setText(words);
		HttpResponse<String> written = postJson("/Goal", goal);
		assertThat(written.statusCode()).as(written.body()).isEqualTo(201);

		HttpResponse<String> doc = get("/fhir/CarePlan/" + plan + "/$sip-summary", "application/fhir+json");
		assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
		Composition composition = (Composition) CTX.newJsonParser().parseResource(Bundle.class, doc.body()).getEntryFirstRep().getResource();
		String mine = composition.getSectionFirstRep().getText().getDivAsString();
		assertThat(mine).contains("Fika &lt;script&gt;alert(").contains("&amp; &lt;b onclick=").doesNotContain("<script", "<b onclick");
		assertThat(validationErrors(doc.body())).isEmpty();

		String html = get("/fhir/CarePlan/" + plan + "/$sip-summary", "text/html").body();
		org.w3c.dom.Document page = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
				.parse(new java.io.ByteArrayInputStream(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(page.getElementsByTagName("script").getLength()).as("a well-formed page without scripts").isZero();
		assertThat(page.getDocumentElement().getTextContent()).contains(words);

		HttpResponse<byte[]> pdf = send(request("/fhir/CarePlan/" + plan + "/$sip-summary?_format=pdf").GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		try (PDDocument pages = Loader.loadPDF(pdf.body())) {
			assertThat(new PDFTextStripper().getText(pages)).contains(words);
		}
	}

	@Test
	void thePersonAndGuardiansGetTheirsAndNobodyElse() {
		String plan1 = demoPlan("Patient/sip1-patient");
		String plan2 = demoPlan("Patient/sip2-patient");
		actAs("Patient/sip1-patient");
		assertThat(get("/fhir/CarePlan/" + plan1 + "/$sip-summary?_format=html", "text/html").statusCode()).isEqualTo(200);
		assertThat(get("/fhir/CarePlan/" + plan2 + "/$sip-summary?_format=html", "text/html").statusCode()).isEqualTo(404);
		actAs("RelatedPerson/sip2-guardian-anna");
		assertThat(get("/fhir/CarePlan/" + plan2 + "/$sip-summary", "application/fhir+json").statusCode()).isEqualTo(200);
		actAs("PractitionerRole/sip2-role-bup");
		assertThat(get("/fhir/CarePlan/" + plan1 + "/$sip-summary", "application/fhir+json").statusCode()).isEqualTo(404);
	}
}
