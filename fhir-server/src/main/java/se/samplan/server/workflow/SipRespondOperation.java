package se.samplan.server.workflow;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.OperationProvider;

/**
 * {@code POST [base]/Task/[id]/$sip-respond} (R5): the invited organisation accepts or declines
 * ({@link SipWorkflow#respond}). A decline needs a reason and is recorded as a deviation (R12); an accepting
 * organisation may name who attends, who then joins the meeting and the plan's care team. Only the invited
 * organisation answers (403). Returns the changed resources, the invitation first.
 */
@Component
public class SipRespondOperation implements OperationProvider {

	private final SipWorkflow workflow;

	SipRespondOperation(SipWorkflow workflow) {
		this.workflow = workflow;
	}

	@Operation(name = "$sip-respond", type = Task.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-respond")
	public Bundle respond(@IdParam IdType id,
			@OperationParam(name = "answer", min = 1, max = 1) CodeType answer,
			@OperationParam(name = "reason", max = 1) StringType reason,
			@OperationParam(name = "attendee", max = 1) Reference attendee,
			RequestDetails request) {
		return Changes.bundle(workflow.respond(id, new SipWorkflow.Answer(Params.value(answer), Params.value(reason), attendee),
				request), request);
	}
}
