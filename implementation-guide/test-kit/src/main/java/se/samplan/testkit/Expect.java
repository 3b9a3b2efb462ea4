package se.samplan.testkit;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;

import java.util.List;

/** Assertions on an {@link Exchange}; a failure message carries the request and the response. */
public final class Expect {

	/** The code system of the rule ids in {@code OperationOutcome.issue.details} (workflow.md, "Errors"). */
	public static final String RULE_SYSTEM = "https://samplan.github.io/fhir/CodeSystem/sip-rule";

	private final Exchange exchange;

	private Expect(Exchange exchange) {
		this.exchange = exchange;
	}

	public static Expect that(Exchange exchange) {
		return new Expect(exchange);
	}

	public Expect status(int expected) {
		check(exchange.status() == expected, "expected HTTP " + expected + ", got " + exchange.status());
		return this;
	}

	public Expect success() {
		check(exchange.status() / 100 == 2, "expected a 2xx answer, got " + exchange.status());
		return this;
	}

	/** Refused with this status, by an OperationOutcome whose error issues name {@code rule} (sip-rule code). */
	public Expect refusedBy(int status, String rule) {
		status(status);
		OperationOutcome outcome = outcome();
		check(outcome.getIssue().stream().anyMatch(i -> i.getSeverity() == IssueSeverity.ERROR
						&& i.getDetails().getCoding().stream().anyMatch(c -> isRule(c, rule))),
				"expected an error issue naming rule " + rule + " (" + RULE_SYSTEM + ")");
		return this;
	}

	/** Some error issue's {@code expression} starts with {@code prefix}. */
	public Expect at(String prefix) {
		check(outcome().getIssue().stream().flatMap(i -> i.getExpression().stream())
				.anyMatch(e -> e.getValue().startsWith(prefix)), "expected an issue with expression " + prefix + "...");
		return this;
	}

	public Expect contains(String text) {
		check(exchange.responseBody().contains(text), "expected the response to contain " + text);
		return this;
	}

	public void isTrue(boolean condition, String what) {
		check(condition, what);
	}

	public <T extends IBaseResource> T resource(Class<T> type) {
		try {
			return FhirServer.FHIR.newJsonParser().parseResource(type, exchange.responseBody());
		} catch (RuntimeException e) {
			throw new AssertionError("expected a " + type.getSimpleName() + ": " + e.getMessage() + "\n" + exchange.describe(), e);
		}
	}

	public OperationOutcome outcome() {
		return resource(OperationOutcome.class);
	}

	/** The error issues of an OperationOutcome answer (of $validate, for instance), as readable lines. */
	public List<String> errors() {
		return outcome().getIssue().stream()
				.filter(i -> i.getSeverity() == IssueSeverity.ERROR || i.getSeverity() == IssueSeverity.FATAL)
				.map(i -> i.getExpression() + " " + i.getDiagnostics()).toList();
	}

	private static boolean isRule(Coding c, String rule) {
		return RULE_SYSTEM.equals(c.getSystem()) && rule.equals(c.getCode());
	}

	private void check(boolean condition, String what) {
		if (!condition) {
			throw new AssertionError(what + "\n" + exchange.describe());
		}
	}
}
