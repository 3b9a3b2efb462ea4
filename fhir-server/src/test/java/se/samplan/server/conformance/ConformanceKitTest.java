package se.samplan.server.conformance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samplan.server.ServerTestBase;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipRule;
import se.samplan.testkit.KitResult;
import se.samplan.testkit.KitResult.Status;
import se.samplan.testkit.KitRunner;
import se.samplan.testkit.KitSettings;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance test kit (implementation-guide/test-kit) against this server: every check passes, and with
 * each rule switched off in turn ({@link RuleSwitch}, test only) the kit fails every check of that
 * rule and only those, so the kit can tell a server that keeps a rule from one that does not. Reports go to
 * target/conformance-kit/.
 */
class ConformanceKitTest extends ServerTestBase {

	private static final Path REPORTS = Path.of("target", "conformance-kit");
	/** The preconditions of workflow.md, and who sees what (access.md) for persons (R13) and organisations (R15). */
	private static final List<SipRule> RULES = List.of(SipRule.R2, SipRule.R3, SipRule.R5, SipRule.R6,
			SipRule.R7, SipRule.R8, SipRule.R11, SipRule.W1, SipRule.W2, SipRule.W3, SipRule.R13, SipRule.R15);
	private static final Set<String> RULE_AND_ACCESS_CHECKS = Set.of("rules", "access");

	@Autowired
	private RuleSwitch ruleSwitch;

	@AfterEach
	void allRulesOn() {
		ruleSwitch.switchOff(List.of());
	}

	@Test
	void everyCheckPassesAgainstThisServer() throws Exception {
		KitResult result = run(REPORTS.resolve("all"), Set.of());
		assertThat(result.with(Status.FAILED)).as("failed checks").isEmpty();
		assertThat(result.with(Status.SKIPPED)).as("skipped checks").isEmpty();
		assertThat(result.checks()).hasSizeGreaterThan(150);
		for (String tag : List.of("capability", "examples", "workflow", "rules", "access", "followup")) {
			assertThat(result.tagged(tag)).as(tag).isNotEmpty();
		}
		try (var xml = Files.list(REPORTS.resolve("all"))) {
			assertThat(xml.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("TEST-") && n.endsWith(".xml"));
		}
	}

	@Test
	@Tag("above-storage") // the rules' logic; the checks on storage ran above
	@Tag("full-run")
	void withEachRuleOffTheKitFailsThatRulesChecks() throws Exception {
		List<String> table = new ArrayList<>();
		for (SipRule rule : RULES) {
			ruleSwitch.switchOff(List.of(rule));
			KitResult result = run(REPORTS.resolve("without-" + rule), RULE_AND_ACCESS_CHECKS);
			List<KitResult.Check> ofRule = result.tagged(rule.name());
			assertThat(ofRule).as(rule + "'s checks").isNotEmpty()
					.allSatisfy(c -> assertThat(c.status()).as(c.name()).isEqualTo(Status.FAILED));
			List<String> otherFailures = result.with(Status.FAILED).stream()
					.filter(c -> !c.tags().contains(rule.name())).map(KitResult.Check::name).toList();
			assertThat(otherFailures).as("other checks failing with " + rule + " off").isEmpty();
			table.add(String.format("%-4s off: all %d checks of %s fail, the other %d rule and access checks pass", rule,
					ofRule.size(), rule, result.checks().size() - ofRule.size()));
		}
		ruleSwitch.switchOff(List.of());
		KitResult allOn = run(REPORTS.resolve("rules-on"), RULE_AND_ACCESS_CHECKS);
		assertThat(allOn.with(Status.FAILED)).isEmpty();
		table.add("all on: " + allOn.with(Status.PASSED).size() + " of " + allOn.checks().size() + " rule and access checks pass");
		Files.write(REPORTS.resolve("rule-off-runs.txt"), table);
		table.forEach(System.out::println);
	}

	/** A check class whose set-up fails (here: the server refuses the initiator's token) counts each check as failed. */
	@Test
	void aRefusedSetUpFailsEveryCheckOfItsClass() {
		KitSettings badToken = new KitSettings(URI.create(fhirBase()), "not-a-token", null, Map.of(),
				REPORTS.resolve("bad-token"), Set.of("access"));
		KitResult result = KitRunner.run(badToken, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		assertThat(result.checks()).hasSizeGreaterThanOrEqualTo(7)
				.allSatisfy(c -> assertThat(c.status()).as(c.name()).isEqualTo(Status.FAILED));
		assertThat(result.checks().get(0).message()).contains("401");
	}

	private KitResult run(Path reports, Set<String> tags) {
		ByteArrayOutputStream report = new ByteArrayOutputStream();
		KitResult result = KitRunner.run(KitSettings.of(URI.create(fhirBase()),
				URI.create("http://localhost:" + port + "/auth/token"), reports, tags),
				new PrintStream(report, true, StandardCharsets.UTF_8));
		String text = report.toString(StandardCharsets.UTF_8);
		try {
			Files.createDirectories(reports);
			Files.writeString(reports.resolve("report.txt"), text);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		if (tags.isEmpty()) {
			System.out.println(text);
		}
		return result;
	}
}
