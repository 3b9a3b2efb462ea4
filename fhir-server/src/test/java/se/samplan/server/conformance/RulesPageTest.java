package se.samplan.server.conformance;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.SipRule;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IG's rules page ({@code implementation-guide/pages/rules.md}) is generated from the code: for each rule of
 * {@link SipRule}, the classes that declare they keep it ({@link Keeps}) with where it is checked and what a refusal
 * gets, and the tests of it (test classes named after it, like {@code R8OnePlanRuleTest}, or tagged with its id).
 * When the page differs from the code this test writes the page anew and fails: commit the new page.
 */
class RulesPageTest {

	static final Path PAGE = Path.of("..", "implementation-guide", "pages", "rules.md");
	private static final Pattern NAMED_AFTER = Pattern.compile("^([RW]\\d+)[A-Z]");

	@Test
	void theRulesPageIsTheOneTheCodeGives() throws IOException, ClassNotFoundException {
		String generated = page();
		String committed = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
		if (!generated.equals(committed)) {
			Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
		}
		assertThat(committed).as("rules.md was out of date and has been rewritten from the code; commit it").isEqualTo(generated);
	}

	@Test
	void everyRuleIsKeptByAClassAndTested() throws ClassNotFoundException {
		Map<SipRule, List<Class<?>>> keepers = keepers();
		Map<SipRule, Set<String>> tests = tests();
		for (SipRule rule : SipRule.values()) {
			assertThat(keepers.get(rule)).as("classes keeping " + rule).isNotEmpty();
			assertThat(tests.get(rule)).as("tests of " + rule).isNotEmpty();
		}
	}

	static String page() throws ClassNotFoundException {
		Map<SipRule, List<Class<?>>> keepers = keepers();
		Map<SipRule, Set<String>> tests = tests();
		StringBuilder md = new StringBuilder("""
				# Rules by resource type

				Generated from the server's code by `RulesPageTest` (do not edit by hand): each rule the server enforces, the
				FHIR resource types it applies to, where it is checked, what a refused request gets, the class that keeps it
				(annotated `@Keeps`) and its tests (named after the rule or tagged with its id). The IG site reads this table:
				it becomes the rules table of the workflow page (`<!-- ig:rules -->` in `workflow.md`), and each profile page
				lists the rules whose "applies to" names its resource type. Rule ids are those of `CodeSystem/sip-rule`
				(R from the domain rules, W from the workflow). A refusal carries the rule's code in
				`OperationOutcome.issue.details.coding`, whichever path the request took (operation, REST, batch or
				transaction entry).

				| rule | name | applies to | where | refusal | kept by | tests |
				| --- | --- | --- | --- | --- | --- | --- |
				""");
		List<SipRule> rules = new ArrayList<>(Arrays.asList(SipRule.values()));
		rules.sort(Comparator.comparing((SipRule r) -> r.name().charAt(0)).thenComparing(r -> Integer.parseInt(r.name().substring(1))));
		for (SipRule rule : rules) {
			List<Class<?>> classes = keepers.getOrDefault(rule, List.of());
			Set<String> applies = new LinkedHashSet<>();
			List<String> where = new ArrayList<>();
			List<String> refusal = new ArrayList<>();
			for (Class<?> c : classes) {
				Keeps keeps = c.getAnnotation(Keeps.class);
				applies.addAll(List.of(keeps.appliesTo()));
				where.add(keeps.where());
				refusal.add(keeps.refusal());
			}
			md.append("| ").append(rule.name()).append(" | ").append(rule.englishName()).append(" | ")
					.append(String.join(", ", applies)).append(" | ").append(String.join("; ", where)).append(" | ")
					.append(String.join("; ", refusal)).append(" | ")
					.append(String.join(", ", classes.stream().map(c -> "`" + c.getSimpleName() + "`").toList())).append(" | ")
					.append(String.join(", ", tests.getOrDefault(rule, Set.of()).stream().map(t -> "`" + t + "`").toList()))
					.append(" |\n");
		}
		return md.toString();
	}

	private static Map<SipRule, List<Class<?>>> keepers() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
		scan.addIncludeFilter(new AnnotationTypeFilter(Keeps.class));
		Map<SipRule, List<Class<?>>> keepers = new EnumMap<>(SipRule.class);
		List<String> names = scan.findCandidateComponents("se.samplan.server").stream().map(b -> b.getBeanClassName()).sorted().toList();
		for (String name : names) {
			Class<?> c = Class.forName(name);
			for (SipRule rule : c.getAnnotation(Keeps.class).value()) {
				keepers.computeIfAbsent(rule, r -> new ArrayList<>()).add(c);
			}
		}
		return keepers;
	}

	private static Map<SipRule, Set<String>> tests() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
		scan.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getClassName().endsWith("Test"));
		Map<SipRule, Set<String>> tests = new EnumMap<>(SipRule.class);
		for (var candidate : scan.findCandidateComponents("se.samplan.server")) {
			Class<?> c = Class.forName(candidate.getBeanClassName());
			Set<String> tags = new TreeSet<>();
			Matcher named = NAMED_AFTER.matcher(c.getSimpleName());
			if (named.find()) {
				tags.add(named.group(1));
			}
			Arrays.stream(c.getAnnotationsByType(Tag.class)).forEach(t -> tags.add(t.value()));
			for (Method m : c.getDeclaredMethods()) {
				Arrays.stream(m.getAnnotationsByType(Tag.class)).forEach(t -> tags.add(t.value()));
			}
			for (String tag : tags) {
				Arrays.stream(SipRule.values()).filter(r -> r.name().equals(tag))
						.forEach(r -> tests.computeIfAbsent(r, k -> new TreeSet<>()).add(c.getSimpleName()));
			}
		}
		return tests;
	}
}
