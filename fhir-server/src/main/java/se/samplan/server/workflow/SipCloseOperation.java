package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.access.Caller;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.OperationProvider;
import se.samplan.server.outcome.Refusal;

/**
 * {@code POST [base]/CarePlan/[id]/$sip-close} (R10, avslut): closes the plan with a reason
 * ({@link PlanClosure}), in one transaction; returns the changed resources, the plan first.
 */
@Component
public class SipCloseOperation implements OperationProvider {

	private final DaoRegistry daoRegistry;
	private final IHapiTransactionService transactions;
	private final PlanClosure closure;
	private final Callers callers;

	SipCloseOperation(DaoRegistry daoRegistry, IHapiTransactionService transactions, PlanClosure closure, Callers callers) {
		this.daoRegistry = daoRegistry;
		this.transactions = transactions;
		this.closure = closure;
		this.callers = callers;
	}

	@Operation(name = "$sip-close", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-close")
	public Bundle close(@IdParam IdType id,
			@OperationParam(name = "reason", min = 1, max = 1) Coding reason,
			@OperationParam(name = "note", max = 1) StringType note,
			@OperationParam(name = "date", max = 1) DateTimeType date,
			RequestDetails request) {
		if (reason == null || !PlanClosure.CLOSURE_REASON_SYSTEM.equals(reason.getSystem()) || !reason.hasCode()) {
			throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R10.coding(),
					"Ange orsaken till att planen avslutas.",
					"Parameter 'reason' must be a Coding from " + PlanClosure.CLOSURE_REASON_SYSTEM + " (R10).",
					"Parameters.parameter.where(name = 'reason')").invalidRequest();
		}		if (callers.of(request).kind() == Caller.Kind.OPERATOR && !"entered-in-error".equals(reason.getCode())) {
			throw Refusal.create().issue(IssueType.FORBIDDEN, SipRule.R15.coding(),
					"Driftansvarig kan bara avsluta en plan som felregistrerad.",
					"The operator closes plans only with reason entered-in-error.",
					"Parameters.parameter.where(name = 'reason')").forbidden();
		}

		return transactions.withRequest(request).execute(() -> {
			CarePlan plan = daoRegistry.getResourceDao(CarePlan.class).read(id.toUnqualifiedVersionless(), request);
			return Changes.bundle(closure.close(plan, reason, note == null ? null : note.getValue(),
					date != null && date.hasValue() ? date : null, request), request);
		});
	}
}
