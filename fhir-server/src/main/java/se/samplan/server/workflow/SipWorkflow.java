package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.UrlType;
import org.springframework.stereotype.Component;
import se.samplan.server.access.Caller;
import se.samplan.server.access.Callers;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipPhase;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipResources;
import se.samplan.server.sip.SipRule;
import se.samplan.server.sip.SipUrls;
import se.samplan.server.sip.WorkflowSettings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The steps of the SIP workflow (workflow.md), each in one database transaction, behind the {@code $sip-*}
 * operations and used by the demo: what each step writes, after asking the rules that the step needs
 * (the same rule classes that check every write). Every write goes through the write pipeline with the caller's
 * request, so the rules see who asks; reads go through the {@link PlanRepository}. Each step returns what changed.
 */
@Component
public class SipWorkflow {

	/**
	 * {@code $sip-initiate}: whose plan, who takes the initiative, why, in which context, its title, and when the
	 * person is ready for discharge (the discharge case of R4; may be null).
	 */
	public record Initiation(Reference patient, Reference initiator, String reason, String context, String title,
			LocalDate readyForDischarge) {}

	/** {@code $sip-invite}: the meeting and whom it invites; the rest may be null. */
	public record Invitation(Date start, Date end, List<Reference> organizations, List<Reference> participants,
			Reference location, String virtualMeetingUrl, Date respondBy, String type, String note) {

		public static Invitation of(Date start, Date end, List<Reference> organizations, String type, String note) {
			return new Invitation(start, end, organizations, List.of(), null, null, null, type, note);
		}

		public Invitation withParticipants(List<Reference> participants) {
			return new Invitation(start, end, organizations, participants, location, virtualMeetingUrl, respondBy, type, note);
		}

		public Invitation withVirtualMeetingUrl(String url) {
			return new Invitation(start, end, organizations, participants, location, url, respondBy, type, note);
		}
	}

	/** {@code $sip-respond}: accept or decline, why, and who attends. */
	public record Answer(String answer, String reason, Reference attendee) {

		public static Answer accept() {
			return new Answer("accept", null, null);
		}
	}

	/** {@code $sip-activate} and {@code $sip-follow-up}: the meeting held, who came, and the person's participation. */
	public record HeldMeetingRecord(Reference meeting, List<Reference> attended, String participation,
			String participationReason) {}

	/** {@code $sip-close}: why, a note, when. */
	public record Closing(Coding reason, String note, DateTimeType date) {}

	private static final String DEFAULT_TITLE = "Samordnad individuell plan";
	private static final String DISCHARGE = "discharge";

	private final DaoRegistry daoRegistry;
	private final IHapiTransactionService transactions;
	private final PlanRepository plans;
	private final Callers callers;
	private final WorkflowSettings settings;
	private final HeldMeeting heldMeeting;
	private final KvaProcedures kva;
	private final PlanClosure closure;
	private final Deviations deviations;
	private final CareTeams careTeams;
	private final W1ManagedPhaseRule phaseRule;
	private final W2ClosedIsFinalRule closedRule;
	private final R2ConsentRule consentRule;
	private final R5InvitationRule invitationRule;
	private final R6PlanContentRule contentRule;
	private final R10ClosingRule closingRule;
	private final Clock clock;

	SipWorkflow(DaoRegistry daoRegistry, IHapiTransactionService transactions, PlanRepository plans, Callers callers,
			WorkflowSettings settings, HeldMeeting heldMeeting, KvaProcedures kva, PlanClosure closure, Deviations deviations,
			CareTeams careTeams, W1ManagedPhaseRule phaseRule, W2ClosedIsFinalRule closedRule, R2ConsentRule consentRule,
			R5InvitationRule invitationRule, R6PlanContentRule contentRule, R10ClosingRule closingRule, Clock clock) {
		this.daoRegistry = daoRegistry;
		this.transactions = transactions;
		this.plans = plans;
		this.callers = callers;
		this.settings = settings;
		this.heldMeeting = heldMeeting;
		this.kva = kva;
		this.closure = closure;
		this.deviations = deviations;
		this.careTeams = careTeams;
		this.phaseRule = phaseRule;
		this.closedRule = closedRule;
		this.consentRule = consentRule;
		this.invitationRule = invitationRule;
		this.contentRule = contentRule;
		this.closingRule = closingRule;
		this.clock = clock;
	}

	/** R1: the plan, in phase initiated (R8 and R11 are the write's rules). */
	public CarePlan initiate(Initiation in, RequestDetails request) {
		requireReference(in.patient(), "patient", "Patient", "personen");
		requireReference(in.initiator(), "initiator", null, "den som tar initiativet");
		callers.organizationOf(request).ifPresent(caller -> requireOwnInitiator(caller, in.initiator(), request));
		String context = in.context();
		if (in.readyForDischarge() != null) {
			if (context != null && !DISCHARGE.equals(context)) {
				throw Refusal.create().issue(IssueType.INVALID, "Utskrivningsklar anges bara när initiativet tas inför utskrivning.",
						"readyForDischarge belongs to context 'discharge', not '" + context + "'.",
						"Parameters.parameter.where(name = 'readyForDischarge')").invalidRequest();
			}
			context = DISCHARGE;
		}
		CarePlan plan = SipPlans.newPlan();
		plan.setSubject(new Reference(in.patient().getReference()));
		plan.setTitle(in.title() != null && !in.title().isBlank() ? in.title() : DEFAULT_TITLE);
		Date now = Date.from(clock.instant());
		plan.setCreated(now);
		plan.setAuthor(new Reference(in.initiator().getReference()));
		if (!settings.isApproveForPatientOnActivate()) {
			SipPlans.setApprovedForPatient(plan, false); // held back from the person's portal until approved (R13)
		}
		SipPlans.setInitiative(plan, new Reference(in.initiator().getReference()), now,
				in.reason() == null ? null : new StringType(in.reason()), context == null ? null : new CodeType(context));
		if (in.readyForDischarge() != null) {
			SipPlans.setReadyForDischarge(plan, in.readyForDischarge());
		}
		return (CarePlan) daoRegistry.getResourceDao(CarePlan.class).create(plan, request).getResource();
	}

	/** R2, R3: the consent, linked to the plan; an initiated plan becomes consented. */
	public List<Resource> consent(IdType planId, Consent consent, RequestDetails request) {
		return transactions.withRequest(request).execute(() -> {
			CarePlan plan = sipPlan(planId, request);
			String planRef = "CarePlan/" + plan.getIdPart();
			consent.setId((String) null);
			if (!consent.hasPatient()) {
				consent.setPatient(new Reference(plan.getSubject().getReference()));
			}
			if (consent.getMeta().getProfile().stream().noneMatch(p -> SipUrls.CONSENT_PROFILE.equals(p.getValue()))) {
				consent.getMeta().addProfile(SipUrls.CONSENT_PROFILE);
			}
			Consent.ProvisionComponent provision = consent.getProvision();
			if (SipResources.plans(consent).stream().noneMatch(d -> planRef.equals(plans.key(d, request)))) {
				provision.addData().setMeaning(Consent.ConsentDataMeaning.RELATED).setReference(new Reference(planRef));
			}
			Resource stored = (Resource) daoRegistry.getResourceDao(Consent.class).create(consent, request).getResource();
			if (SipPhase.of(plan).orElse(null) == SipPhase.INITIATED) {
				SipPhase.CONSENTED.applyTo(plan, false);
				plan = (CarePlan) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource();
			}
			return List.of(stored, plan);
		});
	}

	/** R5: the meeting and one invitation per organisation; the first meeting moves a consented plan to invited. */
	public List<Resource> invite(IdType planId, Invitation in, RequestDetails request) {
		if (in.start() == null || in.end() == null || !in.end().after(in.start())) {
			throw Refusal.create().issue(IssueType.REQUIRED, "Ange mötets start och slut; slutet ska komma efter starten.",
					"Parameters 'start' and 'end' are required, and end must be after start.",
					"Parameters.parameter.where(name = 'start')").invalidRequest();
		}
		if (in.organizations() == null || in.organizations().isEmpty()) {
			throw Refusal.create().issue(IssueType.REQUIRED, "Ange minst en verksamhet att kalla.",
					"At least one 'organization' to invite is required.",
					"Parameters.parameter.where(name = 'organization')").invalidRequest();
		}
		return transactions.withRequest(request).execute(() -> {
			CarePlan plan = sipPlan(planId, request);
			closedRule.requireOpen(plan);
			consentRule.requireConsent(plan, request);
			consentRule.requireCovered(plan, in.organizations(),
					i -> "Parameters.parameter.where(name = 'organization')[" + i + "]", request);
			String planRef = "CarePlan/" + plan.getIdPart();
			SipPhase phase = SipPhase.of(plan).orElseThrow();
			String type = in.type() != null ? in.type() : phase == SipPhase.ACTIVE ? "follow-up" : "first";

			Appointment meeting = new Appointment();
			meeting.getMeta().addProfile(SipUrls.APPOINTMENT_PROFILE);
			meeting.setStatus(Appointment.AppointmentStatus.BOOKED);
			meeting.getAppointmentType().addCoding(new Coding(SipUrls.MEETING_TYPE_SYSTEM, type, null));
			meeting.setDescription(("first".equals(type) ? "Första SIP-mötet" : "Uppföljning av SIP") + ": " + plan.getTitle());
			meeting.addSupportingInformation(new Reference(planRef));
			meeting.setStart(in.start());
			meeting.setEnd(in.end());
			meeting.setCreated(Date.from(clock.instant()));
			if (in.note() != null) {
				meeting.setComment(in.note());
			}
			if (in.virtualMeetingUrl() != null) {
				meeting.addExtension(SipUrls.VIRTUAL_MEETING, new UrlType(in.virtualMeetingUrl()));
			}
			meeting.addParticipant().setActor(new Reference(plan.getSubject().getReference()))
					.setRequired(Appointment.ParticipantRequired.REQUIRED).setStatus(Appointment.ParticipationStatus.NEEDSACTION);
			if (in.participants() != null) {
				in.participants().forEach(p -> meeting.addParticipant().setActor(new Reference(p.getReference()))
						.setStatus(Appointment.ParticipationStatus.NEEDSACTION));
			}
			if (in.location() != null && in.location().hasReference()) {
				meeting.addParticipant().setActor(new Reference(in.location().getReference()))
						.setStatus(Appointment.ParticipationStatus.ACCEPTED);
			}
			meeting.setPatientInstruction("Du är välkommen till ett möte om din samordnade individuella plan.");
			List<Resource> changed = new ArrayList<>();
			Appointment stored = (Appointment) daoRegistry.getResourceDao(Appointment.class).create(meeting, request).getResource();
			changed.add(stored);

			Reference requester = callers.organizationOf(request).map(Reference::new)
					.orElse(new Reference(plan.getAuthor().getReference()));
			for (Reference org : in.organizations()) {
				Task task = new Task();
				task.getMeta().addProfile(SipUrls.INVITATION_PROFILE);
				task.setStatus(Task.TaskStatus.REQUESTED);
				task.setIntent(Task.TaskIntent.ORDER);
				task.getCode().addCoding(new Coding(SipUrls.TASK_TYPE_SYSTEM, "invitation", null));
				task.setDescription("Kallelse till SIP-möte: " + plan.getTitle());
				task.addBasedOn(new Reference(planRef));
				task.setFocus(new Reference("Appointment/" + stored.getIdPart()));
				task.setFor(new Reference(plan.getSubject().getReference()));
				task.setAuthoredOn(Date.from(clock.instant()));
				task.setRequester(requester);
				task.setOwner(new Reference(org.getReference()));
				task.getRestriction().getPeriod().setEnd(in.respondBy()); // when null, the county's limit (R4Deadlines)
				changed.add((Resource) daoRegistry.getResourceDao(Task.class).create(task, request).getResource());
			}
			// A consent recorded by a plain write leaves the plan initiated; its first meeting moves it on all the same.
			if (phase == SipPhase.INITIATED || phase == SipPhase.CONSENTED) {
				SipPhase.INVITED.applyTo(plan, false);
				plan = (CarePlan) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource();
			}
			changed.add(plan);
			return changed;
		});
	}

	/** R5, R12: the invited organisation's answer; a decline becomes a deviation, an attendee joins the team. */
	public List<Resource> respond(IdType taskId, Answer in, RequestDetails request) {
		if (!"accept".equals(in.answer()) && !"decline".equals(in.answer())) {
			throw Refusal.create().issue(IssueType.REQUIRED, "Svara accept eller decline.",
					"Parameter 'answer' must be accept or decline.",
					"Parameters.parameter.where(name = 'answer')").invalidRequest();
		}
		boolean decline = "decline".equals(in.answer());
		return transactions.withRequest(request).execute(() -> {
			Task task = plans.read(taskId.toUnqualifiedVersionless().getValue(), request).filter(Task.class::isInstance)
					.map(Task.class::cast).orElseThrow(() -> new ResourceNotFoundException(taskId.toUnqualifiedVersionless()));
			if (!SipResources.isInvitation(task)) {
				throw Refusal.create().issue(IssueType.NOTSUPPORTED, "Uppgiften är inte en kallelse till SIP-möte.",
						"Task/" + taskId.getIdPart() + " is not a SIP invitation.", "Task.code").unprocessable();
			}
			callers.organizationOf(request).ifPresent(caller -> invitationRule.requireOwner(task, caller, "Task.owner"));
			invitationRule.requireAnswerable(task, decline, in.reason(), "Parameters.parameter.where(name = 'reason')");
			List<Resource> changed = new ArrayList<>();
			String owner = plans.key(task.getOwner(), request);
			String planRef = plans.key(task.getBasedOnFirstRep(), request);
			task.setLastModified(Date.from(clock.instant()));
			if (decline) {
				task.setStatus(Task.TaskStatus.REJECTED);
				task.getStatusReason().setText(in.reason());
				changed.add((Resource) daoRegistry.getResourceDao(Task.class).update(task, request).getResource());
				changed.add(deviations.record("invitation-declined", task.getFor().getReference(),
						List.of("Task/" + task.getIdPart(), owner, planRef),
						owner + " avböjde kallelsen till SIP-möte: " + in.reason(), request));
			} else {
				task.setStatus(Task.TaskStatus.ACCEPTED);
				changed.add((Resource) daoRegistry.getResourceDao(Task.class).update(task, request).getResource());
				if (in.attendee() != null && in.attendee().hasReference()) {
					changed.addAll(addAttendee(task, planRef, in.attendee().getReference(), request));
				}
			}
			return changed;
		});
	}

	/** R2, R6: the first meeting was held and the plan is complete, so it becomes active. */
	public List<Resource> activate(IdType planId, HeldMeetingRecord in, RequestDetails request) {
		return transactions.withRequest(request).execute(() -> {
			CarePlan plan = sipPlan(planId, request);
			consentRule.requireConsent(plan, request);
			phaseRule.requirePhase(plan, "$sip-activate",
					"Planen kan bara aktiveras efter att verksamheterna kallats till det första SIP-mötet.", SipPhase.INVITED);
			Appointment meeting = heldMeeting.of(plan, in.meeting(), request);
			contentRule.require(plan, meeting, null, request);
			if (in.attended() == null || in.attended().isEmpty()) {
				throw R6PlanContentRule.noAttendees();
			}
			List<Resource> changed = new ArrayList<>(heldMeeting.record(plan, meeting, in.attended(), in.participation(),
					in.participationReason(), request));
			changed.addAll(kva.made(plan, meeting, in.attended(), request));
			SipPhase.ACTIVE.applyTo(plan, false);
			if (!plan.getPeriod().hasStart()) {
				plan.getPeriod().setStart(Date.from(clock.instant()));
			}
			if (settings.isApproveForPatientOnActivate() && plan.getExtensionByUrl(SipUrls.APPROVED_FOR_PATIENT) == null) {
				SipPlans.setApprovedForPatient(plan, true);
			}
			changed.add(0, (Resource) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource());
			return changed;
		});
	}

	/** R9: a follow-up meeting of an active plan was held; the plan gets a new version with the next follow-up. */
	public List<Resource> followUp(IdType planId, HeldMeetingRecord in, String outcome, DateTimeType next,
			RequestDetails request) {
		return transactions.withRequest(request).execute(() -> {
			CarePlan plan = sipPlan(planId, request);
			consentRule.requireConsent(plan, request);
			phaseRule.requirePhase(plan, "$sip-follow-up", "Bara en aktiv plan följs upp.", SipPhase.ACTIVE);
			Appointment meeting = heldMeeting.of(plan, in.meeting(), request);
			contentRule.require(plan, meeting, next == null ? null : next.getValue(), request);
			List<Reference> attended = in.attended() == null ? List.of() : in.attended();
			List<Resource> changed = new ArrayList<>(heldMeeting.record(plan, meeting, attended, in.participation(),
					in.participationReason(), request));
			changed.addAll(kva.followedUp(plan, meeting, attended, request));
			SipPlans.setNextFollowUp(plan, next);
			if (outcome != null && !outcome.isBlank()) {
				plan.addNote().setTimeElement(new DateTimeType(Date.from(clock.instant()))).setText("Uppföljning: " + outcome);
			}
			changed.add(0, (Resource) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource());
			return changed;
		});
	}

	/** R10: closes the plan with a reason; the operator closes only what was entered in error (R15). */
	public List<Resource> close(IdType planId, Closing in, RequestDetails request) {
		closingRule.requireReason(in.reason());
		if (callers.of(request).kind() == Caller.Kind.OPERATOR && !"entered-in-error".equals(in.reason().getCode())) {
			throw Refusal.create().issue(IssueType.FORBIDDEN, SipRule.R15.coding(),
					"Driftansvarig kan bara avsluta en plan som felregistrerad.",
					"The operator closes plans only with reason entered-in-error.",
					"Parameters.parameter.where(name = 'reason')").forbidden();
		}
		return transactions.withRequest(request).execute(() ->
				closure.close(sipPlan(planId, request), in.reason(), in.note(), in.date(), request));
	}

	/** R2, R10: every consent becomes inactive and the plan closes as consent-withdrawn. */
	public List<Resource> withdrawConsent(IdType planId, Reference withdrawnBy, String note, RequestDetails request) {
		if (withdrawnBy == null || !withdrawnBy.hasReference()) {
			throw Refusal.create().issue(IssueType.REQUIRED, "Ange vem som återkallar samtycket.",
					"Parameter 'withdrawnBy' (Patient or RelatedPerson) is required.",
					"Parameters.parameter.where(name = 'withdrawnBy')").invalidRequest();
		}
		return transactions.withRequest(request).execute(() -> {
			CarePlan plan = sipPlan(planId, request);
			consentRule.requireConsent(plan, request);
			List<Resource> changed = new ArrayList<>();
			for (Consent consent : plans.consentsInForce("CarePlan/" + plan.getIdPart(), request)) {
				consent.setStatus(Consent.ConsentState.INACTIVE);
				changed.add((Resource) daoRegistry.getResourceDao(Consent.class).update(consent, request).getResource());
			}
			String why = "Samtycket återkallades av " + withdrawnBy.getReference() + (note != null && !note.isBlank() ? ": " + note : ".");
			List<Resource> closed = closure.close(sipPlan(planId, request),
					new Coding(SipUrls.CLOSURE_REASON_SYSTEM, "consent-withdrawn", "Samtycket har återkallats"), why, null, request);
			closed.addAll(1, changed);
			return closed;
		});
	}

	private List<Resource> addAttendee(Task task, String planRef, String attendee, RequestDetails request) {
		List<Resource> changed = new ArrayList<>();
		Appointment meeting = plans.read(task.getFocus(), Appointment.class, request).orElseThrow();
		if (meeting.getParticipant().stream().noneMatch(p -> attendee.equals(p.getActor().getReference()))) {
			meeting.addParticipant().setActor(new Reference(attendee)).setStatus(Appointment.ParticipationStatus.ACCEPTED);
			changed.add((Resource) daoRegistry.getResourceDao(Appointment.class).update(meeting, request).getResource());
		}
		CarePlan plan = plans.read(planRef, request).map(CarePlan.class::cast).orElseThrow();
		CareTeams.Joined joined = careTeams.join(plan, List.of(attendee), "principal-representative", request);
		joined.team().ifPresent(changed::add);
		if (joined.linked()) {
			changed.add((Resource) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource());
		}
		return changed;
	}

	/** The SIP with this id: 404 when there is none, 422 when it is not a SIP. */
	private CarePlan sipPlan(IdType id, RequestDetails request) {
		IdType planId = new IdType("CarePlan", id.getIdPart());
		CarePlan plan = plans.read(planId.getValue(), request).filter(CarePlan.class::isInstance).map(CarePlan.class::cast)
				.orElseThrow(() -> new ResourceNotFoundException(planId));
		if (!SipPlans.isSip(plan) || SipPhase.of(plan).isEmpty()) {
			throw Refusal.create().issue(IssueType.NOTSUPPORTED, "Planen är inte en SIP.",
					planId.getValue() + " is not a SIP.", "CarePlan.category").unprocessable();
		}
		return plan;
	}

	/** The initiator is the caller's organisation or one of its PractitionerRoles (R15). */
	private void requireOwnInitiator(String callerOrganization, Reference initiator, RequestDetails request) {
		if (!callerOrganization.equals(plans.organizationOf(initiator, request))) {
			throw Refusal.create().issue(IssueType.FORBIDDEN, SipRule.R15.coding(),
					"Den som tar initiativet ska höra till din egen verksamhet.",
					"The initiator " + initiator.getReference() + " is not of the caller's organisation " + callerOrganization + ".",
					"Parameters.parameter.where(name = 'initiator')").forbidden();
		}
	}

	private static void requireReference(Reference ref, String name, String type, String swedishName) {
		boolean ok = ref != null && ref.hasReference()
				&& (type == null || type.equals(ref.getReferenceElement().getResourceType()));
		if (!ok) {
			throw Refusal.create().issue(IssueType.REQUIRED,
					"Ange " + swedishName + " som en referens" + (type == null ? "" : " till " + type) + ".",
					"Parameter '" + name + "' must be a reference" + (type == null ? "" : " to a " + type) + ".",
					"Parameters.parameter.where(name = '" + name + "')").invalidRequest();
		}
	}
}
