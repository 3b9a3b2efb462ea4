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
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.OperationProvider;
import se.samplan.server.outcome.Refusal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * {@code POST [base]/Task/[id]/$sip-respond} (R5): the invited organisation accepts or declines. A decline
 * needs a reason and is recorded as a deviation (R12); an accepting organisation may name who attends,
 * who then joins the meeting and the plan's care team. Only the invited organisation answers (403).
 * Returns the changed resources, the invitation first, as a collection Bundle.
 */
@Component
public class SipRespondOperation implements OperationProvider {

	private final Callers callers;

	private static final Set<Task.TaskStatus> OPEN = Set.of(Task.TaskStatus.REQUESTED, Task.TaskStatus.RECEIVED);

	private final DaoRegistry daoRegistry;
	private final IHapiTransactionService transactions;
	private final Deviations deviations;
	private final CareTeams careTeams;
	private final RuleSwitch ruleSwitch;

	SipRespondOperation(DaoRegistry daoRegistry, IHapiTransactionService transactions, Deviations deviations,
			CareTeams careTeams, Callers callers, RuleSwitch ruleSwitch) {
		this.ruleSwitch = ruleSwitch;
		this.callers = callers;
		this.daoRegistry = daoRegistry;
		this.transactions = transactions;
		this.deviations = deviations;
		this.careTeams = careTeams;
	}

	@Operation(name = "$sip-respond", type = Task.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-respond")
	public Bundle respond(@IdParam IdType id,
			@OperationParam(name = "answer", min = 1, max = 1) CodeType answer,
			@OperationParam(name = "reason", max = 1) StringType reason,
			@OperationParam(name = "attendee", max = 1) Reference attendee,
			RequestDetails request) {
		String code = answer == null ? null : answer.getValue();
		if (!"accept".equals(code) && !"decline".equals(code)) {
			throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R5.coding(), "Svara accept eller decline.",
					"Parameter 'answer' must be accept or decline (R5).",
					"Parameters.parameter.where(name = 'answer')").invalidRequest();
		}
		boolean decline = "decline".equals(code);
		if (decline && ruleSwitch.holds(SipRule.R5) && (reason == null || !reason.hasValue() || reason.getValue().isBlank())) {
			throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R5.coding(),
					"Den som avböjer en kallelse till SIP-möte måste ange skälet.",
					"Declining an invitation needs a 'reason' (R5).",
					"Parameters.parameter.where(name = 'reason')").unprocessable();
		}
		return transactions.withRequest(request).execute(() -> {
			Task task = daoRegistry.getResourceDao(Task.class).read(id.toUnqualifiedVersionless(), request);
			String owner = task.getOwner().getReference();
			if (!task.getCode().hasCoding(InvitationAnswerRule.TASK_TYPE_SYSTEM, "invitation")) {
				throw Refusal.create().issue(IssueType.NOTSUPPORTED, "Uppgiften är inte en kallelse till SIP-möte.",
						"Task/" + id.getIdPart() + " is not a SIP invitation.", "Task.code").unprocessable();
			}
			callers.organizationOf(request).filter(caller -> ruleSwitch.holds(SipRule.R5) && !caller.equals(owner)).ifPresent(caller -> {
				throw Refusal.create().issue(IssueType.FORBIDDEN, SipRule.R5.coding(),
						"Bara den kallade verksamheten (" + owner + ") kan svara på kallelsen.",
						caller + " cannot answer an invitation owned by " + owner + " (R5).", "Task.owner").forbidden();
			});
			if (!OPEN.contains(task.getStatus())) {
				throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R5.coding(),
						"Kallelsen är redan besvarad eller inställd.",
						"Task/" + id.getIdPart() + " is " + task.getStatus().toCode() + ", not open for an answer (R5).",
						"Task.status").unprocessable();
			}
			List<Resource> changed = new ArrayList<>();
			String planRef = task.getBasedOnFirstRep().getReference();
			task.setLastModified(new Date());
			if (decline) {
				task.setStatus(Task.TaskStatus.REJECTED);
				task.getStatusReason().setText(reason.getValue());
				changed.add((Resource) daoRegistry.getResourceDao(Task.class).update(task, request).getResource());
				changed.add(deviations.record("invitation-declined", task.getFor().getReference(),
						List.of("Task/" + task.getIdPart(), owner, planRef),
						owner + " avböjde kallelsen till SIP-möte: " + reason.getValue(), request));
			} else {
				task.setStatus(Task.TaskStatus.ACCEPTED);
				changed.add((Resource) daoRegistry.getResourceDao(Task.class).update(task, request).getResource());
				if (attendee != null && attendee.hasReference()) {
					changed.addAll(addAttendee(task, planRef, attendee.getReference(), request));
				}
			}
			return Changes.bundle(changed, request);
		});
	}

	private List<Resource> addAttendee(Task task, String planRef, String attendee, RequestDetails request) {
		List<Resource> changed = new ArrayList<>();
		Appointment meeting = daoRegistry.getResourceDao(Appointment.class)
				.read(task.getFocus().getReferenceElement().toUnqualifiedVersionless(), request);
		if (meeting.getParticipant().stream().noneMatch(p -> attendee.equals(p.getActor().getReference()))) {
			meeting.addParticipant().setActor(new Reference(attendee)).setStatus(Appointment.ParticipationStatus.ACCEPTED);
			changed.add((Resource) daoRegistry.getResourceDao(Appointment.class).update(meeting, request).getResource());
		}
		CarePlan plan = daoRegistry.getResourceDao(CarePlan.class).read(new IdType(planRef), request);
		changed.addAll(careTeams.addMember(plan, attendee, "principal-representative", request));
		return changed;
	}
}
