package se.samplan.server.access;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.AppointmentResponse;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How a resource hangs together with SIP plans: the plans it belongs to, the person it is about, and the
 * organisations taking part in a plan (initiator, invited, care-team member, activity performer, overall
 * responsibility). Reads go past access control: they decide it.
 */
@Component
public class PlanLinks {

	static final String INITIATIVE = SipPackage.structureDefinition("sip-initiative");
	static final String OVERALL_RESPONSIBILITY = SipPackage.structureDefinition("sip-overall-responsibility");

	private final DaoRegistry daoRegistry;

	PlanLinks(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	/** The plans ({@code CarePlan/<id>}) a resource belongs to; empty for one not (yet) linked to a plan. */
	List<String> plansOf(IBaseResource resource, RequestCache cache) {
		if (resource instanceof CarePlan p) {
			return p.getIdElement().hasIdPart() ? List.of(ref(p)) : List.of();
		} else if (resource instanceof Task t) {
			return planRefs(t.getBasedOn().stream());
		} else if (resource instanceof Appointment a) {
			return planRefs(a.getSupportingInformation().stream());
		} else if (resource instanceof Consent c) {
			return planRefs(c.getProvision().getData().stream().map(Consent.provisionDataComponent::getReference));
		} else if (resource instanceof DetectedIssue d) {
			return planRefs(d.getImplicated().stream());
		} else if (resource instanceof Goal g) {
			return plansReferencing(CarePlan.SP_GOAL, ref(g), cache);
		} else if (resource instanceof CareTeam t) {
			return plansReferencing(CarePlan.SP_CARE_TEAM, ref(t), cache);
		} else if (resource instanceof Patient p) {
			return plansReferencing(CarePlan.SP_SUBJECT, ref(p), cache);
		} else if (resource instanceof RelatedPerson r) {
			return plansReferencing(CarePlan.SP_SUBJECT, reference(r.getPatient()), cache);
		} else if (resource instanceof AppointmentResponse r) {
			return read(reference(r.getAppointment()), cache).map(a -> plansOf(a, cache)).orElse(List.of());
		} else if (resource instanceof Provenance p) {
			List<String> plans = new ArrayList<>();
			for (Reference target : p.getTarget()) {
				read(reference(target), cache).ifPresent(r -> plans.addAll(plansOf(r, cache)));
			}
			return plans;
		}
		return List.of();
	}

	/** The person ({@code Patient/<id>}) a resource is about, or null. */
	public static String patientOf(IBaseResource resource) {
		if (resource instanceof Patient p) {
			return ref(p);
		} else if (resource instanceof RelatedPerson r) {
			return reference(r.getPatient());
		} else if (resource instanceof CarePlan p) {
			return reference(p.getSubject());
		} else if (resource instanceof Goal g) {
			return reference(g.getSubject());
		} else if (resource instanceof CareTeam t) {
			return reference(t.getSubject());
		} else if (resource instanceof Consent c) {
			return reference(c.getPatient());
		} else if (resource instanceof Task t) {
			return reference(t.getFor());
		} else if (resource instanceof DetectedIssue d) {
			return reference(d.getPatient());
		} else if (resource instanceof Appointment a) {
			return a.getParticipant().stream().map(p -> reference(p.getActor()))
					.filter(r -> r != null && r.startsWith("Patient/")).findFirst().orElse(null);
		} else if (resource instanceof AppointmentResponse r) {
			String actor = reference(r.getActor());
			return actor != null && actor.startsWith("Patient/") ? actor : null;
		}
		return null;
	}

	/** The people ({@code Patient/<id>}) an AuditEvent is about. */
	static Set<String> patientsOf(AuditEvent event) {
		Set<String> patients = new LinkedHashSet<>();
		event.getEntity().forEach(e -> {
			String what = reference(e.getWhat());
			if (what != null && what.startsWith("Patient/")) {
				patients.add(what);
			}
		});
		return patients;
	}

	/** The organisations taking part in a plan. */
	Set<String> parties(CarePlan plan, RequestCache cache) {
		List<Reference> refs = new ArrayList<>();
		Extension initiative = plan.getExtensionByUrl(INITIATIVE);
		if (initiative != null && initiative.getExtensionByUrl("initiatedBy") != null) {
			refs.add((Reference) initiative.getExtensionByUrl("initiatedBy").getValue());
		}
		refs.add(plan.getAuthor());
		if (plan.getExtensionByUrl(OVERALL_RESPONSIBILITY) != null) {
			refs.add((Reference) plan.getExtensionByUrl(OVERALL_RESPONSIBILITY).getValue());
		}
		plan.getActivity().forEach(a -> refs.addAll(a.getDetail().getPerformer()));
		for (Reference teamRef : plan.getCareTeam()) {
			read(reference(teamRef), cache).map(CareTeam.class::cast).ifPresent(team -> {
				refs.add(team.getManagingOrganizationFirstRep());
				team.getParticipant().forEach(p -> {
					refs.add(p.getMember());
					refs.add(p.getOnBehalfOf());
				});
			});
		}
		if (plan.getIdElement().hasIdPart()) {
			for (IBaseResource t : search("Task", Task.SP_BASED_ON, ref(plan), cache)) {
				refs.add(((Task) t).getOwner());
				refs.add(((Task) t).getRequester());
			}
		}
		Set<String> organizations = new LinkedHashSet<>();
		for (Reference r : refs) {
			String organization = organizationOf(reference(r), cache);
			if (organization != null) {
				organizations.add(organization);
			}
		}
		return organizations;
	}

	/** The organisation behind an Organization or PractitionerRole reference, else null. */
	String organizationOf(String reference, RequestCache cache) {
		if (reference == null) {
			return null;
		}
		if (reference.startsWith("Organization/")) {
			return reference;
		}
		if (reference.startsWith("PractitionerRole/")) {
			return read(reference, cache).map(r -> reference(((PractitionerRole) r).getOrganization())).orElse(null);
		}
		return null;
	}

	/** The organisation holding overall responsibility, or else the initiator's. */
	String responsibleOrganization(CarePlan plan, RequestCache cache) {
		Extension overall = plan.getExtensionByUrl(OVERALL_RESPONSIBILITY);
		if (overall != null) {
			return organizationOf(reference((Reference) overall.getValue()), cache);
		}
		Extension initiative = plan.getExtensionByUrl(INITIATIVE);
		Extension by = initiative == null ? null : initiative.getExtensionByUrl("initiatedBy");
		return by == null ? null : organizationOf(reference((Reference) by.getValue()), cache);
	}

	/** Every Consent linked to the plan, whatever its status. */
	List<Consent> consents(String plan, RequestCache cache) {
		return search("Consent", Consent.SP_DATA, plan, cache).stream().map(Consent.class::cast).toList();
	}

	/** The SIP and other plans of a person. */
	List<CarePlan> plansOfPatient(String patient, RequestCache cache) {
		return search("CarePlan", CarePlan.SP_SUBJECT, patient, cache).stream().map(CarePlan.class::cast).toList();
	}

	java.util.Optional<IBaseResource> read(String reference, RequestCache cache) {
		if (reference == null || !reference.contains("/")) {
			return java.util.Optional.empty();
		}
		return cache.get("read " + reference, key -> {
			IdType id = new IdType(reference);
			try {
				return java.util.Optional.of(daoRegistry.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails()));
			} catch (BaseServerResponseException | IllegalArgumentException e) {
				return java.util.Optional.empty();
			}
		});
	}

	private List<String> plansReferencing(String parameter, String target, RequestCache cache) {
		return search("CarePlan", parameter, target, cache).stream().map(r -> ref((Resource) r)).toList();
	}

	private List<IBaseResource> search(String type, String parameter, String target, RequestCache cache) {
		if (target == null) {
			return List.of();
		}
		return cache.get("search " + type + "?" + parameter + "=" + target, key -> daoRegistry.getResourceDao(type)
				.search(SearchParameterMap.newSynchronous(parameter, new ReferenceParam(target)), new SystemRequestDetails())
				.getAllResources());
	}

	private static List<String> planRefs(Stream<Reference> refs) {
		return refs.map(PlanLinks::reference).filter(r -> r != null && r.startsWith("CarePlan/")).distinct().toList();
	}

	static String ref(Resource resource) {
		return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
	}

	/** {@code Type/id} of a reference, without base URL or version; null when it has none. */
	static String reference(Reference reference) {
		if (reference == null || !reference.hasReference()) {
			return null;
		}
		IdType id = new IdType(reference.getReference());
		return id.hasResourceType() && id.hasIdPart() ? id.getResourceType() + "/" + id.getIdPart() : null;
	}
}
