package se.samplan.server.workflow;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.OperationProvider;

/**
 * {@code POST [base]/CarePlan/[id]/$sip-withdraw-consent} (R2, R10): the person, or a guardian, withdraws the
 * consent, which they may do at any time ({@link SipWorkflow#withdrawConsent}): every consent in force becomes
 * inactive and the plan closes with reason consent-withdrawn (status revoked). Returns the changed resources,
 * the plan first.
 */
@Component
public class SipWithdrawConsentOperation implements OperationProvider {

	private final SipWorkflow workflow;

	SipWithdrawConsentOperation(SipWorkflow workflow) {
		this.workflow = workflow;
	}

	@Operation(name = "$sip-withdraw-consent", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-withdraw-consent")
	public Bundle withdraw(@IdParam IdType id,
			@OperationParam(name = "withdrawnBy", min = 1, max = 1) Reference withdrawnBy,
			@OperationParam(name = "note", max = 1) StringType note,
			RequestDetails request) {
		return Changes.bundle(workflow.withdrawConsent(id, withdrawnBy, Params.value(note), request), request);
	}
}
