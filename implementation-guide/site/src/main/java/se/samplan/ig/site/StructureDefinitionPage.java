package se.samplan.ig.site;

import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.ElementDefinition.ElementDefinitionConstraintComponent;
import org.hl7.fhir.r4.model.ElementDefinition.TypeRefComponent;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import static se.samplan.ig.site.Html.code;
import static se.samplan.ig.site.Html.esc;

/**
 * The page of one profile or extension, generated from its StructureDefinition: what it is, its
 * differential elements and invariants, the rules that apply to its resource type, and its examples.
 */
final class StructureDefinitionPage {

	private final SipArtefacts artefacts;
	private final Links links;
	private final Rules rules;
	private final Markdown markdown;
	private final IParser compactJson;

	StructureDefinitionPage(SipArtefacts artefacts, Links links, Rules rules, Markdown markdown, IParser compactJson) {
		this.artefacts = artefacts;
		this.links = links;
		this.rules = rules;
		this.markdown = markdown;
		this.compactJson = compactJson;
	}

	static String title(StructureDefinition sd) {
		return sd.hasTitle() ? sd.getTitle() : sd.getName();
	}

	String html(StructureDefinition sd) {
		boolean extension = "Extension".equals(sd.getType());
		StringBuilder b = new StringBuilder();
		b.append("<h1>").append(esc(title(sd))).append("</h1>\n").append(markdown.resource(sd.getDescription()));
		b.append(Html.facts(
				"URL", code(sd.getUrl()),
				"Version", esc(sd.getVersion()),
				"Status", esc(sd.getStatusElement().getValueAsString()),
				"Kind", esc(sd.getKindElement().getValueAsString()) + ", type " + code(sd.getType()),
				"Base definition", links.canonical(sd.getBaseDefinition()),
				"Context", extension ? esc(String.join("; ", sd.getContext().stream()
						.map(c -> c.getType().toCode() + ": " + c.getExpression()).toList())) : "",
				"Value", extension ? valueType(sd) : "",
				"Used by", extension ? usedBy(sd) : ""));
		b.append("<h2 id=\"elements\">Elements</h2>\n<p>The differential: what this ")
				.append(extension ? "extension" : "profile")
				.append(" changes in its base. Cardinality and types the differential leaves out are those of the ")
				.append("snapshot; <span class=\"ms\">S</span> marks must-support elements.</p>\n")
				.append(elements(sd));
		b.append("<h2 id=\"invariants\">Invariants</h2>\n").append(invariants(sd));
		if (!extension) {
			b.append("<h2 id=\"rules\">Rules</h2>\n").append(rules(sd));
		}
		b.append("<h2 id=\"examples\">Examples</h2>\n").append(examples(sd));
		return b.toString();
	}

	private String elements(StructureDefinition sd) {
		Table table = new Table("Path", "Card.", "Type", "Binding", "Fixed or pattern", "MS", "Notes");
		for (ElementDefinition e : sd.getDifferential().getElement()) {
			ElementDefinition snap = snapshot(sd, e.getId());
			table.row(code(e.getId()), cardinality(e, snap),
					types(e.hasType() || snap == null ? e.getType() : snap.getType()),
					binding(e),
					fixedOrPattern(e),
					e.getMustSupport() ? "<span class=\"ms\" title=\"must support\">S</span>" : "",
					notes(e));
		}
		return table.html();
	}

	private ElementDefinition snapshot(StructureDefinition sd, String id) {
		return sd.getSnapshot().getElement().stream().filter(s -> id.equals(s.getId())).findFirst().orElse(null);
	}

	private static String cardinality(ElementDefinition diff, ElementDefinition snap) {
		return esc(effective(diff, snap, ElementDefinition::hasMin, d -> String.valueOf(d.getMin())) + ".."
				+ effective(diff, snap, ElementDefinition::hasMax, ElementDefinition::getMax));
	}

	/** The differential's value, or the snapshot's where the differential leaves it out. */
	private static String effective(ElementDefinition diff, ElementDefinition snap, Predicate<ElementDefinition> has,
			Function<ElementDefinition, String> get) {
		if (has.test(diff)) {
			return get.apply(diff);
		}
		return snap != null && has.test(snap) ? get.apply(snap) : "?";
	}

	private String types(List<TypeRefComponent> types) {
		List<String> rendered = new ArrayList<>();
		for (TypeRefComponent t : types) {
			String name = t.getCode().contains("/") ? links.canonical(t.getCode()) : esc(t.getCode());
			if (t.hasTargetProfile()) {
				name += "(" + links.canonicals(t.getTargetProfile()) + ")";
			}
			if (t.hasProfile()) {
				name += ": " + links.canonicals(t.getProfile());
			}
			rendered.add(name);
		}
		return String.join("<br>", rendered);
	}

	private String binding(ElementDefinition e) {
		if (!e.hasBinding()) {
			return "";
		}
		String strength = e.getBinding().hasStrength() ? esc(e.getBinding().getStrength().toCode()) : "";
		return e.getBinding().hasValueSet() ? strength + ": " + links.canonical(e.getBinding().getValueSet()) : strength;
	}

	private String fixedOrPattern(ElementDefinition e) {
		if (e.hasFixed()) {
			return "fixed " + value(e.getFixed());
		}
		return e.hasPattern() ? "pattern " + value(e.getPattern()) : "";
	}

	private String value(Type t) {
		return "<code class=\"expr\">" + esc(t instanceof PrimitiveType<?> p ? p.getValueAsString()
				: compactJson.encodeToString(t)) + "</code>";
	}

	private static String notes(ElementDefinition e) {
		List<String> notes = new ArrayList<>();
		if (e.hasShort()) {
			notes.add(esc(e.getShort()));
		}
		if (e.hasComment()) {
			notes.add(esc(e.getComment()));
		}
		if (e.hasSlicing()) {
			notes.add("Sliced by " + esc(String.join(", ", e.getSlicing().getDiscriminator().stream()
					.map(d -> d.getType().toCode() + " of " + d.getPath()).toList()))
					+ (e.getSlicing().hasRules() ? ", " + esc(e.getSlicing().getRules().toCode()) : "") + ".");
		}
		return String.join("<br>", notes);
	}

	/** An extension's value type, or for a complex extension its parts with their value types. */
	private String valueType(StructureDefinition sd) {
		ElementDefinition value = element(sd, "Extension.value[x]");
		if (value != null && !"0".equals(value.getMax())) {
			return typeAndBinding(value);
		}
		List<String> parts = new ArrayList<>();
		for (ElementDefinition e : sd.getDifferential().getElement()) {
			if (e.hasSliceName() && e.getId().equals("Extension.extension:" + e.getSliceName())) {
				ElementDefinition partValue = element(sd, e.getId() + ".value[x]");
				parts.add(code(e.getSliceName()) + " " + cardinality(e, snapshot(sd, e.getId()))
						+ (partValue == null ? "" : " " + typeAndBinding(partValue)));
			}
		}
		return "complex: " + String.join("; ", parts);
	}

	private String typeAndBinding(ElementDefinition value) {
		return types(value.getType()) + (value.hasBinding() ? " (" + binding(value) + ")" : "");
	}

	/** An element by id, from the differential where it says something about the type, else the snapshot. */
	private ElementDefinition element(StructureDefinition sd, String id) {
		return sd.getDifferential().getElement().stream().filter(e -> id.equals(e.getId()) && (e.hasType() || e.hasMax()))
				.findFirst().orElseGet(() -> snapshot(sd, id));
	}

	private String usedBy(StructureDefinition extension) {
		return String.join(", ", artefacts.profiles.stream()
				.filter(p -> p.getDifferential().getElement().stream().flatMap(e -> e.getType().stream())
						.flatMap(t -> t.getProfile().stream()).anyMatch(u -> extension.getUrl().equals(u.getValue())))
				.map(p -> Html.link(Links.page(p), esc(SipArtefacts.id(p)))).toList());
	}

	private String invariants(StructureDefinition sd) {
		Table table = new Table("Key", "Severity", "Element", "Description", "Expression");
		for (ElementDefinition e : sd.getDifferential().getElement()) {
			for (ElementDefinitionConstraintComponent c : e.getConstraint()) {
				table.row(code(c.getKey()), esc(c.getSeverityElement().getValueAsString()), code(e.getId()), esc(c.getHuman()),
						"<code class=\"expr\">" + esc(c.getExpression()) + "</code>");
			}
		}
		return table.isEmpty() ? "<p>No invariants beyond those of the base.</p>\n" : table.html();
	}

	private String rules(StructureDefinition sd) {
		List<Rules.Rule> applying = rules.forType(sd.getType());
		if (applying.isEmpty()) {
			return "<p>No workflow or access rule names " + code(sd.getType())
					+ ". See the <a href=\"workflow.html#rules-on-every-write-path\">rules on every write path</a>.</p>\n";
		}
		Table table = new Table("Rule", "Name", "Where", "Refusal");
		applying.forEach(r -> table.row(Html.link(r.href(), esc(r.id())), markdown.inline(r.name()),
				markdown.inline(r.where()), markdown.inline(r.refusal())));
		return "<p>The rules the server enforces on " + code(sd.getType())
				+ " resources (from the <a href=\"workflow.html#rules-on-every-write-path\">workflow</a> and "
				+ "<a href=\"access.html\">access</a> rules):</p>\n" + table.html();
	}

	private String examples(StructureDefinition sd) {
		StringBuilder b = new StringBuilder();
		for (Resource example : artefacts.examples) {
			if (links.claims(example, sd)) {
				b.append("<h3 id=\"").append(esc(SipArtefacts.key(example))).append("\">")
						.append(esc(SipArtefacts.id(example))).append("</h3>\n")
						.append(Html.json(artefacts.prettyJson(example)));
			}
		}
		return b.isEmpty() ? "<p>The package has no example that claims this "
				+ ("Extension".equals(sd.getType()) ? "extension" : "profile") + ".</p>\n" : b.toString();
	}
}
