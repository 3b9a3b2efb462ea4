package se.samplan.testkit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.PrintStream;

/** The report a person reads: one line per check (PASS, FAIL, SKIP), the failure with its request and response. */
final class ReadableReport implements TestExecutionListener {

	private final PrintStream out;
	private final KitSettings settings;
	private TestPlan plan;

	ReadableReport(PrintStream out, KitSettings settings) {
		this.out = out;
		this.settings = settings;
	}

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		plan = testPlan;
		out.println("Samplan SIP conformance test kit against " + settings.baseUrl()
				+ (settings.tags().isEmpty() ? "" : ", tags " + settings.tags()));
	}

	@Override
	public void executionStarted(TestIdentifier test) {
		if (test.isContainer() && plan.getParent(test).map(p -> p.getParentId().isEmpty()).orElse(false)) {
			out.println();
			out.println("== " + test.getDisplayName());
		}
	}

	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		if (test.isTest()) {
			out.println("  SKIP  " + withinClass(test) + " - " + reason);
		}
	}

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (!test.isTest()) {
			if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
				String what = result.getStatus() == TestExecutionResult.Status.ABORTED ? "SKIP" : "FAIL";
				plan.getDescendants(test).stream().filter(TestIdentifier::isTest)
						.forEach(t -> out.println("  " + what + "  " + withinClass(t)));
				result.getThrowable().ifPresent(t -> out.println("        (set-up of " + test.getDisplayName() + ") "
						+ String.valueOf(t.getMessage()).replace("\n", "\n        ")));
			}
			return;
		}
		switch (result.getStatus()) {
			case SUCCESSFUL -> out.println("  PASS  " + withinClass(test));
			case ABORTED -> out.println("  SKIP  " + withinClass(test) + " - "
					+ result.getThrowable().map(Throwable::getMessage).orElse(""));
			case FAILED -> {
				out.println("  FAIL  " + withinClass(test));
				result.getThrowable().ifPresent(t -> out.println("        " + String.valueOf(t.getMessage()).replace("\n", "\n        ")));
			}
		}
	}

	void summary(KitResult result) {
		out.println();
		out.printf("%d checks: %d passed, %d failed, %d skipped. JUnit XML in %s%n", result.checks().size(),
				result.with(KitResult.Status.PASSED).size(), result.with(KitResult.Status.FAILED).size(),
				result.with(KitResult.Status.SKIPPED).size(), settings.reportDir().toAbsolutePath());
	}

	/** The check's name under its class's heading: the factory's name first for dynamic checks. */
	private String withinClass(TestIdentifier test) {
		String name = name(plan, test);
		return name.substring(name.indexOf(" > ") + 3);
	}

	/** "Class display name > check display name", with the factory's name for dynamic checks. */
	static String name(TestPlan plan, TestIdentifier test) {
		StringBuilder name = new StringBuilder(test.getDisplayName());
		for (TestIdentifier p = plan.getParent(test).orElse(null); p != null && p.getParentId().isPresent();
				p = plan.getParent(p).orElse(null)) {
			name.insert(0, p.getDisplayName() + " > ");
		}
		return name.toString();
	}
}
