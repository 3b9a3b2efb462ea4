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
import org.hl7.fhir.r4.model.UrlType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.OperationProvider;

import java.util.List;

/**
 * {@code POST [base]/CarePlan/[id]/$sip-invite} (R5, kallelse): sets a meeting (SipAppointment) and invites each
 * organisation with a SipInvitationTask that it answers by {@code respondBy} ({@link SipWorkflow#invite}). Needs a
 * consent in force that covers every invited organisation (R2). Returns the meeting, the invitations and the plan.
 */
@Component
public class SipInviteOperation implements OperationProvider {

	private final SipWorkflow workflow;

	SipInviteOperation(SipWorkflow workflow) {
		this.workflow = workflow;
	}

	@Operation(name = "$sip-invite", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-invite")
	public Bundle invite(@IdParam IdType id,
			@OperationParam(name = "start", min = 1, max = 1) DateTimeType start,
			@OperationParam(name = "end", min = 1, max = 1) DateTimeType end,
			@OperationParam(name = "organization", min = 1) List<Reference> organizations,
			@OperationParam(name = "participant") List<Reference> participants,
			@OperationParam(name = "location", max = 1) Reference location,
			@OperationParam(name = "virtualMeetingUrl", max = 1) UrlType virtualMeetingUrl,
			@OperationParam(name = "respondBy", max = 1) DateTimeType respondBy,
			@OperationParam(name = "type", max = 1) CodeType type,
			@OperationParam(name = "note", max = 1) StringType note,
			RequestDetails request) {
		SipWorkflow.Invitation in = new SipWorkflow.Invitation(Params.date(start), Params.date(end), Params.list(organizations),
				Params.list(participants), location, Params.value(virtualMeetingUrl), Params.date(respondBy), Params.value(type),
				Params.value(note));
		return Changes.bundle(workflow.invite(id, in, request), request);
	}
}
