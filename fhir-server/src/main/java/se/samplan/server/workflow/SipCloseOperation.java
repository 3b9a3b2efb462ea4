package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.OperationProvider;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.validation.SipCarePlan;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code POST [base]/CarePlan/[id]/$sip-close} (R10, avslut): records why and when the plan closes,
 * cancels its open invitations and future meetings, makes its care team inactive, and closes the plan:
 * status completed, or revoked when it was never active or the consent was withdrawn. All in one
 * transaction; returns the changed resources, the plan first, as a collection Bundle.
 */
@Component
public class SipCloseOperation implements OperationProvider {

	static final String CLOSURE = SipPackage.structureDefinition("sip-closure");
	static final String CLOSURE_REASON_SYSTEM = SipPackage.codeSystem("sip-closure-reason");

	private final DaoRegistry daoRegistry;
	private final IHapiTransactionService transactions;

	SipCloseOperation(DaoRegistry daoRegistry, IHapiTransactionService transactions) {
		this.daoRegistry = daoRegistry;
		this.transactions = transactions;
	}

	@Operation(name = "$sip-close", type = CarePlan.class, idempotent = false,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-close")
	public Bundle close(@IdParam IdType id,
			@OperationParam(name = "reason", min = 1, max = 1) Coding reason,
			@OperationParam(name = "note", max = 1) StringType note,
			@OperationParam(name = "date", max = 1) DateTimeType date,
			RequestDetails request) {
		if (reason == null || !CLOSURE_REASON_SYSTEM.equals(reason.getSystem()) || !reason.hasCode()) {
			throw Refusal.create().issue(IssueType.REQUIRED, SipRule.R10.coding(),
					"Ange orsaken till att planen avslutas.",
					"Parameter 'reason' must be a Coding from " + CLOSURE_REASON_SYSTEM + " (R10).",
					"Parameters.parameter.where(name = 'reason')").invalidRequest();
		}
		return transactions.withRequest(request).execute(() -> {
			CarePlan plan = carePlans().read(id.toUnqualifiedVersionless(), request);
			if (!SipCarePlan.isSip(plan)) {
				throw Refusal.create().issue(IssueType.NOTSUPPORTED, "Planen är inte en SIP.",
						"CarePlan/" + id.getIdPart() + " is not a SIP: $sip-close applies to SIP CarePlans only.",
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
			closure.addExtension("date", date != null && date.hasValue() ? date : new DateTimeType(new Date()));
			if (note != null && note.hasValue()) {
				closure.addExtension("note", note);
			}
			plan.getPeriod().setEndElement(new DateTimeType(new Date()));
			changed.add(0, (Resource) carePlans().update(plan, request).getResource());

			return Changes.bundle(changed);
		});
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

	private IFhirResourceDao<CarePlan> carePlans() {
		return daoRegistry.getResourceDao(CarePlan.class);
	}
}
