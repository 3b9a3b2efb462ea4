package se.samplan.server.patientview;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Everything the person's view of one plan shows, read from the store: the plan and the person, the goals,
 * the care team, the organisation holding overall responsibility, the coming meetings, the consent, and
 * the organisations and roles these refer to (by {@code Type/id}).
 */
record PlanForPerson(CarePlan plan, Patient patient, List<Goal> goals, CareTeam careTeam, Organization responsible,
		List<Appointment> comingMeetings, Consent consent, Map<String, Resource> referenced) {

	/** Every resource the view is made of, the plan and the person first. */
	Collection<Resource> resources() {
		java.util.LinkedHashMap<String, Resource> all = new java.util.LinkedHashMap<>();
		add(all, plan);
		add(all, patient);
		goals.forEach(g -> add(all, g));
		add(all, careTeam);
		comingMeetings.forEach(m -> add(all, m));
		add(all, consent);
		referenced.values().forEach(r -> add(all, r));
		return all.values();
	}

	private static void add(Map<String, Resource> all, Resource r) {
		if (r != null) {
			all.putIfAbsent(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
		}
	}
}
