package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.server.validation.SipCarePlan;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * What the rules need to look up in the store. Reads go past access control on purpose: a rule must see
 * every plan of a person, whoever asks.
 */
@Component
public class SipRecords {

	/** National care-plan type of a samordnad vårdplan under LPT/LRV (ÖPT, ÖRV). */
	static final String COORDINATED_CARE_PLAN_TYPE = "SPLPTLRV";
	static final String ROLE_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

	private final DaoRegistry daoRegistry;

	SipRecords(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	/** The person's SIPs that are not closed. */
	public List<CarePlan> openSips(String patientReference) {
		return carePlans(patientReference, "SIP", "draft", "active", "on-hold");
	}

	/** The person's active plans of national type SPLPTLRV. */
	public List<CarePlan> activeCoordinatedCarePlans(String patientReference) {
		return carePlans(patientReference, COORDINATED_CARE_PLAN_TYPE, "active");
	}

	/** The active consents linked to a plan ({@code Consent.provision.data}) whose period has not ended. */
	public List<Consent> activeConsents(String planReference) {
		SearchParameterMap map = SearchParameterMap.newSynchronous(Consent.SP_DATA, new ReferenceParam(planReference));
		map.add(Consent.SP_STATUS, new TokenParam("active"));
		Date now = new Date();
		return daoRegistry.getResourceDao(Consent.class).search(map, new SystemRequestDetails()).getAllResources()
				.stream().map(Consent.class::cast)
				.filter(c -> !c.getProvision().getPeriod().hasEnd() || c.getProvision().getPeriod().getEnd().after(now))
				.toList();
	}

	/** The organisations the plan's active consents let share information (provision.actor). */
	public Set<String> consentedOrganizations(String planReference) {
		Set<String> organizations = new HashSet<>();
		for (Consent c : activeConsents(planReference)) {
			c.getProvision().getActor().forEach(a -> organizations.add(a.getReference().getReference()));
		}
		return organizations;
	}

	/** The person's registered guardians (vårdnadshavare): active RelatedPersons with relationship GUARD. */
	public List<RelatedPerson> guardians(String patientReference) {
		SearchParameterMap map = SearchParameterMap.newSynchronous(RelatedPerson.SP_PATIENT, new ReferenceParam(patientReference));
		map.add(RelatedPerson.SP_RELATIONSHIP, new TokenParam(ROLE_CODE_SYSTEM, "GUARD"));
		return daoRegistry.getResourceDao(RelatedPerson.class).search(map, new SystemRequestDetails()).getAllResources()
				.stream().map(RelatedPerson.class::cast).filter(r -> !r.hasActive() || r.getActive()).toList();
	}

	/** The Patient a reference points at, if it exists. */
	public Optional<Patient> patient(Reference reference) {
		return read(Patient.class, reference);
	}

	/** The Organization a reference points at, if it exists. */
	public Optional<Organization> organization(Reference reference) {
		return read(Organization.class, reference);
	}

	/** The PractitionerRole a reference points at, if it exists. */
	public Optional<PractitionerRole> practitionerRole(Reference reference) {
		return read(PractitionerRole.class, reference);
	}

	/** The CarePlan a reference points at, if it exists. */
	public Optional<CarePlan> carePlan(Reference reference) {
		return read(CarePlan.class, reference);
	}

	private <T extends Resource> Optional<T> read(Class<T> type, Reference reference) {
		if (reference == null || !reference.hasReference() || !reference.getReferenceElement().hasIdPart()
				|| !type.getSimpleName().equals(reference.getReferenceElement().getResourceType())) {
			return Optional.empty();
		}
		try {
			return Optional.of(daoRegistry.getResourceDao(type).read(
					reference.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails()));
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return Optional.empty();
		}
	}

	private List<CarePlan> carePlans(String patientReference, String type, String... statuses) {
		SearchParameterMap map = SearchParameterMap.newSynchronous();
		map.add(CarePlan.SP_SUBJECT, new ReferenceParam(patientReference));
		map.add(CarePlan.SP_CATEGORY, new TokenParam(SipCarePlan.CARE_PLAN_TYPE_SYSTEM, type));
		TokenOrListParam status = new TokenOrListParam();
		for (String s : statuses) {
			status.add(new TokenParam(s));
		}
		map.add(CarePlan.SP_STATUS, status);
		return dao().search(map, new SystemRequestDetails()).getAllResources().stream()
				.map(CarePlan.class::cast).toList();
	}

	private IFhirResourceDao<CarePlan> dao() {
		return daoRegistry.getResourceDao(CarePlan.class);
	}
}
