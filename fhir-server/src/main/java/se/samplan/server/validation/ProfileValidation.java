package se.samplan.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.config.JpaConfig;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipRule;
import se.samplan.server.sip.SipUrls;
import se.samplan.server.hapi.WriteStep;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates every created or updated resource that claims a Samplan profile in {@code meta.profile}
 * against it, with HAPI's instance validator on the server's own validation chain (core definitions as
 * {@link CoreDefinitions} holds them, the installed samplan.fhir.sip package, local terminology). Errors refuse
 * the write with 422 and an OperationOutcome naming each element. A CarePlan of the national type SIP is given the SipCarePlan
 * profile first, so it cannot escape validation by not declaring it. Code systems that cannot be known
 * offline (Swedish national ones) give warnings, not errors.
 * <p>
 * The core validator (6.7.9) parses HL7's 1.5 MB OID registry, {@code oidregistry.csv}, each time an instance validator
 * is made, which HAPI does per validation; it consults the registry only when a resource fetcher is set, which is not
 * done here. The server's own {@code oidregistry.csv}, first on the class path, is empty, so that cost (two thirds of a
 * validation) is not paid for nothing.
 */
@Component
@Order(300)
public class ProfileValidation implements WriteStep {

	/** SipCarePlan's invariants sip-cp-1..5 state what R6 asks of an active plan: their refusals name R6 too. */
	private static final Pattern PLAN_CONTENT_INVARIANT = Pattern.compile("\\bsip-cp-[1-5]\\b");


	private final FhirContext ctx;
	private final CoreDefinitions definitions;
	private final FhirValidator validator;

	public ProfileValidation(FhirContext ctx,
			@Qualifier(JpaConfig.JPA_VALIDATION_SUPPORT_CHAIN) IValidationSupport jpaChain,
			DefaultProfileValidationSupport core) {
		this.ctx = ctx;
		UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(ctx);
		unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		((ValidationSupportChain) jpaChain).addValidationSupport(unknownSystems);
		definitions = new CoreDefinitions(jpaChain, core);
		FhirInstanceValidator module = new FhirInstanceValidator(definitions);
		module.setErrorForUnknownProfiles(true);
		validator = ctx.newValidator().registerValidatorModule(module);
		validator.setConcurrentBundleValidation(false);
	}

	static boolean claimsSamplanProfile(IBaseResource resource) {
		return resource.getMeta().getProfile().stream().anyMatch(p -> p.getValue() != null && p.getValue().startsWith(SipUrls.PROFILE_PREFIX));
	}

	@Override
	public void beforeStore(Write write) {
		IBaseResource resource = write.resource();
		SipPlans.declareProfile(resource);
		if (!(resource instanceof Resource) || !claimsSamplanProfile(resource)) {
			return;
		}
		// Encoded here: given the resource object, the validator saw the request's body as parsed, not the
		// changes made to it on the way to storage (normalised identifiers, an added profile).
		String current = ctx.newJsonParser().encodeResourceToString(resource);
		definitions.slim();
		List<SingleValidationMessage> errors = validator.validateWithResult(current).getMessages().stream()
				.filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
				.toList();
		if (errors.isEmpty()) {
			return;
		}
		Refusal refusal = Refusal.create();
		errors.forEach(m -> {
			boolean planContent = m.getMessage() != null && PLAN_CONTENT_INVARIANT.matcher(m.getMessage()).find();
			refusal.issue(planContent ? IssueType.BUSINESSRULE : IssueType.PROCESSING, planContent ? SipRule.R6.coding() : null,
					(planContent ? "En aktiv SIP saknar innehåll som planen ska ha: " : "Resursen följer inte sin profil: ")
							+ m.getMessage(),
					m.getMessage(),
					m.getLocationString());
		});
		throw refusal.unprocessable();
	}
}
