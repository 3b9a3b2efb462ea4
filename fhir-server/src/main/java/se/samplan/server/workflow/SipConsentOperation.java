package se.samplan.server.workflow;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.OperationProvider;
import se.samplan.server.outcome.Refusal;

/**
 * {@code POST [base]/CarePlan/[id]/$sip-consent} (R2, samtycke): stores the person's consent to the plan, linked
 * to it, and moves an initiated plan to consented ({@link SipWorkflow#consent}); the consent passes the rules of
 * every write (R2 the plan's person, R3 children) and the SipConsent profile. Returns the consent and the plan.
 */
@Component
public class SipConsentOperation implements OperationProvider {

	private final SipWorkflow workflow;

	SipConsentOperation(SipWorkflow workflow) {
		this.workflow = workflow;
	}

	@Operation(name = "$sip-consent", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-consent")
	public Bundle consent(@IdParam IdType id, @OperationParam(name = "consent", min = 1, max = 1) Consent consent,
			RequestDetails request) {
		if (consent == null) {
			throw Refusal.create().issue(IssueType.REQUIRED, "Ange samtycket.", "Parameter 'consent' (a SipConsent) is required.",
					"Parameters.parameter.where(name = 'consent')").invalidRequest();
		}
		return Changes.bundle(workflow.consent(id, consent, request), request);
	}
}
