package se.samplan.server.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AppointmentResponse;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.PendingWrites;
import se.samplan.server.hapi.RequestCache;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.PartyFacts;
import se.samplan.server.sip.PlanParties;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipResources;
import se.samplan.server.sip.SipRule;
import se.samplan.server.sip.SipUrls;
import se.samplan.server.sip.WorkflowSettings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The "who sees what" table of access.md (R13, R15), for one resource at a time: staff and backend
 * clients see a plan and what is linked to it while their organisation takes part in it within the consent
 * ({@link PartyFacts#mayRead}); the person sees their own plans from 16; a guardian a child's plans until 13, or
 * 13–15 where the plan grants guardian access, never a child with protected identity; plans held back from the
 * person ({@code sip-approved-for-patient} false, or within the configured delay) are not shown to the person or
 * guardians; the operator sees everything. Directory and conformance resources are open to every signed-in
 * caller; other resource types only to the operator.
 */
@Component
@Keeps(value = {SipRule.R13, SipRule.R15}, appliesTo = {"CarePlan", "Goal", "CareTeam", "Appointment", "Consent", "Task",
		"DetectedIssue", "Patient", "RelatedPerson", "AuditEvent"},
		where = "every read path (read, search, includes, history, paging, batch and transaction GETs, operation answers)",
		refusal = "404: the resource is hidden; 403 when the token's scopes do not cover the request ([access](access.md))")
public class AccessPolicy {

	/** Resources about no person: directory and conformance (Basic: the SubscriptionTopics, the operator's to write). */
	static final Set<String> OPEN_TYPES = Set.of("Organization", "PractitionerRole", "Practitioner", "Location",
			"HealthcareService", "Endpoint", "StructureDefinition", "ValueSet", "CodeSystem", "ConceptMap",
			"SearchParameter", "OperationDefinition", "CapabilityStatement", "ImplementationGuide", "NamingSystem", "Measure", "Basic");
	/** The personal data of a SIP. */
	static final Set<String> SIP_TYPES = Set.of("Patient", "RelatedPerson", "CarePlan", "CareTeam", "Goal",
			"Consent", "Appointment", "AppointmentResponse", "Task", "DetectedIssue", "Provenance");
	/** An organisation's own resources, about no person: only it (and the operator) reads and changes them. */
	static final Set<String> OWNED_TYPES = Set.of("Subscription");
	/** What the person and guardians see of a plan they may read. */
	private static final Set<String> PERSONAL_VIEW = Set.of("CarePlan", "CareTeam", "Goal", "Consent", "Appointment");

	private final PlanRepository plans;
	private final PlanParties parties;
	private final WorkflowSettings settings;
	private final RuleSwitch ruleSwitch;
	private final Clock clock;

	AccessPolicy(PlanRepository plans, PlanParties parties, WorkflowSettings settings, RuleSwitch ruleSwitch, Clock clock) {
		this.plans = plans;
		this.parties = parties;
		this.settings = settings;
		this.ruleSwitch = ruleSwitch;
		this.clock = clock;
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
		if (OWNED_TYPES.contains(type)) {
			return caller.actsForOrganization() && SipResources.registeredBy((Resource) resource, caller.organization());
		}
		if (resource instanceof AuditEvent event) {
			return caller.isPersonal() && SipResources.patientsOf(event).stream().anyMatch(personsOf(caller, request)::contains);
		}
		if (!SIP_TYPES.contains(type)) {
			return false;
		}
		if (!ruleSwitch.holds(caller.actsForOrganization() ? SipRule.R15 : SipRule.R13)) {
			return true;
		}
		return caller.actsForOrganization()
				? organizationMaySee(caller.organization(), resource, request)
				: personMaySee(caller, resource, request);
	}

	/** Whether a plan is open to an organisation: it takes part, within the consent (judged on the plan as it is now). */
	public boolean organizationMaySeePlan(String organization, CarePlan plan, RequestDetails request) {
		return organizationMaySee(organization, plan, request);
	}

	/**
	 * The organisations that may read the resource now: for a plan, those taking part within the consent; for what
	 * belongs to plans, the readers of its plans; for a person's other data, the readers of the person's plans, or
	 * the organisation that registered a person without any.
	 */
	public Readers readers(IBaseResource resource, RequestDetails request) {
		if (resource instanceof CarePlan plan) {
			return planReaders(plan, request);
		}
		List<String> planKeys = plans.plansOf(resource, request);
		if (planKeys.isEmpty()) {
			String patient = plans.patientOf(resource, request);
			if (patient == null) {
				return Readers.NONE;
			}
			List<CarePlan> personsPlans = plans.plansOfPatient(patient, request);
			if (personsPlans.isEmpty()) {
				return plans.read(patient, request).map(p -> new Readers(SipResources.registeredBy(p), false)).orElse(Readers.NONE);
			}
			return personsPlans.stream().map(p -> planReaders(p, request)).reduce(Readers.NONE, Readers::and);
		}
		return planKeys.stream().map(key -> plans.read(key, request)).flatMap(Optional::stream)
				.map(p -> planReaders((CarePlan) p, request)).reduce(Readers.NONE, Readers::and);
	}

	/** The plan's readers from its facts; once per plan in a request that writes nothing, or no more. */
	private Readers planReaders(CarePlan plan, RequestDetails request) {
		String key = plans.keyOf(plan, request);
		PendingWrites.View pending = PendingWrites.of(request);
		if (key == null || !pending.isEmpty() && !pending.isSettled()) {
			return compute(plan, request);
		}
		return RequestCache.of(request).get("readers " + key, k -> compute(plan, request));
	}

	private Readers compute(CarePlan plan, RequestDetails request) {
		Date now = Date.from(clock.instant());
		PartyFacts facts = parties.facts(plan, request);
		return new Readers(facts.readers(now), facts.endsByItself(now));
	}

	/** The plans the person or guardian may read. */
	Set<String> personalPlans(Caller caller, RequestDetails request) {
		return RequestCache.of(request).get("personal plans", k -> {
			Set<String> readable = new HashSet<>();
			String patient = personOf(caller, request);
			Patient person = patient == null ? null : plans.read(patient, request).map(Patient.class::cast).orElse(null);
			if (person == null) {
				return readable;
			}
			for (CarePlan plan : plans.plansOfPatient(patient, request)) {
				if (personMayReadPlan(caller, person, plan)) {
					readable.add(plans.keyOf(plan, request));
				}
			}
			return readable;
		});
	}

	/** Whether the person or guardian may read this plan of the person: by age (R13), and released to the person. */
	private boolean personMayReadPlan(Caller caller, Patient person, CarePlan plan) {
		int age = SipResources.age(person, LocalDate.now(clock));
		boolean allowed = caller.kind() == Caller.Kind.PERSON ? age >= settings.getOwnAccessFromAge()
				: !SipResources.hasProtectedIdentity(person) && (age < settings.getGuardianAccessUntilAge()
						|| age < settings.getOwnAccessFromAge() && SipPlans.guardianAccess(plan));
		return allowed && released(plan);
	}

	/** The people whose data the person or guardian may read: themself from 16, a child with a readable plan. */
	public Set<String> personsOf(Caller caller, RequestDetails request) {
		return RequestCache.of(request).get("persons", k -> {
			String patient = personOf(caller, request);
			if (patient == null) {
				return Set.of();
			}
			boolean ownFromAge = caller.kind() == Caller.Kind.PERSON && plans.read(patient, request)
					.map(p -> SipResources.age((Patient) p, LocalDate.now(clock)) >= settings.getOwnAccessFromAge()).orElse(false);
			return ownFromAge || !personalPlans(caller, request).isEmpty() ? Set.of(patient) : Set.of();
		});
	}

	/** The Patient a person or guardian acts for: themself, or the child of an active GUARD relationship. */
	private String personOf(Caller caller, RequestDetails request) {
		if (caller.kind() == Caller.Kind.PERSON) {
			return caller.user();
		}
		if (caller.kind() != Caller.Kind.GUARDIAN) {
			return null;
		}
		return plans.read(caller.user(), request).map(RelatedPerson.class::cast).filter(SipResources::isGuardian)
				.map(r -> plans.key(r.getPatient(), request)).orElse(null);
	}

	private boolean personMaySee(Caller caller, IBaseResource resource, RequestDetails request) {
		Set<String> persons = personsOf(caller, request);
		if (resource instanceof Patient p) {
			return persons.contains(plans.keyOf(p, request));
		}
		if (resource instanceof RelatedPerson r) {
			return caller.user().equals(plans.keyOf(r, request)) || persons.contains(plans.key(r.getPatient(), request));
		}
		if (resource instanceof AppointmentResponse r) {
			return plans.read(r.getAppointment(), request).map(a -> personMaySee(caller, a, request)).orElse(false);
		}
		if (!PERSONAL_VIEW.contains(resource.fhirType())) {
			return false;
		}
		if (resource instanceof Goal || resource instanceof CareTeam) {
			// Only a plan of the person can name them in the person's view, and every such plan the person may read is
			// among those namedByPersonalPlan looks at; else only a goal the person wrote before it was linked to any plan.
			return namedByPersonalPlan(caller, resource, request) || resource instanceof Goal
					&& persons.contains(plans.patientOf(resource, request)) && plans.plansOf(resource, request).isEmpty();
		}
		List<String> planKeys = plans.plansOf(resource, request);
		Set<String> readable = personalPlans(caller, request);
		return planKeys.stream().anyMatch(readable::contains);
	}

	/**
	 * Whether a plan the person may read names the goal or care team: what the portal's {@code _include} brings, decided
	 * from the plans already read instead of a search for the plans that name it (which still decides the rest).
	 */
	private boolean namedByPersonalPlan(Caller caller, IBaseResource resource, RequestDetails request) {
		String key = plans.keyOf((Resource) resource, request);
		Set<String> readable = personalPlans(caller, request);
		String patient = personOf(caller, request);
		return key != null && !readable.isEmpty() && plans.plansOfPatient(patient, request).stream()
				.filter(plan -> readable.contains(plans.keyOf(plan, request)))
				.flatMap(plan -> Stream.concat(plan.getGoal().stream(), plan.getCareTeam().stream()))
				.anyMatch(ref -> key.equals(plans.key(ref, request)));
	}

	/**
	 * From the resource's reader tags when they show it and the request writes nothing (so the resource is as
	 * stored); otherwise from the facts of its plans as they are now.
	 */
	private boolean organizationMaySee(String organization, IBaseResource resource, RequestDetails request) {
		if (organization == null) {
			return false;
		}
		if (PendingWrites.of(request).isEmpty() && Readers.KEPT_ON.contains(resource.fhirType())
				&& Readers.tagsShow((Resource) resource, organization)) {
			return true;
		}
		return readers(resource, request).organizations().contains(organization);
	}

	/** Not held back from the person: not marked unapproved, and older than the configured delay. */
	private boolean released(CarePlan plan) {
		if (!SipPlans.approvedForPatient(plan)) {
			return false;
		}
		int delay = settings.getPatientAccessDelayDays();
		return delay <= 0 || SipPlans.initiativeDate(plan)
				.map(d -> d.toInstant().plus(delay, ChronoUnit.DAYS).isBefore(clock.instant())).orElse(false);
	}

	static Coding registeredByTag(String organization) {
		return new Coding(SipUrls.REGISTERED_BY, organization, null);
	}
}
