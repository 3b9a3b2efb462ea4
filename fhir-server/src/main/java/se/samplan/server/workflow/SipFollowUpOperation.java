package se.samplan.server.workflow;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.OperationProvider;

import java.util.List;

/**
 * {@code POST [base]/CarePlan/[id]/$sip-follow-up} (R9, uppföljning): a follow-up meeting of an active plan was
 * held ({@link SipWorkflow#followUp}), after the same checks as activation (R2, R6). The plan gets a new version,
 * so {@code _history} shows it as it was at each meeting. Returns the changed resources, the plan first.
 */
@Component
public class SipFollowUpOperation implements OperationProvider {

	private final SipWorkflow workflow;

	SipFollowUpOperation(SipWorkflow workflow) {
		this.workflow = workflow;
	}

	@Operation(name = "$sip-follow-up", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-follow-up")
	public Bundle followUp(@IdParam IdType id,
			@OperationParam(name = "meeting", min = 1, max = 1) Reference meeting,
			@OperationParam(name = "attended", min = 1) List<Reference> attended,
			@OperationParam(name = "outcome", max = 1) StringType outcome,
			@OperationParam(name = "nextFollowUp", min = 1, max = 1) DateTimeType nextFollowUp,
			@OperationParam(name = "patientParticipation", max = 1) CodeType participation,
			RequestDetails request) {
		return Changes.bundle(workflow.followUp(id, new SipWorkflow.HeldMeetingRecord(meeting, Params.list(attended),
				Params.value(participation), null), Params.value(outcome), nextFollowUp, request), request);
	}
}
