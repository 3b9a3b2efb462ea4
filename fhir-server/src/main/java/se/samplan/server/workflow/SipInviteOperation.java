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
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.UrlType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.OperationProvider;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.validation.SipCarePlan;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * {@code POST [base]/CarePlan/[id]/$sip-invite} (R5, kallelse): sets a meeting (SipAppointment) and
 * invites each organisation with a SipInvitationTask that it answers by {@code respondBy}. Needs an
 * active consent that covers every invited organisation (R2). The first meeting moves a consented plan
 * to invited. Returns the meeting, the invitations and the plan as a collection Bundle.
 */
@Component
public class SipInviteOperation implements OperationProvider {

	private final Callers callers;

	static final String MEETING_PROFILE = SipPackage.structureDefinition("SipAppointment");
	static final String TASK_PROFILE = SipPackage.structureDefinition("SipInvitationTask");
	static final String MEETING_TYPE_SYSTEM = SipPackage.codeSystem("sip-meeting-type");
	static final String VIRTUAL_MEETING = SipPackage.structureDefinition("sip-virtual-meeting");

	private final DaoRegistry daoRegistry;
	private final IHapiTransactionService transactions;
	private final SipRecords records;
	private final WorkflowSettings settings;
	private final RuleSwitch ruleSwitch;

	SipInviteOperation(DaoRegistry daoRegistry, IHapiTransactionService transactions, SipRecords records,
			WorkflowSettings settings, Callers callers, RuleSwitch ruleSwitch) {
		this.ruleSwitch = ruleSwitch;
		this.callers = callers;
		this.daoRegistry = daoRegistry;
		this.transactions = transactions;
		this.records = records;
		this.settings = settings;
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
		if (start == null || end == null || !start.hasValue() || !end.hasValue() || !end.getValue().after(start.getValue())) {
			throw Refusal.create().issue(IssueType.REQUIRED, "Ange mötets start och slut; slutet ska komma efter starten.",
					"Parameters 'start' and 'end' are required, and end must be after start.",
					"Parameters.parameter.where(name = 'start')").invalidRequest();
		}
		if (organizations == null || organizations.isEmpty()) {
			throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R5.coding(), "Ange minst en verksamhet att kalla.",
					"At least one 'organization' to invite is required (R5).",
					"Parameters.parameter.where(name = 'organization')").invalidRequest();
		}
		return transactions.withRequest(request).execute(() -> {
			CarePlan plan = daoRegistry.getResourceDao(CarePlan.class).read(id.toUnqualifiedVersionless(), request);
			String planRef = "CarePlan/" + plan.getIdPart();
			requireConsentCovering(plan, planRef, organizations);
			SipPhase phase = SipPhase.of(plan).orElseThrow();
			String meetingType = type != null && type.hasValue() ? type.getValue()
					: phase == SipPhase.ACTIVE ? "follow-up" : "first";

			Appointment meeting = new Appointment();
			meeting.getMeta().addProfile(MEETING_PROFILE);
			meeting.setStatus(Appointment.AppointmentStatus.BOOKED);
			meeting.getAppointmentType().addCoding(new Coding(MEETING_TYPE_SYSTEM, meetingType, null));
			meeting.setDescription(("first".equals(meetingType) ? "Första SIP-mötet" : "Uppföljning av SIP") + ": " + plan.getTitle());
			meeting.addSupportingInformation(new Reference(planRef));
			meeting.setStart(start.getValue());
			meeting.setEnd(end.getValue());
			meeting.setCreated(new Date());
			if (note != null && note.hasValue()) {
				meeting.setComment(note.getValue());
			}
			if (virtualMeetingUrl != null && virtualMeetingUrl.hasValue()) {
				meeting.addExtension(VIRTUAL_MEETING, virtualMeetingUrl);
			}
			meeting.addParticipant().setActor(new Reference(plan.getSubject().getReference()))
					.setRequired(Appointment.ParticipantRequired.REQUIRED).setStatus(Appointment.ParticipationStatus.NEEDSACTION);
			if (participants != null) {
				participants.forEach(p -> meeting.addParticipant().setActor(new Reference(p.getReference()))
						.setStatus(Appointment.ParticipationStatus.NEEDSACTION));
			}
			if (location != null && location.hasReference()) {
				meeting.addParticipant().setActor(new Reference(location.getReference()))
						.setStatus(Appointment.ParticipationStatus.ACCEPTED);
			}
			meeting.setPatientInstruction("Du är välkommen till ett möte om din samordnade individuella plan.");
			Appointment storedMeeting = (Appointment) daoRegistry.getResourceDao(Appointment.class).create(meeting, request).getResource();

			List<Resource> changed = new ArrayList<>();
			changed.add(storedMeeting);
			Date answerBy = respondBy != null && respondBy.hasValue() ? respondBy.getValue()
					: Date.from(Instant.now().plus(settings.getDaysToAnswerInvitation(), ChronoUnit.DAYS));
			Reference requester = callers.organizationOf(request).map(Reference::new)
					.orElse(new Reference(plan.getAuthor().getReference()));
			for (Reference org : organizations) {
				Task task = new Task();
				task.getMeta().addProfile(TASK_PROFILE);
				task.setStatus(Task.TaskStatus.REQUESTED);
				task.setIntent(Task.TaskIntent.ORDER);
				task.getCode().addCoding(new Coding(InvitationAnswerRule.TASK_TYPE_SYSTEM, "invitation", null));
				task.setDescription("Kallelse till SIP-möte: " + plan.getTitle());
				task.addBasedOn(new Reference(planRef));
				task.setFocus(new Reference("Appointment/" + storedMeeting.getIdPart()));
				task.setFor(new Reference(plan.getSubject().getReference()));
				task.setAuthoredOn(new Date());
				task.setRequester(requester);
				task.setOwner(new Reference(org.getReference()));
				task.getRestriction().getPeriod().setEnd(answerBy);
				changed.add((Resource) daoRegistry.getResourceDao(Task.class).create(task, request).getResource());
			}
			if (phase == SipPhase.CONSENTED) {
				SipPhase.INVITED.applyTo(plan, false);
				plan = (CarePlan) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource();
			}
			changed.add(plan);
			return Changes.bundle(changed, request);
		});
	}

	/** R2: an active consent, covering every invited organisation. */
	private void requireConsentCovering(CarePlan plan, String planRef, List<Reference> organizations) {
		if (!SipCarePlan.isSip(plan) || SipPhase.of(plan).isEmpty()) {
			throw Refusal.create().issue(IssueType.NOTSUPPORTED, "Planen är inte en SIP.",
					planRef + " is not a SIP.", "CarePlan.category").unprocessable();
		}
		if (!ruleSwitch.holds(SipRule.R2)) {
			return;
		}
		Set<String> covered = records.consentedOrganizations(planRef);
		if (records.activeConsents(planRef).isEmpty()) {
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R2.coding(),
					"Det finns inget giltigt samtycke till planen. Registrera samtycket innan verksamheter kallas.",
					planRef + " has no active consent: record it with $sip-consent before inviting (R2).",
					"CarePlan").unprocessable();
		}
		Refusal refusal = Refusal.create();
		for (int i = 0; i < organizations.size(); i++) {
			String org = organizations.get(i).getReference();
			if (!covered.contains(org)) {
				refusal.issue(IssueType.BUSINESSRULE, SipRule.R2.coding(),
						"Samtycket omfattar inte " + org + ", som därför inte kan kallas.",
						"The consent does not cover " + org + " (Consent.provision.actor), so it cannot be invited (R2).",
						"Parameters.parameter.where(name = 'organization')[" + i + "]");
			}
		}
		if (!refusal.isEmpty()) {
			throw refusal.unprocessable();
		}
	}
}
