package se.samplan.server.identifier;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.WriteStep;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;

/**
 * On every create and update, of any resource type: stores the Swedish identifier systems in their
 * canonical URI form, and refuses (422) a personnummer or samordningsnummer with a bad format, date or
 * check digit, naming the element. Runs before profile validation, whose identifier slices match the
 * canonical systems only.
 */
@Component
@Order(100)
public class SwedishIdentifierCheck implements WriteStep {


	@Override
	public void beforeStore(Write write) {
		IBaseResource resource = write.resource();
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
		String shown = value == null ? "" : value + " ";
		PersonalIdentityNumber.check(value, samordning).ifPresent(problem -> refusal.issue(IssueType.INVALID,
				(samordning ? "Samordningsnumret " : "Personnumret ") + shown + problem.swedish + ".",
				(samordning ? "Samordningsnummer " : "Personnummer ") + shown + problem.english + ".",
				path + ".value"));
	}
}
