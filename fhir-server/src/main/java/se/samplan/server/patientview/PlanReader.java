package se.samplan.server.patientview;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipPlans;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the person's view of a plan shows, through the {@link PlanRepository}: past access control, as the
 * caller's right to the plan was checked before the operation ran, and the view shows the plan as a whole. The plan
 * and everything it shows come in one read of the plan's links ({@link PlanRepository#planAndWhatItShows}), the one
 * the access check of the caller's request made.
 */
@Component
class PlanReader {

	private final PlanRepository plans;
	private final Clock clock;

	PlanReader(PlanRepository plans, Clock clock) {
		this.plans = plans;
		this.clock = clock;
	}

	PlanForPerson read(IdType planId, RequestDetails caller) {
		SystemRequestDetails system = new SystemRequestDetails();
		String planRef = "CarePlan/" + planId.getIdPart();
		Map<String, Resource> found = new LinkedHashMap<>();
		plans.planAndWhatItShows(planRef, caller).forEach(r -> found.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r));
		if (!(found.get(planRef) instanceof CarePlan plan)) {
			throw new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException(planId);
		}
		Reference overall = SipPlans.overallResponsibility(plan);
		Map<String, Resource> referenced = new LinkedHashMap<>();
		Patient patient = (Patient) resolve(plan.getSubject(), found, referenced).orElse(null);
		// The document's author while no one holds overall responsibility; CarePlan.author is not searchable.
		if (resolve(plan.getAuthor(), found, referenced).isEmpty() && plan.getAuthor().hasReference()) {
			plans.read(plan.getAuthor(), system).ifPresent(author -> {
				found.put(plans.keyOf(author, system), author);
				resolve(plan.getAuthor(), found, referenced);
			});
		}
		List<Goal> goals = new ArrayList<>();
		plan.getGoal().forEach(g -> resolve(g, found, referenced).ifPresent(r -> goals.add((Goal) r)));
		CareTeam team = plan.hasCareTeam() ? (CareTeam) resolve(plan.getCareTeamFirstRep(), found, referenced).orElse(null) : null;
		if (team != null) {
			team.getParticipant().forEach(p -> {
				resolve(p.getMember(), found, referenced);
				resolve(p.getOnBehalfOf(), found, referenced);
			});
		}
		plan.getActivity().forEach(a -> a.getDetail().getPerformer().forEach(p -> resolve(p, found, referenced)));
		Organization responsible = overall == null ? null : (Organization) resolve(overall, found, referenced).orElse(null);

		Date now = Date.from(clock.instant());
		List<Appointment> coming = found.values().stream().filter(Appointment.class::isInstance).map(Appointment.class::cast)
				.filter(a -> a.getSupportingInformation().stream().anyMatch(s -> planRef.equals(plans.key(s, system))))
				.filter(a -> a.getStatus() != Appointment.AppointmentStatus.CANCELLED)
				.filter(a -> a.hasStart() && !a.getStart().before(now))
				.sorted(Comparator.comparing(Appointment::getStart))
				.toList();
		coming.forEach(a -> a.getParticipant().forEach(p -> resolve(p.getActor(), found, referenced)));

		Consent consent = found.values().stream().filter(Consent.class::isInstance).map(Consent.class::cast)
				.max(Comparator.comparing((Consent c) -> c.getStatus() == Consent.ConsentState.ACTIVE)
						.thenComparing(c -> c.getDateTime() == null ? new Date(0) : c.getDateTime())).orElse(null);
		if (consent != null) {
			consent.getProvision().getActor().forEach(a -> resolve(a.getReference(), found, referenced));
		}
		return new PlanForPerson(plan, patient, goals, team, responsible, coming, consent, referenced);
	}

	/** The resource a reference points at among those found, remembered with the organisation of a PractitionerRole. */
	private Optional<Resource> resolve(Reference reference, Map<String, Resource> found, Map<String, Resource> referenced) {
		String key = reference == null ? null : plans.key(reference, null);
		Resource r = key == null ? null : found.get(key);
		if (r != null && referenced.putIfAbsent(key, r) == null && r instanceof PractitionerRole role) {
			resolve(role.getOrganization(), found, referenced);
		}
		return Optional.ofNullable(r);
	}
}
