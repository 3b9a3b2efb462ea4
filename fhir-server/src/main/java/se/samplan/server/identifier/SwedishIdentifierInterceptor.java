package se.samplan.server.identifier;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.StorageInterceptor;
import se.samplan.server.outcome.Refusal;

/**
 * On every create and update, of any resource type: stores the Swedish identifier systems in their
 * canonical URI form, and refuses (422) a personnummer or samordningsnummer with a bad format, date or
 * check digit, naming the element. Runs before profile validation, whose identifier slices match the
 * canonical systems only.
 */
@Component
@Interceptor
public class SwedishIdentifierInterceptor implements StorageInterceptor {

	public static final int ORDER = -200;

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ORDER)
	public void created(IBaseResource resource) {
		normalizeAndCheck(resource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
	public void updated(IBaseResource previous, IBaseResource resource) {
		normalizeAndCheck(resource);
	}

	private void normalizeAndCheck(IBaseResource resource) {
		if (!(resource instanceof Resource r)) {
			return;
		}
		Refusal refusal = Refusal.create();
		ElementPaths.forEach(r, Identifier.class, (identifier, path) ->
				IdentifierSystem.of(identifier.getSystem()).ifPresent(system -> {
					identifier.setSystem(system.canonical());
					if (system == IdentifierSystem.PERSONNUMMER || system == IdentifierSystem.SAMORDNINGSNUMMER) {
						check(identifier, system, path, refusal);
					}
				}));
		if (!refusal.isEmpty()) {
			throw refusal.unprocessable();
		}
	}

	private static void check(Identifier identifier, IdentifierSystem system, String path, Refusal refusal) {
		boolean samordning = system == IdentifierSystem.SAMORDNINGSNUMMER;
		String value = PersonalIdentityNumber.normalize(identifier.getValue());
		identifier.setValue(value);
		PersonalIdentityNumber.check(value, samordning).ifPresent(problem -> refusal.issue(IssueType.INVALID,
				(samordning ? "Samordningsnumret " : "Personnumret ") + value + " " + problem.swedish + ".",
				(samordning ? "Samordningsnummer " : "Personnummer ") + value + " " + problem.english + ".",
				path + ".value"));
	}
}
