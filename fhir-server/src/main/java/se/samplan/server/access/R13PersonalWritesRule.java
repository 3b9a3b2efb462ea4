package se.samplan.server.access;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AppointmentResponse;
import org.hl7.fhir.r4.model.Goal;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Delete;
import se.samplan.server.hapi.Write;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.RuleStep;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipResources;
import se.samplan.server.sip.SipRule;

/**
 * R13, the "writes" column of access.md for the person and guardians: within their token's scopes, an answer to
 * a meeting the person is called to (AppointmentResponse), and goals of the category what matters to me on the
 * person's own plan; nothing else, and never a delete. {@code $sip-withdraw-consent} and {@code $sip-summary} were
 * checked as a whole by {@link OperationAccess}.
 */
@Component
@Order(151)
@Keeps(appliesTo = {"CarePlan", "Goal", "Consent", "AppointmentResponse", "Patient", "RelatedPerson"}, value = SipRule.R13, where = "every write path, by the person and guardians", refusal = "403")
class R13PersonalWritesRule extends RuleStep {

	private final Callers callers;
	private final AccessPolicy policy;
	private final PlanRepository plans;

	R13PersonalWritesRule(RuleSwitch ruleSwitch, Callers callers, AccessPolicy policy, PlanRepository plans) {
		super(ruleSwitch);
		this.callers = callers;
		this.policy = policy;
		this.plans = plans;
	}

	@Override
	protected void check(Write write) {
		Caller caller = callers.of(write.request());
		if (!caller.isPersonal() || OperationAccess.isAuthorized(write.request())) {
			return;
		}
		String type = write.resource().fhirType();
		OperationAccess.requireScope(caller, type, write.isCreate() ? 'c' : 'u');
		if (!mayWrite(caller, write)) {
			throw OperationAccess.refusal(caller.kind() + " " + caller.user() + " may not "
					+ (write.isCreate() ? "create this " : "change this ") + type + ".");
		}
	}

	@Override
	protected void checkDelete(Delete delete) {
		Caller caller = callers.of(delete.request());
		if (caller.isPersonal() && !OperationAccess.isAuthorized(delete.request())
				&& !SipResources.NEVER_DELETED.contains(delete.resource().fhirType())) {
			throw OperationAccess.refusal(caller.kind() + " may not delete this " + delete.resource().fhirType() + ".");
		}
	}

	private boolean mayWrite(Caller caller, Write write) {
		IBaseResource resource = write.resource();
		if (resource instanceof AppointmentResponse answer) {
			String actor = plans.key(answer.getActor(), write.request());
			return write.isCreate() && (caller.user().equals(actor) || policy.personsOf(caller, write.request()).contains(actor))
					&& policy.canRead(caller, answer, write.request());
		}
		if (resource instanceof Goal goal) {
			return SipResources.whatMattersToMe(goal)
					&& policy.personsOf(caller, write.request()).contains(plans.patientOf(goal, write.request()))
					&& (write.isCreate() || SipResources.whatMattersToMe((Goal) write.previous())
							&& policy.canRead(caller, write.previous(), write.request()));
		}
		return false;
	}
}
