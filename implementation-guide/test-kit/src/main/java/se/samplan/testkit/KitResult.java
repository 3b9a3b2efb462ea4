package se.samplan.testkit;

import java.util.List;
import java.util.Set;

/** The outcome of a kit run: one entry per check. */
public record KitResult(List<Check> checks) {

	public enum Status { PASSED, FAILED, SKIPPED }

	/** One check: its name as the report shows it, its tags (own and its class's), what happened and why. */
	public record Check(String name, Set<String> tags, Status status, String message) {}

	public List<Check> with(Status status) {
		return checks.stream().filter(c -> c.status() == status).toList();
	}

	public List<Check> tagged(String tag) {
		return checks.stream().filter(c -> c.tags().contains(tag)).toList();
	}

	public boolean allPassed() {
		return with(Status.FAILED).isEmpty();
	}
}
