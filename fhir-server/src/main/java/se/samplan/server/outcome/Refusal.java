package se.samplan.server.outcome;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the OperationOutcome of a refused request: one issue per problem, each with the Swedish text
 * an end user reads ({@code details.text}), the English text a developer reads ({@code diagnostics})
 * and the FHIRPath of the element concerned ({@code expression}).
 */
public final class Refusal {

	private final List<OperationOutcomeIssueComponent> issues = new ArrayList<>();

	public static Refusal create() {
		return new Refusal();
	}

	public Refusal issue(IssueType type, String swedishText, String englishDiagnostics, String expression) {
		return issue(type, null, swedishText, englishDiagnostics, expression);
	}

	/** An issue that names the rule refusing the request in {@code details.coding}. */
	public Refusal issue(IssueType type, Coding rule, String swedishText, String englishDiagnostics, String expression) {
		CodeableConcept details = new CodeableConcept().setText(swedishText);
		if (rule != null) {
			details.addCoding(rule);
		}
		OperationOutcomeIssueComponent issue = new OperationOutcomeIssueComponent()
				.setSeverity(IssueSeverity.ERROR)
				.setCode(type)
				.setDetails(details)
				.setDiagnostics(englishDiagnostics);
		if (expression != null) {
			issue.addExpression(expression);
		}
		issues.add(issue);
		return this;
	}

	public boolean isEmpty() {
		return issues.isEmpty();
	}

	public OperationOutcome toOperationOutcome() {
		OperationOutcome oo = new OperationOutcome();
		issues.forEach(oo::addIssue);
		return oo;
	}

	/** HTTP 422 with this outcome. */
	public BaseServerResponseException unprocessable() {
		return new UnprocessableEntityException(summary(), toOperationOutcome());
	}

	/** HTTP 400 with this outcome. */
	public BaseServerResponseException invalidRequest() {
		return new InvalidRequestException(summary(), toOperationOutcome());
	}

	/** HTTP 403 with this outcome. */
	public BaseServerResponseException forbidden() {
		return new ForbiddenOperationException(summary(), toOperationOutcome());
	}

	/** HTTP 405 with this outcome. */
	public BaseServerResponseException methodNotAllowed() {
		MethodNotAllowedException e = new MethodNotAllowedException(summary());
		e.setOperationOutcome(toOperationOutcome());
		return e;
	}

	/** HTTP 412 with this outcome: a condition of the request (If-Match) does not hold. */
	public BaseServerResponseException preconditionFailed() {
		return new PreconditionFailedException(summary(), toOperationOutcome());
	}

	/** HTTP 428 with this outcome: the request lacks a condition the server requires (If-Match). */
	public BaseServerResponseException preconditionRequired() {
		return new UnclassifiedServerFailureException(428, summary(), toOperationOutcome());
	}

	private String summary() {
		return issues.isEmpty() ? "Refused" : issues.get(0).getDiagnostics();
	}
}
