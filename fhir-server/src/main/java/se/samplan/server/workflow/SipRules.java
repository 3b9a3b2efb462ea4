package se.samplan.server.workflow;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.StorageInterceptor;
import se.samplan.server.hapi.WriteStep;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;

import java.util.List;
import java.util.Set;

/**
 * The single gate of the workflow rules: every create, update and delete passes here, whether it comes
 * from a {@code $sip-*} operation, a plain POST/PUT/PATCH, a conditional write or an entry of a batch
 * or transaction (where a refusal rolls the whole transaction back). As a {@link WriteStep} it runs
 * before profile validation, so a client learns which rule it broke rather than which invariant that rule
 * also shows up in; its delete hook is its own.
 */
@Component
@Interceptor
@Order(200)
public class SipRules implements WriteStep, StorageInterceptor {


	/** W3: these keep their history; mistakes are closed as entered-in-error, never deleted. */
	public static final Set<String> NEVER_DELETED = Set.of("CarePlan", "Consent", "Task", "Appointment", "Goal",
			"CareTeam", "AuditEvent");

	private final List<WriteRule> rules;
	private final RuleSwitch ruleSwitch;

	SipRules(List<WriteRule> rules, RuleSwitch ruleSwitch) {
		this.rules = rules;
		this.ruleSwitch = ruleSwitch;
	}

	@Override
	public void beforeStore(Write write) {
		rules.stream().filter(rule -> ruleSwitch.holds(rule.rule())).forEach(rule -> rule.check(write));
	}

	/** W3: 405 for a DELETE of a plan or anything that records its history. */
	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void deleted(IBaseResource resource) {
		String type = resource.fhirType();
		if (NEVER_DELETED.contains(type) && ruleSwitch.holds(SipRule.W3)) {
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.W3.coding(),
					"Planer och det som hör till dem raderas inte. Avsluta planen med orsaken felregistrerad i stället.",
					type + " resources are never deleted (W3); close the plan with reason entered-in-error instead.",
					type).methodNotAllowed();
		}
	}
}
