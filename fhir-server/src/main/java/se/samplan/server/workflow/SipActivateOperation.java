package se.samplan.server.workflow;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.OperationProvider;

import java.util.List;

/**
 * {@code POST [base]/CarePlan/[id]/$sip-activate}: the first meeting was held and the plan is complete (R6), so
 * it becomes active ({@link SipWorkflow#activate}). Needs a consent in force (R2) and a plan in phase invited.
 * Returns the changed resources, the plan first.
 */
@Component
public class SipActivateOperation implements OperationProvider {

	private final SipWorkflow workflow;

	SipActivateOperation(SipWorkflow workflow) {
		this.workflow = workflow;
	}

	@Operation(name = "$sip-activate", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-activate")
	public Bundle activate(@IdParam IdType id,
			@OperationParam(name = "meeting", min = 1, max = 1) Reference meeting,
			@OperationParam(name = "attended", min = 1) List<Reference> attended,
			@OperationParam(name = "patientParticipation", max = 1) CodeType participation,
			@OperationParam(name = "patientParticipationReason", max = 1) StringType participationReason,
			RequestDetails request) {
		return Changes.bundle(workflow.activate(id, new SipWorkflow.HeldMeetingRecord(meeting, Params.list(attended),
				Params.value(participation), Params.value(participationReason)), request), request);
	}
}
