package se.samplan.ig.site;

import org.hl7.fhir.r4.model.SearchParameter;

import static se.samplan.ig.site.Html.code;
import static se.samplan.ig.site.Html.esc;

/** The search parameters of the package, one section each under the anchor {@code SearchParameter-id}. */
final class SearchParametersPage {

	private final SipArtefacts artefacts;
	private final Markdown markdown;

	SearchParametersPage(SipArtefacts artefacts, Markdown markdown) {
		this.artefacts = artefacts;
		this.markdown = markdown;
	}

	String html() {
		StringBuilder b = new StringBuilder("<h1>Search parameters</h1>\n<p>The search parameters the package ")
				.append("adds, for example <code>GET [base]/CarePlan?sip-phase=active</code>. Standard FHIR search ")
				.append("parameters cover the rest (Task <code>owner</code>, <code>based-on</code>; Consent ")
				.append("<code>actor</code>; CareTeam <code>participant</code>; …).</p>\n");
		Table summary = new Table("Code", "Base", "Type");
		artefacts.searchParameters.forEach(sp -> summary.row(Html.link(Links.href(sp), code(sp.getCode())),
				esc(bases(sp)), esc(sp.getTypeElement().getValueAsString())));
		b.append(summary.html());
		for (SearchParameter sp : artefacts.searchParameters) {
			b.append("<h2 id=\"").append(esc(SipArtefacts.key(sp))).append("\">").append(esc(sp.getCode()))
					.append("</h2>\n").append(markdown.resource(sp.getDescription()))
					.append(Html.facts(
							"Code", code(sp.getCode()),
							"Base", esc(bases(sp)),
							"Type", esc(sp.getTypeElement().getValueAsString()),
							"Expression", "<code class=\"expr\">" + esc(sp.getExpression()) + "</code>",
							"Target", esc(String.join(", ", sp.getTarget().stream().map(t -> t.getValue()).toList())),
							"URL", code(sp.getUrl())));
		}
		return b.toString();
	}

	private static String bases(SearchParameter sp) {
		return String.join(", ", sp.getBase().stream().map(c -> c.getValue()).toList());
	}
}
