package se.samplan.server.workflow;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.CreatedResponse;
import se.samplan.server.hapi.OperationProvider;

/**
 * {@code POST [base]/CarePlan/$sip-initiate}: someone takes the initiative to a SIP (R1) for a person; the plan is
 * created in phase initiated, and the clock of R4 starts ({@link SipWorkflow#initiate}). Answers 201 with Location.
 */
@Component
public class SipInitiateOperation implements OperationProvider {

	private final SipWorkflow workflow;

	SipInitiateOperation(SipWorkflow workflow) {
		this.workflow = workflow;
	}

	@Operation(name = "$sip-initiate", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-initiate")
	public CarePlan initiate(
			@OperationParam(name = "patient", min = 1, max = 1) Reference patient,
			@OperationParam(name = "initiator", min = 1, max = 1) Reference initiator,
			@OperationParam(name = "reason", max = 1) StringType reason,
			@OperationParam(name = "context", max = 1) CodeType context,
			@OperationParam(name = "title", max = 1) StringType title,
			@OperationParam(name = "readyForDischarge", max = 1) DateType readyForDischarge,
			RequestDetails request) {
		CarePlan created = workflow.initiate(new SipWorkflow.Initiation(patient, initiator, Params.value(reason),
				Params.value(context), Params.value(title), Params.day(readyForDischarge, "readyForDischarge")), request);
		CreatedResponse.mark(request, created.getIdElement());
		return created;
	}
}
