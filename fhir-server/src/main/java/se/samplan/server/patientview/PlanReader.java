package se.samplan.server.patientview;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the person's view of a plan shows. Reads go past access control: the caller's right to the
 * plan was checked before the operation ran, and the view shows the plan as a whole.
 */
@Component
class PlanReader {

	static final String OVERALL_RESPONSIBILITY = SipPackage.structureDefinition("sip-overall-responsibility");

	private final DaoRegistry daoRegistry;

	PlanReader(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	PlanForPerson read(IdType planId) {
		CarePlan plan = daoRegistry.getResourceDao(CarePlan.class).read(planId.toUnqualifiedVersionless(), new SystemRequestDetails());
		Map<String, Resource> referenced = new LinkedHashMap<>();
		Patient patient = (Patient) resolve(plan.getSubject(), referenced).orElse(null);
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
		Extension overall = plan.getExtensionByUrl(OVERALL_RESPONSIBILITY);
		Organization responsible = overall == null ? null
				: (Organization) resolve((Reference) overall.getValue(), referenced).orElse(null);

		String planRef = "CarePlan/" + plan.getIdElement().getIdPart();
		SearchParameterMap meetings = SearchParameterMap.newSynchronous(Appointment.SP_SUPPORTING_INFO, new ReferenceParam(planRef));
		meetings.add(Appointment.SP_DATE, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, new Date()));
		meetings.setSort(new SortSpec(Appointment.SP_DATE));
		List<Appointment> coming = search(Appointment.class, meetings).stream()
				.filter(a -> a.getStatus() != Appointment.AppointmentStatus.CANCELLED).toList();
		coming.forEach(a -> a.getParticipant().forEach(p -> resolve(p.getActor(), referenced)));

		Consent consent = search(Consent.class, SearchParameterMap.newSynchronous(Consent.SP_DATA, new ReferenceParam(planRef)))
				.stream().max(Comparator.comparing((Consent c) -> c.getStatus() == Consent.ConsentState.ACTIVE)
						.thenComparing(c -> c.getDateTime() == null ? new Date(0) : c.getDateTime())).orElse(null);
		if (consent != null) {
			consent.getProvision().getActor().forEach(a -> resolve(a.getReference(), referenced));
		}
		return new PlanForPerson(plan, patient, goals, team, responsible, coming, consent, referenced);
	}

	/** The resource a reference points at, remembered with the organisation of a PractitionerRole. */
	private Optional<Resource> resolve(Reference reference, Map<String, Resource> referenced) {
		if (reference == null || !reference.hasReference()) {
			return Optional.empty();
		}
		IdType id = new IdType(reference.getReference()).toUnqualifiedVersionless();
		if (!id.hasResourceType() || !id.hasIdPart()) {
			return Optional.empty();
		}
		String key = id.getResourceType() + "/" + id.getIdPart();
		if (referenced.containsKey(key)) {
			return Optional.of(referenced.get(key));
		}
		try {
			Resource r = (Resource) daoRegistry.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails());
			referenced.put(key, r);
			if (r instanceof PractitionerRole role) {
				resolve(role.getOrganization(), referenced);
			}
			return Optional.of(r);
		} catch (BaseServerResponseException | IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private <T extends Resource> List<T> search(Class<T> type, SearchParameterMap map) {
		return daoRegistry.getResourceDao(type).search(map, new SystemRequestDetails()).getAllResources()
				.stream().map(type::cast).toList();
	}
}
