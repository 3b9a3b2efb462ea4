package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
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
 * {@code POST [base]/CarePlan/[id]/$sip-activate}: the first meeting was held and the plan is complete
 * (R6), so it becomes active. Needs an active consent (R2) and a plan in phase invited. Records the held
 * meeting ({@link HeldMeeting}), approves the plan for the person's portal unless configured otherwise,
 * and returns the changed resources, the plan first, as a collection Bundle.
 */
@Component
public class SipActivateOperation implements OperationProvider {

	static final String APPROVED_FOR_PATIENT = SipPackage.structureDefinition("sip-approved-for-patient");

	private final DaoRegistry daoRegistry;
	private final IHapiTransactionService transactions;
	private final SipRecords records;
	private final PlanContent content;
	private final HeldMeeting heldMeeting;
	private final WorkflowSettings settings;
	private final RuleSwitch ruleSwitch;

	SipActivateOperation(DaoRegistry daoRegistry, IHapiTransactionService transactions, SipRecords records,
			PlanContent content, HeldMeeting heldMeeting, WorkflowSettings settings, RuleSwitch ruleSwitch) {
		this.ruleSwitch = ruleSwitch;
		this.daoRegistry = daoRegistry;
		this.transactions = transactions;
		this.records = records;
		this.content = content;
		this.heldMeeting = heldMeeting;
		this.settings = settings;
	}

	@Operation(name = "$sip-activate", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-activate")
	public Bundle activate(@IdParam IdType id,
			@OperationParam(name = "meeting", min = 1, max = 1) Reference meetingRef,
			@OperationParam(name = "attended", min = 1) List<Reference> attended,
			@OperationParam(name = "patientParticipation", max = 1) CodeType participation,
			@OperationParam(name = "patientParticipationReason", max = 1) StringType participationReason,
			RequestDetails request) {
		return transactions.withRequest(request).execute(() -> {
			CarePlan plan = daoRegistry.getResourceDao(CarePlan.class).read(id.toUnqualifiedVersionless(), request);
			requireConsent(records, ruleSwitch, plan);
			SipPhase phase = SipPhase.of(plan).orElse(null);
			if (phase != SipPhase.INVITED) {
				throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.W1.coding(),
						"Planen kan bara aktiveras efter att verksamheterna kallats till det första SIP-mötet.",
						"Only a plan in phase invited can be activated; this one is " + (phase == null ? "not a SIP" : phase.code()) + " (W1).",
						"CarePlan.extension").unprocessable();
			}
			Appointment meeting = heldMeeting.of(plan, meetingRef, request);
			content.require(plan, meeting, null);
			if (attended == null || attended.isEmpty()) {
				throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R6.coding(), "Ange vilka som deltog i mötet.",
						"Parameter 'attended' lists who came to the meeting (R6).",
						"Parameters.parameter.where(name = 'attended')").invalidRequest();
			}
			List<Resource> changed = new ArrayList<>(heldMeeting.record(plan, meeting, attended,
					participation == null ? null : participation.getValue(),
					participationReason == null ? null : participationReason.getValue(), request));
			plan = daoRegistry.getResourceDao(CarePlan.class).read(id.toUnqualifiedVersionless(), request);
			if (SipPhase.of(plan).orElse(null) != SipPhase.INVITED) {
				throw new ResourceVersionConflictException("CarePlan/" + id.getIdPart() + " was activated by another request");
			}
			SipPhase.ACTIVE.applyTo(plan, false);
			if (!plan.getPeriod().hasStart()) {
				plan.getPeriod().setStart(new Date());
			}
			if (settings.isApproveForPatientOnActivate() && plan.getExtensionByUrl(APPROVED_FOR_PATIENT) == null) {
				plan.addExtension(APPROVED_FOR_PATIENT, new BooleanType(true));
			}
			changed.add(0, (Resource) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource());
			return Changes.bundle(changed, request);
		});
	}

	/** R2: an activate or a follow-up needs an active consent to the plan. */
	static void requireConsent(SipRecords records, RuleSwitch ruleSwitch, CarePlan plan) {
		if (!ruleSwitch.holds(SipRule.R2)) {
			return;
		}
		String planRef = "CarePlan/" + plan.getIdPart();
		if (records.activeConsents(planRef).isEmpty()) {
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R2.coding(),
					"Det finns inget giltigt samtycke till planen.",
					planRef + " has no active consent (R2).", "CarePlan").unprocessable();
		}
	}
}
