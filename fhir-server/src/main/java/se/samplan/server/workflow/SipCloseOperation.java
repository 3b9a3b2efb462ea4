package se.samplan.server.workflow;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.OperationProvider;

/**
 * {@code POST [base]/CarePlan/[id]/$sip-close} (R10, avslut): closes the plan with a reason
 * ({@link SipWorkflow#close}), in one transaction; returns the changed resources, the plan first.
 */
@Component
public class SipCloseOperation implements OperationProvider {

	private final SipWorkflow workflow;

	SipCloseOperation(SipWorkflow workflow) {
		this.workflow = workflow;
	}

	@Operation(name = "$sip-close", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-close")
	public Bundle close(@IdParam IdType id,
			@OperationParam(name = "reason", min = 1, max = 1) Coding reason,
			@OperationParam(name = "note", max = 1) StringType note,
			@OperationParam(name = "date", max = 1) DateTimeType date,
			RequestDetails request) {
		return Changes.bundle(workflow.close(id, new SipWorkflow.Closing(reason, Params.value(note),
				date != null && date.hasValue() ? date : null), request), request);
	}
}
