package se.samplan.ig.site;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;

import java.util.List;
import java.util.Optional;

import static se.samplan.ig.site.Html.code;
import static se.samplan.ig.site.Html.esc;

/**
 * The code systems with their concepts, the value sets with what they include, and the naming systems,
 * each under an anchor {@code Type-id} that profile pages link to. Displays are shown as the package
 * has them (Swedish), with the English designation beside.
 */
final class TerminologyPage {

	private final SipArtefacts artefacts;
	private final Links links;
	private final Markdown markdown;

	TerminologyPage(SipArtefacts artefacts, Links links, Markdown markdown) {
		this.artefacts = artefacts;
		this.links = links;
		this.markdown = markdown;
	}

	String html() {
		StringBuilder b = new StringBuilder("<h1>Terminology</h1>\n<p>The code systems, value sets and naming ")
				.append("systems of the package. Displays are in Swedish, as clients show them to users; the ")
				.append("English column is each concept's English designation.</p>\n<ul>\n")
				.append("<li><a href=\"#code-systems\">Code systems</a></li>\n")
				.append("<li><a href=\"#value-sets\">Value sets</a></li>\n")
				.append("<li><a href=\"#naming-systems\">Naming systems</a></li>\n</ul>\n");
		b.append("<h2 id=\"code-systems\">Code systems</h2>\n");
		artefacts.codeSystems.forEach(cs -> b.append(codeSystem(cs)));
		b.append("<h2 id=\"value-sets\">Value sets</h2>\n");
		artefacts.valueSets.forEach(vs -> b.append(valueSet(vs)));
		b.append("<h2 id=\"naming-systems\">Naming systems</h2>\n");
		if (artefacts.namingSystems.isEmpty()) {
			b.append("<p>The package has no naming systems.</p>\n");
		}
		artefacts.namingSystems.forEach(ns -> b.append(namingSystem(ns)));
		return b.toString();
	}

	private String heading(MetadataResource r) {
		return "<h3 id=\"" + esc(SipArtefacts.key(r)) + "\">" + esc(r.hasTitle() ? r.getTitle() : r.getName())
				+ "</h3>\n" + markdown.resource(r.getDescription());
	}

	private String codeSystem(CodeSystem cs) {
		Table concepts = new Table("Code", "Display", "English", "Definition");
		addConcepts(concepts, cs.getConcept());
		return heading(cs) + Html.facts(
				"URL", code(cs.getUrl()),
				"Id", code(cs.getIdElement().getIdPart()),
				"Value set", cs.hasValueSet() ? links.canonical(cs.getValueSet()) : "",
				"Content", esc(cs.getContentElement().getValueAsString()))
				+ concepts.html();
	}

	private static void addConcepts(Table table, List<ConceptDefinitionComponent> concepts) {
		for (ConceptDefinitionComponent c : concepts) {
			String english = c.getDesignation().stream().filter(d -> "en".equals(d.getLanguage()))
					.map(d -> d.getValue()).findFirst().orElse("");
			table.row(code(c.getCode()), esc(c.getDisplay()), esc(english), esc(c.getDefinition()));
			addConcepts(table, c.getConcept());
		}
	}

	private String valueSet(ValueSet vs) {
		StringBuilder b = new StringBuilder(heading(vs)).append(Html.facts(
				"URL", code(vs.getUrl()),
				"Id", code(vs.getIdElement().getIdPart())));
		vs.getCompose().getInclude().forEach(set -> b.append(conceptSet("Includes", set)));
		vs.getCompose().getExclude().forEach(set -> b.append(conceptSet("Excludes", set)));
		return b.toString();
	}

	/** Listed codes as a table; for a whole code system of ours, its codes; filters as text. */
	private String conceptSet(String verb, ConceptSetComponent set) {
		StringBuilder b = new StringBuilder("<p>").append(verb).append(' ');
		if (set.hasSystem()) {
			b.append(set.hasConcept() ? "these codes from " : "all codes from ").append(system(set.getSystem()));
		}
		if (set.hasValueSet()) {
			b.append(set.hasSystem() ? ", in " : "the value set ").append(links.canonicals(set.getValueSet()));
		}
		set.getFilter().forEach(f -> b.append(", where ").append(code(f.getProperty() + " "
				+ f.getOpElement().getValueAsString() + " " + f.getValue())));
		b.append(":</p>\n");
		Table codes = new Table("Code", "Display");
		if (set.hasConcept()) {
			set.getConcept().forEach(c -> codes.row(code(c.getCode()), esc(c.getDisplay())));
		} else if (!set.hasFilter()) {
			ourCodeSystem(set.getSystem()).ifPresent(cs -> addCodes(codes, cs.getConcept()));
		}
		return codes.isEmpty() ? b.toString() : b + codes.html();
	}

	private static void addCodes(Table table, List<ConceptDefinitionComponent> concepts) {
		for (ConceptDefinitionComponent c : concepts) {
			table.row(code(c.getCode()), esc(c.getDisplay()));
			addCodes(table, c.getConcept());
		}
	}

	private Optional<CodeSystem> ourCodeSystem(String url) {
		return artefacts.codeSystems.stream().filter(cs -> cs.getUrl().equals(url)).findFirst();
	}

	private String system(String url) {
		return ourCodeSystem(url).map(cs -> links.canonical(url) + " (" + code(url) + ")").orElse(code(url));
	}

	private String namingSystem(NamingSystem ns) {
		Table ids = new Table("Type", "Value", "Preferred");
		ns.getUniqueId().forEach(u -> ids.row(esc(u.getTypeElement().getValueAsString()), code(u.getValue()),
				u.getPreferred() ? "yes" : "no"));
		return "<h3 id=\"" + esc(SipArtefacts.key(ns)) + "\">" + esc(ns.getName()) + "</h3>\n"
				+ markdown.resource(ns.getDescription())
				+ Html.facts(
						"Id", code(ns.getIdElement().getIdPart()),
						"Kind", esc(ns.getKindElement().getValueAsString()),
						"Responsible", esc(ns.getResponsible()),
						"Usage", esc(ns.getUsage()))
				+ ids.html();
	}
}
