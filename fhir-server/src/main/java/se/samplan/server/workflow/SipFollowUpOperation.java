package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.OperationProvider;
import se.samplan.server.outcome.Refusal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * {@code POST [base]/CarePlan/[id]/$sip-follow-up} (R9, uppföljning): a follow-up meeting of an active
 * plan was held. Records the meeting ({@link HeldMeeting}), the outcome as a note and the next follow-up,
 * after the same checks as activation (R2, R6). The plan gets a new version, so {@code _history} shows it
 * as it was at each meeting. Returns the changed resources, the plan first.
 */
@Component
public class SipFollowUpOperation implements OperationProvider {

	private final DaoRegistry daoRegistry;
	private final IHapiTransactionService transactions;
	private final SipRecords records;
	private final PlanContent content;
	private final HeldMeeting heldMeeting;
	private final RuleSwitch ruleSwitch;

	SipFollowUpOperation(DaoRegistry daoRegistry, IHapiTransactionService transactions, SipRecords records,
			PlanContent content, HeldMeeting heldMeeting, RuleSwitch ruleSwitch) {
		this.ruleSwitch = ruleSwitch;
		this.daoRegistry = daoRegistry;
		this.transactions = transactions;
		this.records = records;
		this.content = content;
		this.heldMeeting = heldMeeting;
	}

	@Operation(name = "$sip-follow-up", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-follow-up")
	public Bundle followUp(@IdParam IdType id,
			@OperationParam(name = "meeting", min = 1, max = 1) Reference meetingRef,
			@OperationParam(name = "attended", min = 1) List<Reference> attended,
			@OperationParam(name = "outcome", max = 1) StringType outcome,
			@OperationParam(name = "nextFollowUp", min = 1, max = 1) DateTimeType nextFollowUp,
			@OperationParam(name = "patientParticipation", max = 1) CodeType participation,
			RequestDetails request) {
		return transactions.withRequest(request).execute(() -> {
			CarePlan plan = daoRegistry.getResourceDao(CarePlan.class).read(id.toUnqualifiedVersionless(), request);
			SipActivateOperation.requireConsent(records, ruleSwitch, plan);
			if (SipPhase.of(plan).orElse(null) != SipPhase.ACTIVE) {
				throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.W1.coding(),
						"Bara en aktiv plan följs upp.", "Only an active plan is followed up (W1).",
						"CarePlan.extension").unprocessable();
			}
			Appointment meeting = heldMeeting.of(plan, meetingRef, request);
			content.require(plan, meeting, nextFollowUp == null ? null : nextFollowUp.getValue());
			List<Resource> changed = new ArrayList<>(heldMeeting.record(plan, meeting,
					attended == null ? List.of() : attended, participation == null ? null : participation.getValue(),
					null, request));
			plan = daoRegistry.getResourceDao(CarePlan.class).read(id.toUnqualifiedVersionless(), request);
			plan.getExtension().removeIf(e -> PlanContent.NEXT_FOLLOW_UP.equals(e.getUrl()));
			plan.addExtension(PlanContent.NEXT_FOLLOW_UP, nextFollowUp);
			if (outcome != null && outcome.hasValue()) {
				plan.addNote().setTimeElement(new DateTimeType(new Date())).setText("Uppföljning: " + outcome.getValue());
			}
			changed.add(0, (Resource) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource());
			return Changes.bundle(changed, request);
		});
	}
}
