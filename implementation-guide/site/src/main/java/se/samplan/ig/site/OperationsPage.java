package se.samplan.ig.site;

import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationDefinitionParameterComponent;

import java.util.ArrayList;
import java.util.List;

import static se.samplan.ig.site.Html.code;
import static se.samplan.ig.site.Html.esc;

/** The operations page, from the package's OperationDefinitions, and the operation list of the workflow page. */
final class OperationsPage {

	private final SipArtefacts artefacts;
	private final Links links;
	private final Markdown markdown;

	OperationsPage(SipArtefacts artefacts, Links links, Markdown markdown) {
		this.artefacts = artefacts;
		this.links = links;
		this.markdown = markdown;
	}

	String html() {
		StringBuilder b = new StringBuilder("<h1>Operations</h1>\n<p>The operations of the SIP workflow, as the ")
				.append("package's OperationDefinitions declare them. The <a href=\"workflow.html\">workflow page</a> ")
				.append("explains when to call each one, what it refuses and gives a curl example.</p>\n")
				.append(list());
		for (OperationDefinition od : artefacts.operations) {
			b.append("<h2 id=\"").append(esc(SipArtefacts.key(od))).append("\">").append(esc("$" + od.getCode()))
					.append("</h2>\n<p>").append(esc(od.getTitle())).append("</p>\n")
					.append(Html.facts(
							"Invocation", code(invocation(od)),
							"Level", esc(level(od)),
							"Resource", esc(String.join(", ", od.getResource().stream().map(r -> r.getValue()).toList())),
							"Changes data", od.getAffectsState() ? "yes (POST only)" : "no (GET or POST)",
							"URL", code(od.getUrl())))
					.append(markdown.resource(od.getDescription()))
					.append(parameters(od));
		}
		return b.toString();
	}

	/** One row per operation, linking to its section here; also shown on the workflow page. */
	String list() {
		Table table = new Table("Operation", "Level", "Resource", "What it does");
		for (OperationDefinition od : artefacts.operations) {
			table.row(Html.link(Links.href(od), code("$" + od.getCode())), esc(level(od)),
					esc(String.join(", ", od.getResource().stream().map(r -> r.getValue()).toList())), esc(od.getTitle()));
		}
		return table.html();
	}

	private static String level(OperationDefinition od) {
		List<String> levels = new ArrayList<>();
		if (od.getSystem()) {
			levels.add("system");
		}
		if (od.getType()) {
			levels.add("type");
		}
		if (od.getInstance()) {
			levels.add("instance");
		}
		return String.join(", ", levels);
	}

	private static String invocation(OperationDefinition od) {
		String resource = od.getResource().isEmpty() ? "" : od.getResource().get(0).getValue() + "/";
		String target = od.getInstance() ? resource + "[id]/" : od.getType() ? resource : "";
		return (od.getAffectsState() ? "POST" : "GET") + " [base]/" + target + "$" + od.getCode();
	}

	private String parameters(OperationDefinition od) {
		Table table = new Table("Name", "Use", "Card.", "Type", "Documentation");
		addParameters(table, "", od.getParameter());
		return "<h3 id=\"" + esc(SipArtefacts.key(od)) + "-parameters\">Parameters of " + esc("$" + od.getCode())
				+ "</h3>\n" + table.html();
	}

	/** Parameters, and their parts as {@code parent.part}. */
	private void addParameters(Table table, String prefix, List<OperationDefinitionParameterComponent> parameters) {
		for (OperationDefinitionParameterComponent p : parameters) {
			table.row(code(prefix + p.getName()), esc(p.getUseElement().getValueAsString()),
					esc(p.getMin() + ".." + p.getMax()), type(p), esc(p.getDocumentation()));
			addParameters(table, prefix + p.getName() + ".", p.getPart());
		}
	}

	private String type(OperationDefinitionParameterComponent p) {
		String type = esc(p.getType());
		if (p.hasTargetProfile()) {
			type += "(" + links.canonicals(p.getTargetProfile()) + ")";
		}
		if (p.hasSearchType()) {
			type += " (search type " + esc(p.getSearchTypeElement().getValueAsString()) + ")";
		}
		if (p.hasBinding()) {
			type += "<br>" + esc(p.getBinding().getStrengthElement().getValueAsString()) + ": "
					+ links.canonical(p.getBinding().getValueSet());
		}
		return type;
	}
}
