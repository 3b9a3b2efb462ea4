package se.samplan.server.validation;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.RestInterceptor;
import se.samplan.server.outcome.Refusal;

import java.util.Set;

/**
 * A PATCH, PUT or DELETE needs the id of the resource, or search parameters for a conditional write:
 * without either it is a 400 (HAPI would fail on a PATCH without an id with a 500).
 */
@Component
@Interceptor
public class MissingIdInterceptor implements RestInterceptor {

	private static final Set<RestOperationTypeEnum> INSTANCE_WRITES =
			Set.of(RestOperationTypeEnum.PATCH, RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.DELETE);

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void requireTarget(RequestDetails request, RestOperationTypeEnum operation) {
		if (INSTANCE_WRITES.contains(operation) && (request.getId() == null || !request.getId().hasIdPart())
				&& request.getParameters().isEmpty()) {
			throw Refusal.create().issue(IssueType.REQUIRED, "Ange vilken resurs som ska ändras, med id i adressen.",
					operation.getCode() + " needs the resource id in the URL ([type]/[id]) or search parameters for a conditional write.",
					null).invalidRequest();
		}
	}
}
