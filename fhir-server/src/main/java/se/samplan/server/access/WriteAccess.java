package se.samplan.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AppointmentResponse;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.StorageInterceptor;
import se.samplan.server.hapi.Write;
import se.samplan.server.hapi.WriteStep;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.workflow.SipRule;
import se.samplan.server.workflow.SipRules;

/**
 * The "writes" column of access.md, on every write path (plain and conditional create, update, patch,
 * delete, batch and transaction entries); after the identifier check (which looks at the request body
 * only) and before the workflow rules, whose refusals could tell a caller about plans it may not see. Staff and backend clients write the personal data of the plans their
 * organisation may see (a new person is tagged as registered by the organisation until a plan links them);
 * the person and guardians write only answers to their own meetings and what matters to them; the
 * operator writes configuration and directory resources; AuditEvents are written by the server alone.
 * {@code $sip-*} operations were checked as a whole by {@link OperationAccess}.
 */
@Component
@Interceptor
@Order(150)
class WriteAccess implements WriteStep, StorageInterceptor {

	static final String GOAL_CATEGORY_SYSTEM = SipPackage.codeSystem("sip-goal-category");

	private final Callers callers;
	private final AccessPolicy policy;

	WriteAccess(Callers callers, AccessPolicy policy) {
		this.callers = callers;
		this.policy = policy;
	}

	@Override
	public void beforeStore(Write write) {
		Caller caller = callers.of(write.request());
		IBaseResource resource = write.resource();
		String type = resource.fhirType();
		if (caller.kind() == Caller.Kind.SYSTEM || OperationAccess.isAuthorized(write.request())) {
			return;
		}
		if ("AuditEvent".equals(type)) {
			throw Refusal.create().issue(IssueType.FORBIDDEN, SipRule.R15.coding(), "Loggen skrivs bara av servern.",
					"AuditEvents are written by the server only; they cannot be created or changed through the API.",
					"AuditEvent").methodNotAllowed();
		}
		OperationAccess.requireScope(caller, type, write.isCreate() ? 'c' : 'u');
		boolean allowed = switch (caller.kind()) {
			case OPERATOR -> !AccessPolicy.SIP_TYPES.contains(type);
			case STAFF, BACKEND -> AccessPolicy.SIP_TYPES.contains(type) && organizationMayWrite(caller, write);
			case PERSON, GUARDIAN -> personMayWrite(caller, write);
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
	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void deleted(IBaseResource resource, RequestDetails request) {
		Caller caller = callers.of(request);
		String type = resource.fhirType();
		if (caller.kind() == Caller.Kind.SYSTEM || OperationAccess.isAuthorized(request) || SipRules.NEVER_DELETED.contains(type)) {
			return;
		}
		OperationAccess.requireScope(caller, type, 'd');
		boolean allowed = caller.kind() == Caller.Kind.OPERATOR ? !AccessPolicy.SIP_TYPES.contains(type)
				: caller.actsForOrganization() && AccessPolicy.SIP_TYPES.contains(type) && policy.canRead(caller, resource, request);
		if (!allowed) {
			throw OperationAccess.refusal(caller.kind() + " may not delete this " + type + ".");
		}
	}

	private boolean organizationMayWrite(Caller caller, Write write) {
		if (!write.isCreate() && !policy.canRead(caller, write.previous(), write.request())) {
			return false;
		}
		IBaseResource resource = write.resource();
		if (resource instanceof CarePlan plan) {
			return policy.organizationMayWritePlan(caller.organization(), plan, write.request());
		}
		if (resource instanceof Patient patient && write.isCreate()) {
			patient.getMeta().addTag(AccessPolicy.registeredByTag(caller.organization()));
			return true;
		}
		return policy.canRead(caller, resource, write.request());
	}

	/** Answers to the person's own meetings, and goals of the category what matters to me (R13 writes). */
	private boolean personMayWrite(Caller caller, Write write) {
		IBaseResource resource = write.resource();
		if (resource instanceof AppointmentResponse answer) {
			String actor = PlanLinks.reference(answer.getActor());
			return write.isCreate() && (caller.user().equals(actor) || policy.personsOf(caller, write.request()).contains(actor))
					&& policy.canRead(caller, answer, write.request());
		}
		if (resource instanceof Goal goal) {
			return whatMattersToMe(goal) && policy.personsOf(caller, write.request()).contains(PlanLinks.patientOf(goal))
					&& (write.isCreate() || whatMattersToMe((Goal) write.previous()) && policy.canRead(caller, write.previous(), write.request()));
		}
		return false;
	}

	private static boolean whatMattersToMe(Goal goal) {
		return goal.getCategory().stream().anyMatch(c -> c.hasCoding(GOAL_CATEGORY_SYSTEM, "what-matters-to-me"));
	}
}
