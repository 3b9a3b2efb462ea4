package se.samplan.ig.site;

import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;
import java.util.function.Function;

import static se.samplan.ig.site.Html.code;
import static se.samplan.ig.site.Html.esc;

/** The index of every artefact and example in the package, by kind, each linking to where it is shown. */
final class ArtifactsPage {

	private final SipArtefacts artefacts;
	private final Links links;

	ArtifactsPage(SipArtefacts artefacts, Links links) {
		this.artefacts = artefacts;
		this.links = links;
	}

	String html() {
		StringBuilder b = new StringBuilder("<h1>Artifacts</h1>\n<p>Everything in the package ")
				.append(code(artefacts.packageId + "#" + artefacts.version)).append(", by kind.</p>\n");
		b.append(section("profiles", "Profiles", artefacts.profiles, "Base", sd -> code(sd.getType())));
		b.append(section("extensions", "Extensions", artefacts.extensions, "Context", sd -> esc(String.join(", ",
				sd.getContext().stream().map(c -> c.getExpression()).toList()))));
		b.append(section("code-systems", "Code systems", artefacts.codeSystems, "URL", r -> code(r.getUrl())));
		b.append(section("value-sets", "Value sets", artefacts.valueSets, "URL", r -> code(r.getUrl())));
		b.append(section("search-parameters", "Search parameters", artefacts.searchParameters, "Base",
				sp -> esc(String.join(", ", sp.getBase().stream().map(c -> c.getValue()).toList()))));
		b.append(section("operation-definitions", "Operation definitions", artefacts.operations, "Operation",
				od -> code("$" + od.getCode())));
		b.append(namingSystems());
		b.append(section("measures", "Measures", artefacts.measures, "URL", r -> code(r.getUrl())));
		b.append(topics());
		artefacts.implementationGuide.ifPresent(ig -> b.append(section("implementation-guide", "ImplementationGuide",
				List.of(ig), "Package", r -> code(ig.getPackageId() + "#" + ig.getVersion()))));
		b.append(examples());
		return b.toString();
	}

	private <T extends MetadataResource> String section(String id, String heading, List<T> resources, String column,
			Function<T, String> cell) {
		Table table = new Table("Id", "Title", column, "Description");
		resources.forEach(r -> table.row(Html.link(Links.href(r), esc(SipArtefacts.id(r))),
				esc(r.hasTitle() ? r.getTitle() : r.getName()), cell.apply(r), esc(firstSentence(r.getDescription()))));
		return "<h2 id=\"" + id + "\">" + heading + " (" + resources.size() + ")</h2>\n"
				+ (resources.isEmpty() ? "<p>None.</p>\n" : table.html());
	}

	private String namingSystems() {
		Table table = new Table("Id", "Name", "Identifier systems");
		artefacts.namingSystems.forEach(ns -> table.row(Html.link(Links.href(ns), esc(SipArtefacts.id(ns))),
				esc(ns.getName()), String.join("<br>", ns.getUniqueId().stream().map(u -> code(u.getValue())).toList())));
		return "<h2 id=\"naming-systems\">Naming systems (" + artefacts.namingSystems.size() + ")</h2>\n"
				+ (table.isEmpty() ? "<p>None.</p>\n" : table.html());
	}

	private String topics() {
		Table table = new Table("Id", "Title", "URL", "Description");
		artefacts.topics.forEach(t -> table.row(Html.link(Links.href(t), esc(SipArtefacts.id(t))),
				esc(SipArtefacts.topicPart(t, "title")), code(SipArtefacts.topicPart(t, "url")),
				esc(firstSentence(SipArtefacts.topicPart(t, "description")))));
		return "<h2 id=\"subscription-topics\">Subscription topics (" + artefacts.topics.size() + ")</h2>\n"
				+ "<p>In the R4 form of the Subscriptions R5 Backport IG: Basic resources with the code SubscriptionTopic.</p>\n"
				+ (table.isEmpty() ? "<p>None.</p>\n" : table.html());
	}

	private String examples() {
		Table table = new Table("Id", "Type", "Profile");
		for (Resource ex : artefacts.examples) {
			table.row(Html.link(links.exampleHref(ex), esc(SipArtefacts.id(ex))), code(ex.fhirType()),
					links.profileOf(ex).map(SipArtefacts::id).map(Html::esc).orElse("none"));
		}
		return "<h2 id=\"examples\">Examples (" + artefacts.examples.size() + ")</h2>\n"
				+ "<p>Examples with one of our profiles are shown on that profile's page; the others have a page "
				+ "of their own.</p>\n" + table.html();
	}

	/** The description's first sentence, enough for an index. */
	private static String firstSentence(String description) {
		if (description == null) {
			return "";
		}
		int end = description.indexOf(". ");
		return end < 0 ? description : description.substring(0, end + 1);
	}
}
