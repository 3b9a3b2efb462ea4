package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.OperationProvider;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.validation.SipCarePlan;

import java.util.List;

/**
 * {@code POST [base]/CarePlan/[id]/$sip-consent} (R2, samtycke): stores the person's consent to the plan,
 * linked to it, and moves an initiated plan to consented. The consent passes the rules on every write
 * (R3 children) and the SipConsent profile. Returns the consent and the plan as a collection Bundle.
 */
@Component
public class SipConsentOperation implements OperationProvider {

	static final String PROFILE = SipPackage.structureDefinition("SipConsent");

	private final DaoRegistry daoRegistry;
	private final IHapiTransactionService transactions;

	SipConsentOperation(DaoRegistry daoRegistry, IHapiTransactionService transactions) {
		this.daoRegistry = daoRegistry;
		this.transactions = transactions;
	}

	@Operation(name = "$sip-consent", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-consent")
	public Bundle consent(@IdParam IdType id,
			@OperationParam(name = "consent", min = 1, max = 1) Consent consent,
			RequestDetails request) {
		if (consent == null) {
			throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R2.coding(), "Ange samtycket.",
					"Parameter 'consent' (a SipConsent) is required (R2).",
					"Parameters.parameter.where(name = 'consent')").invalidRequest();
		}
		return transactions.withRequest(request).execute(() -> {
			CarePlan plan = daoRegistry.getResourceDao(CarePlan.class).read(id.toUnqualifiedVersionless(), request);
			if (!SipCarePlan.isSip(plan)) {
				throw Refusal.create().issue(IssueType.NOTSUPPORTED, "Planen är inte en SIP.",
						"CarePlan/" + id.getIdPart() + " is not a SIP.", "CarePlan.category").unprocessable();
			}
			String subject = plan.getSubject().getReference();
			if (consent.hasPatient() && !subject.equals(consent.getPatient().getReference())) {
				throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R2.coding(),
						"Samtycket gäller en annan person än planen.",
						"Consent.patient is not the plan's subject " + subject + " (R2).",
						"Consent.patient").unprocessable();
			}
			String planRef = "CarePlan/" + plan.getIdPart();
			consent.setId((String) null);
			consent.setPatient(new Reference(subject));
			if (consent.getMeta().getProfile().stream().noneMatch(p -> PROFILE.equals(p.getValue()))) {
				consent.getMeta().addProfile(PROFILE);
			}
			Consent.ProvisionComponent provision = consent.getProvision();
			if (provision.getData().stream().noneMatch(d -> planRef.equals(d.getReference().getReference()))) {
				provision.addData().setMeaning(Consent.ConsentDataMeaning.RELATED).setReference(new Reference(planRef));
			}
			Resource stored = (Resource) daoRegistry.getResourceDao(Consent.class).create(consent, request).getResource();

			if (SipPhase.of(plan).orElse(null) == SipPhase.INITIATED) {
				SipPhase.CONSENTED.applyTo(plan, false);
				plan = (CarePlan) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource();
			}
			return Changes.bundle(List.of(stored, plan), request);
		});
	}
}
