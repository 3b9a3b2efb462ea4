package se.samplan.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * HAPI's instance validator loaded, as a consumer of the package would, with the built package tgz
 * from the classpath and nothing else but the core definitions: no network, no server.
 */
public final class SipValidator {

	private static SipValidator instance;

	private final FhirContext ctx = FhirContext.forR4Cached();
	private final FhirValidator validator;

	private SipValidator() {
		NpmPackageValidationSupport npm = new NpmPackageValidationSupport(ctx);
		try {
			npm.loadPackageFromClasspath("classpath:" + SipPackage.classpathLocation());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(ctx);
		unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		ValidationSupportChain chain = new ValidationSupportChain(npm, new DefaultProfileValidationSupport(ctx),
				new CommonCodeSystemsTerminologyService(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
				new SnapshotGeneratingValidationSupport(ctx), unknownSystems);
		FhirInstanceValidator module = new FhirInstanceValidator(chain);
		module.setErrorForUnknownProfiles(true);
		validator = ctx.newValidator().registerValidatorModule(module);
	}

	public static synchronized SipValidator get() {
		if (instance == null) {
			instance = new SipValidator();
		}
		return instance;
	}

	public FhirContext context() {
		return ctx;
	}

	/** The messages of severity error or fatal. */
	public List<SingleValidationMessage> errors(String json) {
		return validator.validateWithResult(json).getMessages().stream()
				.filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
				.toList();
	}
}
