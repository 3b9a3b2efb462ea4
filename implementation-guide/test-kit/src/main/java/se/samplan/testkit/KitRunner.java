package se.samplan.testkit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import se.samplan.testkit.checks.AccessChecks;
import se.samplan.testkit.checks.CapabilityStatementChecks;
import se.samplan.testkit.checks.ExampleChecks;
import se.samplan.testkit.checks.FollowUpChecks;
import se.samplan.testkit.checks.RuleChecks;
import se.samplan.testkit.checks.WorkflowChecks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the checks against a server with the JUnit Platform launcher: a readable report on {@code out},
 * JUnit XML in the report folder (TEST-junit-jupiter.xml, as JUnit's console launcher writes it), and a {@link KitResult}.
 */
public final class KitRunner {

	/** Listed rather than scanned, so discovery also works inside the runnable jar. */
	static final List<Class<?>> CHECKS = List.of(CapabilityStatementChecks.class, ExampleChecks.class,
			WorkflowChecks.class, RuleChecks.class, AccessChecks.class, FollowUpChecks.class);

	private KitRunner() {}

	public static KitResult run(KitSettings settings, PrintStream out) {
		Kit.use(new FhirServer(settings));
		LauncherDiscoveryRequestBuilder discovery = LauncherDiscoveryRequestBuilder.request()
				.selectors(CHECKS.stream().map(DiscoverySelectors::selectClass).toList());
		if (!settings.tags().isEmpty()) {
			discovery.filters(TagFilter.includeTags(List.copyOf(settings.tags())));
		}
		LauncherDiscoveryRequest request = discovery.build();
		try {
			Files.createDirectories(settings.reportDir());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Collector collector = new Collector();
		ReadableReport report = new ReadableReport(out, settings);
		Launcher launcher = LauncherFactory.create();
		launcher.execute(request, collector, report,
				new LegacyXmlReportGeneratingListener(settings.reportDir(), new PrintWriter(out, true)));
		KitResult result = new KitResult(List.copyOf(collector.checks));
		report.summary(result);
		return result;
	}

	/** Gathers each test's outcome with the tags of the test and of its containers. */
	private static final class Collector implements TestExecutionListener {

		private final List<KitResult.Check> checks = new ArrayList<>();
		private TestPlan plan;

		@Override
		public void testPlanExecutionStarted(TestPlan testPlan) {
			plan = testPlan;
		}

		@Override
		public void executionSkipped(TestIdentifier test, String reason) {
			if (test.isTest()) {
				add(test, KitResult.Status.SKIPPED, reason);
			}
		}

		@Override
		public void executionFinished(TestIdentifier test, TestExecutionResult result) {
			KitResult.Status status = switch (result.getStatus()) {
				case SUCCESSFUL -> KitResult.Status.PASSED;
				case ABORTED -> KitResult.Status.SKIPPED;
				case FAILED -> KitResult.Status.FAILED;
			};
			String message = result.getThrowable().map(Throwable::getMessage).orElse("");
			if (test.isTest()) {
				add(test, status, message);
			} else if (status != KitResult.Status.PASSED) {
				// A class whose set-up failed or was skipped runs none of its checks: each shares that outcome.
				plan.getDescendants(test).stream().filter(TestIdentifier::isTest).forEach(t -> add(t, status, message));
			}
		}

		private void add(TestIdentifier test, KitResult.Status status, String message) {
			checks.add(new KitResult.Check(ReadableReport.name(plan, test), tags(test), status, message));
		}

		private Set<String> tags(TestIdentifier test) {
			Set<String> tags = new TreeSet<>();
			for (TestIdentifier t = test; t != null; t = plan.getParent(t).orElse(null)) {
				t.getTags().forEach(tag -> tags.add(tag.getName()));
			}
			return tags;
		}
	}
}
