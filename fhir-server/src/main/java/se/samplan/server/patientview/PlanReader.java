package se.samplan.server.patientview;

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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the person's view of a plan shows, through the {@link PlanRepository}: past access control, as the
 * caller's right to the plan was checked before the operation ran, and the view shows the plan as a whole.
 */
@Component
class PlanReader {

	private final PlanRepository plans;

	PlanReader(PlanRepository plans) {
		this.plans = plans;
	}

	PlanForPerson read(IdType planId) {
		String planRef = "CarePlan/" + planId.getIdPart();
		CarePlan plan = plans.read(planRef, null).map(CarePlan.class::cast)
				.orElseThrow(() -> new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException(planId));
		Map<String, Resource> referenced = new LinkedHashMap<>();
		Patient patient = (Patient) resolve(plan.getSubject(), referenced).orElse(null);
		resolve(plan.getAuthor(), referenced); // the document's author while no one holds overall responsibility
		List<Goal> goals = new ArrayList<>();
		plan.getGoal().forEach(g -> resolve(g, referenced).ifPresent(r -> goals.add((Goal) r)));
		CareTeam team = plan.hasCareTeam() ? (CareTeam) resolve(plan.getCareTeamFirstRep(), referenced).orElse(null) : null;
		if (team != null) {
			team.getParticipant().forEach(p -> {
				resolve(p.getMember(), referenced);
				resolve(p.getOnBehalfOf(), referenced);
			});
		}
		plan.getActivity().forEach(a -> a.getDetail().getPerformer().forEach(p -> resolve(p, referenced)));
		Reference overall = SipPlans.overallResponsibility(plan);
		Organization responsible = overall == null ? null : (Organization) resolve(overall, referenced).orElse(null);

		Date now = new Date();
		List<Appointment> coming = plans.meetings(planRef, null).stream()
				.filter(a -> a.getStatus() != Appointment.AppointmentStatus.CANCELLED)
				.filter(a -> a.hasStart() && !a.getStart().before(now))
				.sorted(Comparator.comparing(Appointment::getStart))
				.toList();
		coming.forEach(a -> a.getParticipant().forEach(p -> resolve(p.getActor(), referenced)));

		Consent consent = plans.consents(planRef, null).stream()
				.max(Comparator.comparing((Consent c) -> c.getStatus() == Consent.ConsentState.ACTIVE)
						.thenComparing(c -> c.getDateTime() == null ? new Date(0) : c.getDateTime())).orElse(null);
		if (consent != null) {
			consent.getProvision().getActor().forEach(a -> resolve(a.getReference(), referenced));
		}
		return new PlanForPerson(plan, patient, goals, team, responsible, coming, consent, referenced);
	}

	/** The resource a reference points at, remembered with the organisation of a PractitionerRole. */
	private Optional<Resource> resolve(Reference reference, Map<String, Resource> referenced) {
		String key = plans.key(reference, null);
		if (key == null) {
			return Optional.empty();
		}
		if (referenced.containsKey(key)) {
			return Optional.of(referenced.get(key));
		}
		Optional<Resource> found = plans.read(key, null);
		found.ifPresent(r -> {
			referenced.put(key, r);
			if (r instanceof PractitionerRole role) {
				resolve(role.getOrganization(), referenced);
			}
		});
		return found;
	}
}
