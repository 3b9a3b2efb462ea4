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
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.OperationProvider;
import se.samplan.server.outcome.Refusal;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST [base]/CarePlan/[id]/$sip-withdraw-consent} (R2, R10): the person, or a guardian, withdraws
 * the consent, which they may do at any time. Every active consent to the plan becomes inactive, and with
 * no consent left the plan closes with reason consent-withdrawn (status revoked): open invitations and
 * future meetings are cancelled. Returns the changed resources, the plan first.
 */
@Component
public class SipWithdrawConsentOperation implements OperationProvider {

	private final DaoRegistry daoRegistry;
	private final IHapiTransactionService transactions;
	private final SipRecords records;
	private final PlanClosure closure;

	SipWithdrawConsentOperation(DaoRegistry daoRegistry, IHapiTransactionService transactions, SipRecords records,
			PlanClosure closure) {
		this.daoRegistry = daoRegistry;
		this.transactions = transactions;
		this.records = records;
		this.closure = closure;
	}

	@Operation(name = "$sip-withdraw-consent", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-withdraw-consent")
	public Bundle withdraw(@IdParam IdType id,
			@OperationParam(name = "withdrawnBy", min = 1, max = 1) Reference withdrawnBy,
			@OperationParam(name = "note", max = 1) StringType note,
			RequestDetails request) {
		if (withdrawnBy == null || !withdrawnBy.hasReference()) {
			throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R2.coding(), "Ange vem som återkallar samtycket.",
					"Parameter 'withdrawnBy' (Patient or RelatedPerson) is required (R2).",
					"Parameters.parameter.where(name = 'withdrawnBy')").invalidRequest();
		}
		return transactions.withRequest(request).execute(() -> {
			CarePlan plan = daoRegistry.getResourceDao(CarePlan.class).read(id.toUnqualifiedVersionless(), request);
			List<Consent> consents = records.activeConsents("CarePlan/" + plan.getIdPart());
			if (consents.isEmpty()) {
				throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R2.coding(),
						"Det finns inget giltigt samtycke att återkalla.",
						"CarePlan/" + plan.getIdPart() + " has no active consent to withdraw (R2).", "CarePlan").unprocessable();
			}
			List<Resource> changed = new ArrayList<>();
			for (Consent consent : consents) {
				consent.setStatus(Consent.ConsentState.INACTIVE);
				changed.add((Resource) daoRegistry.getResourceDao(Consent.class).update(consent, request).getResource());
			}
			String why = "Samtycket återkallades av " + withdrawnBy.getReference()
					+ (note != null && note.hasValue() ? ": " + note.getValue() : ".");
			List<Resource> closed = closure.close(plan,
					new Coding(PlanClosure.CLOSURE_REASON_SYSTEM, "consent-withdrawn", "Samtycket har återkallats"),
					why, null, request);
			closed.addAll(1, changed);
			return Changes.bundle(closed, request);
		});
	}
}
