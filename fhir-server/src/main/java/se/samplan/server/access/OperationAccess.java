package se.samplan.server.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.References;
import se.samplan.server.hapi.RestInterceptor;
import se.samplan.server.hapi.RestfulServerConfig;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipRule;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a request may do before it runs: its SMART scope covers the interaction on the resource type
 * (403 otherwise), only the operations the read filter covers are open ({@code $sip-*}, {@code $everything},
 * {@code $validate}; every other operation and GraphQL is the operator's), and a {@code $sip-*}
 * operation on a plan is called by whom access.md lets: the parties of the plan within the consent; the
 * person or a guardian for {@code $sip-summary}, {@code $sip-withdraw-consent} and {@code $sip-worklist}; the operator for
 * {@code $sip-close} and {@code $sip-summary}; {@code $sip-statistics} the operator and organisations with the scope
 * {@code samplan.statistics}. A plan the caller may not see is 404. Such an operation is
 * then marked authorised: its own reads and writes run past the per-resource access checks (never past the
 * workflow rules, which check the caller's organisation), and {@link OperationAnswers} filters what it answers.
 */
@Component
@Interceptor
public class OperationAccess implements RestInterceptor {

	static final String NOT_ALLOWED = "Du har inte behörighet att göra det här.";
	private static final String AUTHORIZED = OperationAccess.class.getName() + ".authorized";
	private static final Set<String> OPEN_OPERATIONS = Set.of("$everything", "$validate");
	/** The permission each {@code $sip-*} operation needs, on which resource type. */
	private static final Map<String, String> SIP_OPERATION_SCOPES = Map.of(
			"$sip-initiate", "CarePlan.c", "$sip-consent", "Consent.c", "$sip-invite", "Appointment.c",
			"$sip-respond", "Task.u", "$sip-activate", "CarePlan.u", "$sip-follow-up", "CarePlan.u",
			"$sip-close", "CarePlan.u", "$sip-withdraw-consent", "Consent.u", "$sip-summary", "CarePlan.r",
			"$sip-worklist", "CarePlan.r");

	private final Callers callers;
	private final AccessPolicy policy;
	private final PlanRepository plans;

	OperationAccess(Callers callers, AccessPolicy policy, PlanRepository plans) {
		this.callers = callers;
		this.policy = policy;
		this.plans = plans;
	}

	/** Whether the request is a {@code $sip-*} operation this class has let through. */
	public static boolean isAuthorized(RequestDetails request) {
		return request != null && Boolean.TRUE.equals(request.getUserData().get(AUTHORIZED));
	}


	/** The audit log has no write methods; a write is refused as such (405), not as an unknown request. */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
	public void auditLogIsReadOnly(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"GET".equals(request.getMethod()) && path.matches(RestfulServerConfig.FHIR_PATH + "/AuditEvent([/?].*)?")) {
			throw auditLogWrite();
		}
	}

	/** 405 for any write of an AuditEvent, whichever way it comes. */
	static BaseServerResponseException auditLogWrite() {
		return Refusal.create().issue(IssueType.FORBIDDEN, SipRule.R15.coding(), "Loggen skrivs bara av servern.",
				"AuditEvents are written by the server only; they cannot be created or changed through the API.",
				"AuditEvent").methodNotAllowed();
	}

	// Before the consent interceptor's own hook on this pointcut, which asks isAuthorized.
	@Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = -100)
	public void check(RequestDetails request, RestOperationTypeEnum interaction) {
		Caller caller = callers.of(request);
		if (caller.kind() == Caller.Kind.SYSTEM) {
			return;
		}
		if (caller.kind() == Caller.Kind.OPERATOR) {
			// Sees everything: no per-resource filter, and search totals are given.
			ConsentInterceptor.skipAllConsentForRequest(request);
		}
		String operation = request.getOperation();
		if (interaction == RestOperationTypeEnum.GRAPHQL_REQUEST) {
			throw refusal("GraphQL is switched off: its results cannot be filtered by the access rules.");
		}
		if (operation == null || !operation.startsWith("$")) {
			requireScope(caller, request.getResourceName(), permission(interaction));
			return;
		}
		if ("$sip-statistics".equals(operation)) {
			// Figures that name no person: the operator's, and the principal's analysts' (the operation limits them).
			if (caller.kind() != Caller.Kind.OPERATOR && !(caller.actsForOrganization() && caller.scopes().has(SmartScopes.STATISTICS))) {
				throw refusal("$sip-statistics needs the scope " + SmartScopes.STATISTICS + " of an organisation, or the operator.");
			}
			request.getUserData().put(AUTHORIZED, Boolean.TRUE);
			ConsentInterceptor.skipAllConsentForRequest(request);
		} else if (operation.startsWith("$sip-") && SIP_OPERATION_SCOPES.containsKey(operation)) {
			String[] scope = SIP_OPERATION_SCOPES.get(operation).split("\\.");
			requireScope(caller, scope[0], scope[1].charAt(0));
			checkSipOperation(caller, operation, request);
			request.getUserData().put(AUTHORIZED, Boolean.TRUE);
			ConsentInterceptor.skipAllConsentForRequest(request);
		} else if (OPEN_OPERATIONS.contains(operation)) {
			requireScope(caller, request.getResourceName(), 'r');
		} else if (caller.kind() != Caller.Kind.OPERATOR) {
			throw refusal("The operation " + operation + " is open to the operator only.");
		}
	}

	private void checkSipOperation(Caller caller, String operation, RequestDetails request) {
		boolean onPlan = "CarePlan".equals(request.getResourceName()) && request.getId() != null && request.getId().hasIdPart();
		if (!onPlan) {
			// $sip-initiate and $sip-respond: the operation checks the organisation it acts for (R1, R5);
			// $sip-worklist: what waits for the organisation, or for the person (its answer is filtered like a read).
			if (!caller.actsForOrganization() && !("$sip-worklist".equals(operation) && caller.isPersonal())) {
				throw refusal(operation + " is for the staff or systems of an organisation.");
			}
			return;
		}
		String planRef = "CarePlan/" + request.getId().getIdPart();
		// $sip-summary reads the plan with all it shows at once; the check takes the plan from that read,
		// which the operation then finds in the request's cache, rather than reading the plan on its own first.
		Optional<Resource> found = "$sip-summary".equals(operation)
				? plans.planAndWhatItShows(planRef, request).stream().filter(r -> planRef.equals(References.key(r))).findFirst()
				: plans.read(planRef, request);
		CarePlan plan = found.filter(CarePlan.class::isInstance).map(CarePlan.class::cast).orElse(null);
		if (plan == null) {
			return; // the operation answers 404 itself
		}
		boolean allowed;
		if (caller.actsForOrganization()) {
			allowed = policy.organizationMaySeePlan(caller.organization(), plan, request);
		} else if (caller.isPersonal()) {
			allowed = ("$sip-summary".equals(operation) || "$sip-withdraw-consent".equals(operation))
					&& policy.canRead(caller, plan, request);
		} else {
			allowed = "$sip-summary".equals(operation) || "$sip-close".equals(operation);
		}
		if (!allowed) {
			if (!policy.canRead(caller, plan, request)) {
				throw new ResourceNotFoundException(request.getId().toUnqualifiedVersionless());
			}
			throw refusal(operation + " on " + planRef + " is not open to this caller.");
		}
	}

	private static char permission(RestOperationTypeEnum interaction) {
		if (interaction == null) {
			return 0;
		}
		return switch (interaction) {
			case READ, VREAD, HISTORY_INSTANCE -> 'r';
			case SEARCH_TYPE, HISTORY_TYPE -> 's';
			case CREATE -> 'c';
			case UPDATE, PATCH -> 'u';
			case DELETE -> 'd';
			default -> 0; // system-level search and history, paging, batch, transaction: per resource
		};
	}

	static void requireScope(Caller caller, String resourceType, char permission) {
		if (permission != 0 && resourceType != null && !caller.scopes().allows(resourceType, permission)) {
			throw Refusal.create().issue(IssueType.FORBIDDEN, SipRule.R15.coding(),
					"Behörigheten (scope) i din inloggning räcker inte för det här anropet.",
					"The token's scopes (" + caller.scopes() + ") do not grant '" + permission + "' on " + resourceType + ".",
					null).forbidden();
		}
	}

	/** 403 naming R15, with the same Swedish text for every access refusal. */
	static BaseServerResponseException refusal(String english) {
		return Refusal.create().issue(IssueType.FORBIDDEN, SipRule.R15.coding(), NOT_ALLOWED, english, null).forbidden();
	}
}
