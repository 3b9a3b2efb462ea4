package se.samplan.server.access;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Delete;
import se.samplan.server.hapi.Write;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.PlanParties;
import se.samplan.server.sip.RuleStep;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipResources;
import se.samplan.server.sip.SipRule;
import se.samplan.server.sip.SipUrls;

/**
 * R15, the "writes" column of access.md for organisations and the operator, on every write path (plain and
 * conditional create, update, patch, delete, batch and transaction entries); after the request's preconditions and
 * before the workflow rules, whose refusals could tell a caller about plans it may not see. The token's scopes
 * must cover the interaction. Staff and backend clients write the personal data of the plans their organisation
 * may read, and a plan they take part in as written (a new person is tagged as registered by the organisation
 * until a plan links them); the operator writes configuration and directory resources; AuditEvents are written by
 * the server alone. The person's and guardians' writes are {@link R13PersonalWritesRule}'s. {@code $sip-*}
 * operations were checked as a whole by {@link OperationAccess}.
 */
@Component
@Order(150)
@Keeps(appliesTo = {"CarePlan", "Consent", "CareTeam", "Goal", "Appointment", "Task", "DetectedIssue", "Patient", "RelatedPerson", "AuditEvent"}, value = SipRule.R15, where = "every write path, by organisations and the operator", refusal = "403")
class R15WriteAccessRule extends RuleStep {

	private final Callers callers;
	private final AccessPolicy policy;
	private final PlanParties parties;

	R15WriteAccessRule(RuleSwitch ruleSwitch, Callers callers, AccessPolicy policy, PlanParties parties) {
		super(ruleSwitch);
		this.callers = callers;
		this.policy = policy;
		this.parties = parties;
	}

	@Override
	protected void check(Write write) {
		Caller caller = callers.of(write.request());
		IBaseResource resource = write.resource();
		String type = resource.fhirType();
		if (caller.kind() == Caller.Kind.SYSTEM || OperationAccess.isAuthorized(write.request())) {
			return;
		}
		if ("AuditEvent".equals(type)) {
			throw OperationAccess.auditLogWrite();
		}
		if (caller.isPersonal()) {
			return;
		}
		OperationAccess.requireScope(caller, type, write.isCreate() ? 'c' : 'u');
		boolean allowed = switch (caller.kind()) {
			case OPERATOR -> !AccessPolicy.SIP_TYPES.contains(type);
			case STAFF, BACKEND -> AccessPolicy.SIP_TYPES.contains(type) && organizationMayWrite(caller, write)
					|| AccessPolicy.OWNED_TYPES.contains(type) && owns(caller, write);
			default -> false;
		};
		if (!allowed) {
			throw OperationAccess.refusal(caller.kind() + " " + (caller.user() != null ? caller.user() : caller.organization())
					+ " may not " + (write.isCreate() ? "create this " : "change this ") + type + ".");
		}
	}

	/**
	 * Deletes: the organisations that may see the resource, within their scope; never the person. The kinds
	 * never deleted are left to W3, whose 405 says nothing about the resource.
	 */
	@Override
	protected void checkDelete(Delete delete) {
		Caller caller = callers.of(delete.request());
		IBaseResource resource = delete.resource();
		String type = resource.fhirType();
		if (caller.kind() == Caller.Kind.SYSTEM || caller.isPersonal() || OperationAccess.isAuthorized(delete.request())
				|| SipResources.NEVER_DELETED.contains(type)) {
			return;
		}
		OperationAccess.requireScope(caller, type, 'd');
		boolean allowed = caller.kind() == Caller.Kind.OPERATOR ? !AccessPolicy.SIP_TYPES.contains(type)
				: caller.actsForOrganization() && (AccessPolicy.SIP_TYPES.contains(type) || AccessPolicy.OWNED_TYPES.contains(type))
						&& policy.canRead(caller, resource, delete.request());
		if (!allowed) {
			throw OperationAccess.refusal(caller.kind() + " may not delete this " + type + ".");
		}
	}

	/** An organisation's own resource: made its own on create (the tag is the server's), changed only by it. */
	private boolean owns(Caller caller, Write write) {
		Resource resource = (Resource) write.resource();
		if (!write.isCreate() && !policy.canRead(caller, write.previous(), write.request())) {
			return false;
		}
		resource.getMeta().getTag().removeIf(t -> SipUrls.REGISTERED_BY.equals(t.getSystem()));
		resource.getMeta().addTag(AccessPolicy.registeredByTag(caller.organization()));
		return true;
	}

	private boolean organizationMayWrite(Caller caller, Write write) {
		if (!write.isCreate() && !policy.canRead(caller, write.previous(), write.request())) {
			return false;
		}
		IBaseResource resource = write.resource();
		if (resource instanceof CarePlan plan) {
			// Takes part in the plan as written; whether the others may is R2's to say.
			return parties.of(plan, write.request()).contains(caller.organization());
		}
		if (resource instanceof Patient patient && write.isCreate()) {
			patient.getMeta().addTag(AccessPolicy.registeredByTag(caller.organization()));
			return true;
		}
		return policy.canRead(caller, resource, write.request());
	}
}
