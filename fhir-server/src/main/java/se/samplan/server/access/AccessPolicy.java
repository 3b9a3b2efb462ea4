package se.samplan.server.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AppointmentResponse;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.workflow.RuleSwitch;
import se.samplan.server.workflow.SipRule;
import se.samplan.server.workflow.WorkflowSettings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The "who sees what" table of access.md (R13, R15), for one resource at a time: staff and backend
 * clients see a plan and what is linked to it while their organisation takes part in it and, once consent
 * is given, the consent names the organisation; the person sees their own plans from 16; a guardian a
 * child's plans until 13, or 13–15 where the plan grants guardian access, never a child with protected
 * identity; plans held back from the person ({@code sip-approved-for-patient} false, or within the
 * configured delay) are not shown to the person or guardians; the operator sees everything. Directory and
 * conformance resources are open to every signed-in caller; other resource types only to the operator.
 */
@Component
public class AccessPolicy {

	/** Resources about no person: directory and conformance. */
	static final Set<String> OPEN_TYPES = Set.of("Organization", "PractitionerRole", "Practitioner", "Location",
			"HealthcareService", "Endpoint", "StructureDefinition", "ValueSet", "CodeSystem", "ConceptMap",
			"SearchParameter", "OperationDefinition", "CapabilityStatement", "ImplementationGuide", "NamingSystem");
	/** The personal data of a SIP. */
	static final Set<String> SIP_TYPES = Set.of("Patient", "RelatedPerson", "CarePlan", "CareTeam", "Goal",
			"Consent", "Appointment", "AppointmentResponse", "Task", "DetectedIssue", "Provenance");
	/** What the person and guardians see of a plan they may read. */
	private static final Set<String> PERSONAL_VIEW = Set.of("CarePlan", "CareTeam", "Goal", "Consent", "Appointment");

	static final String APPROVED_FOR_PATIENT = SipPackage.structureDefinition("sip-approved-for-patient");
	static final String GUARDIAN_ACCESS = SipPackage.structureDefinition("sip-guardian-access");
	static final String SECURITY_LABEL_SYSTEM = "http://hl7.se/fhir/ig/base/CodeSystem/SecurityLabel";
	static final Set<String> PROTECTED_IDENTITY = Set.of("sekretessmarkering", "skyddadFolkbokforing");
	/** The tag naming the organisation that registered a person not yet in any plan. */
	public static final String REGISTERED_BY = SipPackage.CANONICAL + "/registered-by";

	private final PlanLinks links;
	private final PlanFacts facts;
	private final WorkflowSettings settings;
	private final RuleSwitch ruleSwitch;

	AccessPolicy(PlanLinks links, PlanFacts facts, WorkflowSettings settings, RuleSwitch ruleSwitch) {
		this.links = links;
		this.facts = facts;
		this.settings = settings;
		this.ruleSwitch = ruleSwitch;
	}

	/** Directory and conformance resources, open to every signed-in caller. */
	public static boolean isOpenType(String type) {
		return OPEN_TYPES.contains(type);
	}

	/** The personal data of a SIP. */
	public static boolean isPersonalType(String type) {
		return SIP_TYPES.contains(type);
	}

	/** Whether the caller may see this resource (read, search result, include, history, operation output). */
	public boolean canRead(Caller caller, IBaseResource resource, RequestDetails request) {
		String type = resource.fhirType();
		if (caller.kind() == Caller.Kind.SYSTEM) {
			return true;
		}
		if (!caller.scopes().allowsReading(type)) {
			return false;
		}
		if (caller.kind() == Caller.Kind.OPERATOR || OPEN_TYPES.contains(type)) {
			return true;
		}
		RequestCache cache = RequestCache.of(request);
		if (resource instanceof AuditEvent event) {
			return caller.isPersonal() && PlanLinks.patientsOf(event).stream().anyMatch(personsOf(caller, cache)::contains);
		}
		if (!SIP_TYPES.contains(type)) {
			return false;
		}
		if (!ruleSwitch.holds(caller.actsForOrganization() ? SipRule.R15 : SipRule.R13)) {
			return true;
		}
		return caller.actsForOrganization()
				? organizationMaySee(caller.organization(), resource, cache)
				: personMaySee(caller, resource, cache);
	}

	/** Whether a stored plan is open to an organisation: it takes part, within the consent. */
	public boolean organizationMaySeePlan(String organization, CarePlan plan, RequestDetails request) {
		return organizationMaySeePlan(organization, plan, RequestCache.of(request));
	}

	/** Whether an organisation may store this plan: it takes part in it as written, within the stored consent. */
	boolean organizationMayWritePlan(String organization, CarePlan plan, RequestDetails request) {
		RequestCache cache = RequestCache.of(request);
		if (organization == null || !links.parties(plan, cache).contains(organization)) {
			return false;
		}
		return !plan.getIdElement().hasIdPart() || consentCovers(organization,
				links.consents(PlanLinks.ref(plan), cache).stream().map(PlanFacts::fact).toList(),
				links.responsibleOrganization(plan, cache));
	}

	/** The people whose data the person or guardian may read. */
	Set<String> personsOf(Caller caller, RequestDetails request) {
		return personsOf(caller, RequestCache.of(request));
	}

	/** The plans the person or guardian may read. */
	Set<String> personalPlans(Caller caller, RequestCache cache) {
		return cache.get("personal plans", k -> {
			Set<String> plans = new HashSet<>();
			String patient = personOf(caller, cache);
			Patient person = patient == null ? null : (Patient) links.read(patient, cache).orElse(null);
			if (person == null) {
				return plans;
			}
			int age = age(person);
			boolean own = caller.kind() == Caller.Kind.PERSON;
			for (CarePlan plan : links.plansOfPatient(patient, cache)) {
				boolean allowed = own ? age >= settings.getOwnAccessFromAge()
						: !isProtected(person) && (age < settings.getGuardianAccessUntilAge()
								|| age < settings.getOwnAccessFromAge() && flag(plan, GUARDIAN_ACCESS));
				if (allowed && released(plan)) {
					plans.add(PlanLinks.ref(plan));
				}
			}
			return plans;
		});
	}

	/** The people whose data the person or guardian may read: themself from 16, a child with a readable plan. */
	Set<String> personsOf(Caller caller, RequestCache cache) {
		return cache.get("persons", k -> {
			String patient = personOf(caller, cache);
			if (patient == null) {
				return Set.of();
			}
			boolean ownFromAge = caller.kind() == Caller.Kind.PERSON && links.read(patient, cache)
					.map(p -> age((Patient) p) >= settings.getOwnAccessFromAge()).orElse(false);
			return ownFromAge || !personalPlans(caller, cache).isEmpty() ? Set.of(patient) : Set.of();
		});
	}

	/** The Patient a person or guardian acts for: themself, or the child of an active GUARD relationship. */
	private String personOf(Caller caller, RequestCache cache) {
		if (caller.kind() == Caller.Kind.PERSON) {
			return caller.user();
		}
		if (caller.kind() != Caller.Kind.GUARDIAN) {
			return null;
		}
		return links.read(caller.user(), cache).map(RelatedPerson.class::cast)
				.filter(r -> !r.hasActive() || r.getActive())
				.filter(r -> r.getRelationship().stream().anyMatch(c -> c.hasCoding("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "GUARD")))
				.map(r -> PlanLinks.reference(r.getPatient())).orElse(null);
	}

	private boolean personMaySee(Caller caller, IBaseResource resource, RequestCache cache) {
		Set<String> persons = personsOf(caller, cache);
		if (resource instanceof Patient p) {
			return persons.contains(PlanLinks.ref(p));
		}
		if (resource instanceof RelatedPerson r) {
			return PlanLinks.ref(r).equals(caller.user()) || persons.contains(PlanLinks.reference(r.getPatient()));
		}
		if (resource instanceof AppointmentResponse r) {
			return links.read(PlanLinks.reference(r.getAppointment()), cache).map(a -> personMaySee(caller, a, cache)).orElse(false);
		}
		if (!PERSONAL_VIEW.contains(resource.fhirType())) {
			return false;
		}
		List<String> plans = plansOf(resource, cache);
		if (plans.isEmpty()) {
			// A goal the person wrote before it was linked to the plan.
			return "Goal".equals(resource.fhirType()) && persons.contains(PlanLinks.patientOf(resource));
		}
		Set<String> readable = personalPlans(caller, cache);
		return plans.stream().anyMatch(readable::contains);
	}

	private boolean organizationMaySee(String organization, IBaseResource resource, RequestCache cache) {
		if (resource instanceof CarePlan plan) {
			return organizationMaySeePlan(organization, plan, cache);
		}
		List<String> plans = plansOf(resource, cache);
		if (plans.isEmpty()) {
			String patient = PlanLinks.patientOf(resource);
			if (patient == null) {
				return false;
			}
			List<CarePlan> personsPlans = links.plansOfPatient(patient, cache);
			if (!personsPlans.isEmpty()) {
				return personsPlans.stream().anyMatch(p -> organizationMaySeePlan(organization, p, cache));
			}
			return links.read(patient, cache).map(p -> registeredBy(p, organization)).orElse(false);
		}
		return plans.stream().anyMatch(plan -> links.read(plan, cache)
				.map(p -> organizationMaySeePlan(organization, (CarePlan) p, cache)).orElse(false));
	}

	/** The plans a resource belongs to; those found by searching for the plans that point at it are cached. */
	private List<String> plansOf(IBaseResource resource, RequestCache cache) {
		return resource.getIdElement().hasIdPart() && PlanFacts.POINTED_AT.contains(resource.fhirType())
				? facts.plansOf(resource, r -> links.plansOf(r, cache)) : links.plansOf(resource, cache);
	}

	private boolean organizationMaySeePlan(String organization, CarePlan plan, RequestCache cache) {
		if (organization == null) {
			return false;
		}
		// Judged on the plan as it is now, also when an older version is shown.
		PlanFacts.Facts known = facts.of(PlanLinks.ref(plan), ref -> links.read(ref, cache).map(CarePlan.class::cast)
				.map(p -> new PlanFacts.Facts(Set.copyOf(links.parties(p, cache)),
						links.consents(ref, cache).stream().map(PlanFacts::fact).toList(), links.responsibleOrganization(p, cache)))
				.orElse(new PlanFacts.Facts(Set.of(), List.of(), null)));
		return known.parties().contains(organization) && consentCovers(organization, known.consents(), known.responsible());
	}

	/**
	 * Before any consent, the parties may see the plan; with a consent in force, only the organisations it
	 * names; once every consent is withdrawn or has ended, only the organisation holding overall
	 * responsibility (or the initiator's), which keeps the closed record.
	 */
	private static boolean consentCovers(String organization, List<PlanFacts.ConsentFact> consents, String responsible) {
		if (consents.isEmpty()) {
			return true;
		}
		Date now = new Date();
		List<PlanFacts.ConsentFact> inForce = consents.stream().filter(c -> c.inForce(now)).toList();
		if (inForce.isEmpty()) {
			return organization.equals(responsible);
		}
		return inForce.stream().anyMatch(c -> c.actors().contains(organization));
	}

	/** Not held back from the person: not marked unapproved, and older than the configured delay. */
	private boolean released(CarePlan plan) {
		Extension approved = plan.getExtensionByUrl(APPROVED_FOR_PATIENT);
		if (approved != null && approved.getValue() instanceof BooleanType b && !b.booleanValue()) {
			return false;
		}
		int delay = settings.getPatientAccessDelayDays();
		if (delay <= 0) {
			return true;
		}
		Extension initiative = plan.getExtensionByUrl(PlanLinks.INITIATIVE);
		Extension date = initiative == null ? null : initiative.getExtensionByUrl("date");
		return date != null && date.getValue() instanceof DateTimeType d
				&& d.getValue().toInstant().plus(delay, ChronoUnit.DAYS).isBefore(new Date().toInstant());
	}

	private static boolean flag(CarePlan plan, String url) {
		Extension e = plan.getExtensionByUrl(url);
		return e != null && e.getValue() instanceof BooleanType b && b.booleanValue();
	}

	static boolean isProtected(Patient person) {
		return person.getMeta().getSecurity().stream()
				.anyMatch(c -> SECURITY_LABEL_SYSTEM.equals(c.getSystem()) && PROTECTED_IDENTITY.contains(c.getCode()));
	}

	static boolean registeredBy(IBaseResource patient, String organization) {
		return ((Resource) patient).getMeta().getTag().stream()
				.anyMatch(t -> REGISTERED_BY.equals(t.getSystem()) && organization.equals(t.getCode()));
	}

	/** Age in whole years today; a person without a birth date counts as adult. */
	static int age(Patient person) {
		if (!person.hasBirthDate()) {
			return 200;
		}
		LocalDate born = person.getBirthDate().toInstant().atZone(ZoneId.of("Europe/Stockholm")).toLocalDate();
		return (int) ChronoUnit.YEARS.between(born, LocalDate.now(ZoneId.of("Europe/Stockholm")));
	}

	static Coding registeredByTag(String organization) {
		return new Coding(REGISTERED_BY, organization, null);
	}
}
