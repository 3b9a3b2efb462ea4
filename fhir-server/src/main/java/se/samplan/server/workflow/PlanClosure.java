package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.validation.SipCarePlan;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Closing a SIP (R10, avslut), for {@code $sip-close} and {@code $sip-withdraw-consent}: records why and
 * when, cancels the open invitations and future meetings, makes the care team inactive, and closes the
 * plan: status completed, or revoked when it was never active or the consent was withdrawn.
 */
@Component
public class PlanClosure {

	static final String CLOSURE = SipPackage.structureDefinition("sip-closure");
	static final String CLOSURE_REASON_SYSTEM = SipPackage.codeSystem("sip-closure-reason");

	private final DaoRegistry daoRegistry;

	PlanClosure(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	/** Closes the plan in the caller's transaction; returns what changed, the plan first. */
	public List<Resource> close(CarePlan plan, Coding reason, String note, DateTimeType date, RequestDetails request) {
		if (!SipCarePlan.isSip(plan)) {
			throw Refusal.create().issue(IssueType.NOTSUPPORTED, "Planen är inte en SIP.",
					"CarePlan/" + plan.getIdPart() + " is not a SIP: only SIP CarePlans are closed this way.",
					"CarePlan.category").unprocessable();
		}
		List<Resource> changed = new ArrayList<>();
		String planRef = "CarePlan/" + plan.getIdPart();
		changed.addAll(cancelOpenInvitations(planRef, request));
		changed.addAll(cancelFutureMeetings(planRef, request));
		changed.addAll(inactivateCareTeams(plan, request));

		boolean revoked = SipPhase.of(plan).map(p -> p != SipPhase.ACTIVE).orElse(true)
				|| "consent-withdrawn".equals(reason.getCode());
		SipPhase.CLOSED.applyTo(plan, revoked);
		plan.getExtension().removeIf(e -> CLOSURE.equals(e.getUrl()));
		Extension closure = plan.addExtension().setUrl(CLOSURE);
		closure.addExtension("reason", reason);
		closure.addExtension("date", date != null ? date : new DateTimeType(new Date()));
		if (note != null && !note.isBlank()) {
			closure.addExtension("note", new StringType(note));
		}
		plan.getPeriod().setEndElement(new DateTimeType(new Date()));
		changed.add(0, (Resource) daoRegistry.getResourceDao(CarePlan.class).update(plan, request).getResource());
		return changed;
	}

	private List<Resource> cancelOpenInvitations(String planRef, RequestDetails request) {
		SearchParameterMap open = SearchParameterMap.newSynchronous(Task.SP_BASED_ON, new ReferenceParam(planRef));
		open.add(Task.SP_STATUS, new TokenOrListParam(null, "draft", "requested", "received", "accepted", "ready",
				"in-progress", "on-hold"));
		return updateEach(Task.class, open, request, task -> true, task -> {
			task.setStatus(Task.TaskStatus.CANCELLED);
			task.getStatusReason().setText("SIP avslutad");
		});
	}

	private List<Resource> cancelFutureMeetings(String planRef, RequestDetails request) {
		SearchParameterMap coming = SearchParameterMap.newSynchronous("sip-care-plan", new ReferenceParam(planRef));
		coming.add(Appointment.SP_STATUS, new TokenOrListParam(null, "proposed", "pending", "booked"));
		Date now = new Date();
		return updateEach(Appointment.class, coming, request, meeting -> !meeting.hasStart() || !meeting.getStart().before(now),
				meeting -> {
					meeting.setStatus(Appointment.AppointmentStatus.CANCELLED);
					meeting.getCancelationReason().setText("SIP avslutad");
				});
	}

	private <T extends Resource> List<Resource> updateEach(Class<T> type, SearchParameterMap search,
			RequestDetails request, Predicate<T> when, Consumer<T> change) {
		IFhirResourceDao<T> dao = daoRegistry.getResourceDao(type);
		List<Resource> changed = new ArrayList<>();
		for (var found : dao.search(search, request).getAllResources()) {
			T resource = type.cast(found);
			if (when.test(resource)) {
				change.accept(resource);
				changed.add((Resource) dao.update(resource, request).getResource());
			}
		}
		return changed;
	}

	private List<Resource> inactivateCareTeams(CarePlan plan, RequestDetails request) {
		IFhirResourceDao<CareTeam> dao = daoRegistry.getResourceDao(CareTeam.class);
		List<Resource> changed = new ArrayList<>();
		for (Reference ref : plan.getCareTeam()) {
			CareTeam team = dao.read(ref.getReferenceElement().toUnqualifiedVersionless(), request);
			if (team.getStatus() != CareTeam.CareTeamStatus.INACTIVE) {
				team.setStatus(CareTeam.CareTeamStatus.INACTIVE);
				changed.add((Resource) dao.update(team, request).getResource());
			}
		}
		return changed;
	}

}
