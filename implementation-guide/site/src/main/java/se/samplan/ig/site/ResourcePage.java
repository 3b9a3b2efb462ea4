package se.samplan.ig.site;

import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.ImplementationGuide.ImplementationGuideDefinitionPageComponent;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.UrlType;

import static se.samplan.ig.site.Html.code;
import static se.samplan.ig.site.Html.esc;

/**
 * Pages for what has no profile page to be shown on: examples without one of our profiles, the Measures, the
 * SubscriptionTopics and the ImplementationGuide.
 */
final class ResourcePage {

	private final SipArtefacts artefacts;
	private final Markdown markdown;

	ResourcePage(SipArtefacts artefacts, Markdown markdown) {
		this.artefacts = artefacts;
		this.markdown = markdown;
	}

	String example(Resource example) {
		return "<h1>Example " + esc(example.fhirType() + " " + SipArtefacts.id(example)) + "</h1>\n"
				+ "<p>An example of the package that claims none of its profiles"
				+ ("Bundle".equals(example.fhirType()) ? "; its entries claim theirs" : "") + ".</p>\n"
				+ Html.json(artefacts.prettyJson(example));
	}

	/** A Measure: what it counts, each group with its code and what its populations are, and the resource. */
	String measure(Measure measure) {
		Table groups = new Table("Group", "Text", "Populations", "Stratified by");
		for (Measure.MeasureGroupComponent g : measure.getGroup()) {
			Coding code = g.getCode().getCodingFirstRep();
			groups.row(code(code.getCode()), esc(code.getDisplay() != null ? code.getDisplay() : g.getCode().getText()),
					esc(String.join("; ", g.getPopulation().stream().map(p -> p.getCode().getCodingFirstRep().getCode() + ": "
							+ p.getCriteria().getExpression()).toList())),
					esc(String.join(", ", g.getStratifier().stream().map(st -> st.getCode().getCodingFirstRep().getCode()).toList())));
		}
		return "<h1>" + esc(measure.hasTitle() ? measure.getTitle() : measure.getName()) + "</h1>\n"
				+ markdown.resource(measure.getDescription())
				+ Html.facts("URL", code(measure.getUrl()), "Publisher", esc(measure.getPublisher()))
				+ "<h2 id=\"groups\">Groups</h2>\n" + groups.html()
				+ "<h2 id=\"json\">The resource</h2>\n" + Html.json(artefacts.prettyJson(measure));
	}

	/** A SubscriptionTopic (R4: Basic): what it is about, its url to subscribe with, and the resource. */
	String topic(Basic topic) {
		return "<h1>Subscription topic " + esc(SipArtefacts.id(topic)) + ": " + esc(SipArtefacts.topicPart(topic, "title")) + "</h1>\n"
				+ markdown.resource(SipArtefacts.topicPart(topic, "description"))
				+ Html.facts("URL (Subscription.criteria)", code(SipArtefacts.topicPart(topic, "url")))
				+ "<p>See <a href=\"uppfoljning.html#notifications\">Uppföljning</a> for how to subscribe.</p>\n"
				+ "<h2 id=\"json\">The resource</h2>\n" + Html.json(artefacts.prettyJson(topic));
	}

	String implementationGuide(ImplementationGuide ig) {
		return "<h1>" + esc(ig.hasTitle() ? ig.getTitle() : ig.getName()) + "</h1>\n"
				+ markdown.resource(ig.getDescription())
				+ Html.facts(
						"URL", code(ig.getUrl()),
						"Package", code(ig.getPackageId() + "#" + ig.getVersion()),
						"FHIR version", esc(String.join(", ", ig.getFhirVersion().stream()
								.map(v -> v.getValueAsString()).toList())),
						"Licence", esc(ig.getLicenseElement().getValueAsString()),
						"Publisher", esc(ig.getPublisher()))
				+ "<h2 id=\"pages\">Pages</h2>\n<ul>\n" + pages(ig.getDefinition().getPage()) + "</ul>\n"
				+ "<h2 id=\"json\">The resource</h2>\n"
				+ "<p>It lists every artefact of the package; the <a href=\"artifacts.html\">artifacts page</a> "
				+ "links to each.</p>\n" + Html.json(artefacts.prettyJson(ig));
	}

	/** The page tree as the ImplementationGuide names it; only names of files in this site become links. */
	private String pages(ImplementationGuideDefinitionPageComponent page) {
		String name = page.getName() instanceof UrlType url ? url.getValue() : "";
		String title = esc(page.hasTitle() ? page.getTitle() : name);
		StringBuilder b = new StringBuilder("<li>").append(name.matches("[A-Za-z0-9._-]+\\.html")
				? Html.link(name, title) : title);
		if (page.hasPage()) {
			b.append("\n<ul>\n");
			page.getPage().forEach(p -> b.append(pages(p)));
			b.append("</ul>\n");
		}
		return b.append("</li>\n").toString();
	}
}
