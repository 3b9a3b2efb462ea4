package se.samplan.ig.site;

import org.hl7.fhir.r4.model.StructureDefinition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The workflow and access rules and the resource types each one applies to, read from the table in
 * {@code pages/rules.md} that the server's build generates from its code; cells are Markdown.
 */
final class Rules {

	record Rule(String id, String name, Set<String> resourceTypes, String where, String refusal, String keptBy, String tests) {
		/** Where the rule is explained: the rules table of the workflow page. */
		String href() {
			return "workflow.html#rule-" + id;
		}
	}

	private static final List<String> COLUMNS = List.of("rule", "name", "applies to", "where", "refusal", "kept by", "tests");

	final List<Rule> all;

	Rules(Path rulesMarkdown) throws IOException {
		List<Rule> rules = new ArrayList<>();
		List<String> rows = Files.readAllLines(rulesMarkdown, StandardCharsets.UTF_8).stream()
				.map(String::strip).filter(l -> l.startsWith("|")).toList();
		if (rows.isEmpty() || !cells(rows.get(0)).equals(COLUMNS)) {
			throw new IllegalArgumentException(rulesMarkdown + " needs one table with the columns " + COLUMNS);
		}
		for (String row : rows.subList(2, rows.size())) {
			List<String> c = cells(row);
			Set<String> types = new TreeSet<>(Arrays.stream(c.get(2).split(",")).map(String::strip)
					.filter(s -> !s.isEmpty()).toList());
			rules.add(new Rule(c.get(0), c.get(1), types, c.get(3), c.get(4), c.get(5), c.get(6)));
		}
		this.all = List.copyOf(rules);
	}

	/** The cells of a Markdown table row; rows of our table have no escaped pipes. */
	private static List<String> cells(String row) {
		String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
		return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
	}

	List<Rule> forType(String resourceType) {
		return all.stream().filter(r -> r.resourceTypes().contains(resourceType)).toList();
	}

	/** The table of the workflow page: each rule, where it is enforced, and the profiles it applies to. */
	String table(Markdown markdown, List<StructureDefinition> profiles) {
		Table table = new Table("Rule", "Name", "Applies to", "Where", "Refusal", "Kept by", "Tests");
		for (Rule r : all) {
			List<String> appliesTo = r.resourceTypes().stream().map(type -> profiles.stream()
					.filter(p -> p.getType().equals(type)).map(p -> Html.link(Links.page(p), Html.esc(SipArtefacts.id(p))))
					.findFirst().orElse(Html.code(type))).toList();
			table.rowWithId("rule-" + r.id(), Html.esc(r.id()), markdown.inline(r.name()), String.join(", ", appliesTo),
					markdown.inline(r.where()), markdown.inline(r.refusal()),
					markdown.inline(r.keptBy()), markdown.inline(r.tests()));
		}
		return table.html();
	}
}
