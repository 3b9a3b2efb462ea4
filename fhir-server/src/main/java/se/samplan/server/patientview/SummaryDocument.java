package se.samplan.server.patientview;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.hl7.fhir.utilities.xhtml.XhtmlParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The person's view as a FHIR document: a Bundle of type document whose first entry is a Composition
 * (LOINC 18776-5, plan of care note) with one section per part of the view, each with its narrative,
 * followed by every resource the sections and the plan refer to. This is the content the national
 * care-plan service takes.
 */
final class SummaryDocument {

	private SummaryDocument() {}

	static Bundle of(PlanForPerson view, List<SummarySections.Section> sections, SummaryTemplates templates, String fhirBase) {
		Composition composition = new Composition();
		composition.setId(UUID.randomUUID().toString());
		composition.setStatus(Composition.CompositionStatus.FINAL);
		composition.getType().addCoding().setSystem("http://loinc.org").setCode("18776-5").setDisplay("Plan of care note");
		composition.getType().setText("Samordnad individuell plan");
		composition.setSubject(reference(view.patient()));
		composition.setDate(new Date());
		composition.addAuthor(view.responsible() != null ? reference(view.responsible()) : new Reference(view.plan().getAuthor().getReference()));
		composition.setTitle(SummarySections.heading(view));
		composition.setLanguage("sv-SE");
		XhtmlParser narratives = new XhtmlParser();
		composition.getText().setStatus(Narrative.NarrativeStatus.GENERATED)
				.setDiv(div(narratives, templates.compositionNarrative(view)));
		for (SummarySections.Section s : sections) {
			Composition.SectionComponent section = composition.addSection().setTitle(s.title());
			section.getCode().addCoding().setSystem("urn:samplan:summary-section").setCode(s.code());
			section.getText().setStatus(Narrative.NarrativeStatus.GENERATED)
					.setDiv(div(narratives, templates.narrative(s)));
			s.entries().forEach(r -> section.addEntry(reference(r)));
		}

		Bundle document = new Bundle().setType(Bundle.BundleType.DOCUMENT);
		document.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID()));
		document.setTimestampElement(InstantType.now());
		// In the server's base too, so that the Composition's relative references resolve to the entries.
		document.addEntry().setFullUrl(fhirBase + "/Composition/" + composition.getIdElement().getIdPart()).setResource(composition);
		for (Resource r : view.resources()) {
			document.addEntry().setFullUrl(fhirBase + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
		}
		return document;
	}

	/**
	 * A narrative's div, parsed by the document's one parser: HAPI's {@code setDivAsString} makes a parser per
	 * narrative, and making one (its table of HTML entities) cost twenty times the parse.
	 */
	private static XhtmlNode div(XhtmlParser parser, String xhtml) {
		try {
			return parser.parse(xhtml, "div").getDocumentElement();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Reference reference(Resource r) {
		return new Reference(r.fhirType() + "/" + r.getIdElement().getIdPart());
	}
}
