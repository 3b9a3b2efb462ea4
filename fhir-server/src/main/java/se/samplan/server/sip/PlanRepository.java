package se.samplan.server.sip;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.svc.IIdHelperService;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.AppointmentResponse;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.PendingWrites;
import se.samplan.server.hapi.References;
import se.samplan.server.hapi.RequestCache;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a plan and what links to it (consents, invitations, meetings, care teams, goals, the person and the
 * guardians), as the rules and the access decisions need them. Every lookup takes the request it is made for and
 * sees that request's uncommitted writes first ({@link PendingWrites}): an entry of a transaction that refers to
 * another entry by {@code urn:uuid}, or by a conditional reference, finds it. Keys are {@code Type/id}, or the
 * placeholder of a transaction entry not stored yet. Reads go past access control on purpose: they decide it.
 */
@Component
public class PlanRepository {

	private final DaoRegistry daoRegistry;
	private final MatchUrlService matchUrls;
	private final FhirContext ctx;
	private final IIdHelperService<JpaPid> idHelper;
	private final IHapiTransactionService transactions;
	private final Clock clock;
	private final PlanGraph graph;

	PlanRepository(DaoRegistry daoRegistry, MatchUrlService matchUrls, FhirContext ctx, IIdHelperService<JpaPid> idHelper,
			IHapiTransactionService transactions, Clock clock, PlanGraph graph) {
		this.graph = graph;
		this.transactions = transactions;
		this.daoRegistry = daoRegistry;
		this.matchUrls = matchUrls;
		this.ctx = ctx;
		this.idHelper = idHelper;
		this.clock = clock;
	}

	/** The resource a reference points at: a pending write first, then the store. */
	public Optional<Resource> read(Reference reference, RequestDetails request) {
		return reference == null ? Optional.empty() : read(reference.getReference(), request);
	}

	public <T extends Resource> Optional<T> read(Reference reference, Class<T> type, RequestDetails request) {
		return read(reference, request).filter(type::isInstance).map(type::cast);
	}

	public Optional<Resource> read(String reference, RequestDetails request) {
		if (reference == null || reference.isBlank() || reference.startsWith("#")) {
			return Optional.empty();
		}
		PendingWrites.View pending = PendingWrites.of(request);
		if (reference.startsWith("urn:")) {
			return pending.find(reference);
		}
		if (reference.contains("?")) {
			// As HAPI resolves it: the stored match if there is one (a conditional create matching it writes
			// nothing), else the entry of this transaction created under that condition.
			String relative = reference.substring(reference.lastIndexOf('/', reference.indexOf('?')) + 1);
			return matchOne(relative, request).flatMap(key -> read(key, request)).or(() -> pending.find(relative));
		}
		String key = References.key(reference);
		if (key == null) {
			return Optional.empty();
		}
		return pending.find(key).or(() -> stored(key, request));
	}

	/**
	 * The plan and what the person's view of it shows: its person, goals, care team and the team's
	 * members, the performers of its services, who holds overall responsibility, its meetings and their participants,
	 * its consents and their actors, and the organisations of the roles among them ({@link PlanGraph}). As stored,
	 * past access control; read once in a request.
	 */
	public List<Resource> planAndWhatItShows(String plan, RequestDetails request) {
		return RequestCache.of(request).stored("shows " + plan,
				k -> graph.planAndWhatItShows(plan.substring(plan.indexOf('/') + 1)));
	}

	/** The key of the resource a reference points at ({@code Type/id}, or a pending entry's placeholder), or null. */
	public String key(Reference reference, RequestDetails request) {
		if (reference == null || !reference.hasReference()) {
			return null;
		}
		String raw = reference.getReference();
		if (raw.startsWith("urn:") || raw.contains("?")) {
			return read(raw, request).map(r -> keyOf(r, request)).orElse(raw.startsWith("urn:") ? raw : null);
		}
		return References.key(raw);
	}

	/** The key of a resource: {@code Type/id}, or its placeholder while it is a pending entry not stored yet. */
	public String keyOf(Resource resource, RequestDetails request) {
		String key = References.key(resource);
		return key != null ? key : PendingWrites.of(request).placeholderOf(resource);
	}

	/** The resource type a reference points at, also for a placeholder. */
	public String typeOf(Reference reference, RequestDetails request) {
		if (reference == null || !reference.hasReference()) {
			return null;
		}
		String type = References.type(reference.getReference());
		return type != null ? type : read(reference, request).map(Resource::fhirType).orElse(null);
	}

	/** The organisation behind an Organization or PractitionerRole reference, else null. */
	public String organizationOf(Reference reference, RequestDetails request) {
		String type = typeOf(reference, request);
		if ("Organization".equals(type)) {
			return key(reference, request);
		}
		if ("PractitionerRole".equals(type)) {
			return read(reference, PractitionerRole.class, request).map(r -> key(r.getOrganization(), request)).orElse(null);
		}
		return null;
	}

	public Optional<Organization> organization(Reference reference, RequestDetails request) {
		return read(reference, Organization.class, request);
	}

	// ------------------------------------------------------------------ the person

	/** The person ({@code Patient} key) a resource is about, or null. */
	public String patientOf(IBaseResource resource, RequestDetails request) {
		if (resource instanceof Patient p) {
			return keyOf(p, request);
		} else if (resource instanceof RelatedPerson r) {
			return key(r.getPatient(), request);
		} else if (resource instanceof CarePlan p) {
			return key(p.getSubject(), request);
		} else if (resource instanceof Goal g) {
			return key(g.getSubject(), request);
		} else if (resource instanceof CareTeam t) {
			return key(t.getSubject(), request);
		} else if (resource instanceof Consent c) {
			return key(c.getPatient(), request);
		} else if (resource instanceof Task t) {
			return key(t.getFor(), request);
		} else if (resource instanceof DetectedIssue d) {
			return key(d.getPatient(), request);
		} else if (resource instanceof Appointment a) {
			return a.getParticipant().stream().map(Appointment.AppointmentParticipantComponent::getActor)
					.filter(actor -> "Patient".equals(typeOf(actor, request))).map(actor -> key(actor, request))
					.findFirst().orElse(null);
		} else if (resource instanceof AppointmentResponse r) {
			return "Patient".equals(typeOf(r.getActor(), request)) ? key(r.getActor(), request) : null;
		}
		return null;
	}

	/** The person's registered guardians (active RelatedPersons with relationship GUARD). */
	public List<RelatedPerson> guardians(String patient, RequestDetails request) {
		return find(RelatedPerson.class, RelatedPerson.SP_PATIENT, patient,
				r -> SipResources.isGuardian(r) && patient.equals(key(r.getPatient(), request)), request)
				.stream().filter(SipResources::isGuardian).toList();
	}

	/** Every RelatedPerson of the person (guardians and others). */
	public List<RelatedPerson> relatedPersons(String patient, RequestDetails request) {
		return find(RelatedPerson.class, RelatedPerson.SP_PATIENT, patient, r -> patient.equals(key(r.getPatient(), request)), request);
	}

	// ------------------------------------------------------------------ plans

	/** The keys of every stored CarePlan. */
	public List<String> allPlans() {
		return storedKeys("CarePlan", SearchParameterMap.newSynchronous());
	}

	/** Every CarePlan of the person, SIP or not. */
	public List<CarePlan> plansOfPatient(String patient, RequestDetails request) {
		return find(CarePlan.class, CarePlan.SP_SUBJECT, patient, p -> patient.equals(key(p.getSubject(), request)), request);
	}

	/** The person's SIPs that are not closed. */
	public List<CarePlan> openSips(String patient, RequestDetails request) {
		return plansOfPatient(patient, request).stream().filter(SipPlans::isSip).filter(p -> !SipPhase.isClosed(p)).toList();
	}

	/** The person's active plans of national type SPLPTLRV (samordnad vårdplan under LPT/LRV, R11). */
	public List<CarePlan> activeCoordinatedCarePlans(String patient, RequestDetails request) {
		return plansOfPatient(patient, request).stream()
				.filter(p -> p.getStatus() == CarePlan.CarePlanStatus.ACTIVE)
				.filter(p -> p.getCategory().stream().anyMatch(c -> c.hasCoding(SipUrls.CARE_PLAN_TYPE_SYSTEM, "SPLPTLRV")))
				.toList();
	}

	/** The keys of the plans ({@code CarePlan}) a resource belongs to; empty for one not (yet) linked to a plan. */
	public List<String> plansOf(IBaseResource resource, RequestDetails request) {
		if (resource instanceof CarePlan p) {
			return Stream.of(keyOf(p, request)).filter(Objects::nonNull).toList();
		} else if (resource instanceof Task t) {
			return planKeys(t.getBasedOn().stream(), request);
		} else if (resource instanceof Appointment a) {
			return planKeys(a.getSupportingInformation().stream(), request);
		} else if (resource instanceof Consent c) {
			return planKeys(SipResources.plans(c).stream(), request);
		} else if (resource instanceof DetectedIssue d) {
			return planKeys(d.getImplicated().stream(), request);
		} else if (resource instanceof Goal g) {
			return plansReferencing(CarePlan.SP_GOAL, keyOf(g, request), p -> p.getGoal(), request);
		} else if (resource instanceof CareTeam t) {
			return plansReferencing(CarePlan.SP_CARE_TEAM, keyOf(t, request), p -> p.getCareTeam(), request);
		} else if (resource instanceof Patient p) {
			return keys(plansOfPatient(keyOf(p, request), request), request);
		} else if (resource instanceof RelatedPerson r) {
			String patient = key(r.getPatient(), request);
			return patient == null ? List.of() : keys(plansOfPatient(patient, request), request);
		} else if (resource instanceof AppointmentResponse r) {
			return read(r.getAppointment(), request).map(a -> plansOf(a, request)).orElse(List.of());
		} else if (resource instanceof Provenance p) {
			List<String> plans = new ArrayList<>();
			p.getTarget().forEach(target -> read(target, request).ifPresent(r -> plans.addAll(plansOf(r, request))));
			return plans.stream().distinct().toList();
		}
		return List.of();
	}

	/** Every Consent linked to the plan ({@code Consent.provision.data}), whatever its status. */
	public List<Consent> consents(String plan, RequestDetails request) {
		return find(Consent.class, Consent.SP_DATA, plan,
				c -> SipResources.plans(c).stream().anyMatch(d -> plan.equals(key(d, request))), request);
	}

	/** The plan's SIP consents in force now: active, and their period not ended. */
	public List<Consent> consentsInForce(String plan, RequestDetails request) {
		Date now = Date.from(clock.instant());
		return consents(plan, request).stream().filter(SipResources::isSipConsent).filter(c -> SipResources.inForce(c, now)).toList();
	}

	/** The plan's tasks (its invitations), whatever their status. */
	public List<Task> tasks(String plan, RequestDetails request) {
		return find(Task.class, Task.SP_BASED_ON, plan,
				t -> t.getBasedOn().stream().anyMatch(b -> plan.equals(key(b, request))), request);
	}

	/** The plan's meetings (Appointment.supportingInformation), whatever their status. */
	public List<Appointment> meetings(String plan, RequestDetails request) {
		return find(Appointment.class, "sip-care-plan", plan,
				a -> a.getSupportingInformation().stream().anyMatch(s -> plan.equals(key(s, request))), request);
	}

	/** The deviations recorded for the plan (DetectedIssue.implicated). */
	public List<DetectedIssue> issues(String plan, RequestDetails request) {
		return find(DetectedIssue.class, DetectedIssue.SP_IMPLICATED, plan,
				d -> d.getImplicated().stream().anyMatch(i -> plan.equals(key(i, request))), request);
	}

	/** The invitations to one meeting (Task.focus). */
	public List<Task> invitationsTo(String meeting, RequestDetails request) {
		return find(Task.class, Task.SP_FOCUS, meeting, t -> meeting.equals(key(t.getFocus(), request)), request);
	}

	private List<String> plansReferencing(String parameter, String target, Function<CarePlan, List<Reference>> refs,
			RequestDetails request) {
		if (target == null) {
			return List.of();
		}
		return keys(find(CarePlan.class, parameter, target,
				p -> refs.apply(p).stream().anyMatch(r -> target.equals(key(r, request))), request), request);
	}

	private List<String> planKeys(Stream<Reference> refs, RequestDetails request) {
		return refs.filter(r -> "CarePlan".equals(typeOf(r, request))).map(r -> key(r, request)).filter(Objects::nonNull)
				.distinct().toList();
	}

	private List<String> keys(List<? extends Resource> resources, RequestDetails request) {
		return resources.stream().map(r -> keyOf(r, request)).filter(Objects::nonNull).toList();
	}

	// ------------------------------------------------------------------ store access

	/**
	 * The resources of a type that a search by one reference parameter finds in the store, with the request's
	 * pending versions of them in their place, and the pending resources that {@code matches} too.
	 */
	private <T extends Resource> List<T> find(Class<T> type, String parameter, String target, Predicate<T> matches,
			RequestDetails request) {
		if (target == null) {
			return List.of();
		}
		PendingWrites.View pending = PendingWrites.of(request);
		Map<Object, T> found = new LinkedHashMap<>();
		if (!target.startsWith("urn:") && !pending.createdHere(target)) {
			for (IBaseResource r : stored(type.getSimpleName(), parameter, target, request)) {
				String key = References.key(r);
				Optional<Resource> newer = pending.find(key).filter(type::isInstance);
				T current = type.cast(newer.orElse((Resource) r));
				if (newer.isEmpty() || matches.test(current)) {
					found.put(key, current);
				}
			}
		}
		for (Resource r : pending.ofType(type.getSimpleName())) {
			String key = References.key(r);
			if ((key == null || !found.containsKey(key)) && matches.test(type.cast(r))) {
				found.put(key != null ? key : r, type.cast(r));
			}
		}
		return List.copyOf(found.values());
	}

	/**
	 * The stored resources a search by one reference parameter finds, except those the request has written: their
	 * pending versions stand in for them, and loading an entity again in the session that wrote it trips Hibernate
	 * (its persistence context would hold two instances of one row). So, for a request that has written this type:
	 * ids first, then the others in one search; any other request searches once.
	 */
	private List<IBaseResource> stored(String type, String parameter, String target, RequestDetails request) {
		return RequestCache.of(request).stored("search " + type + "?" + parameter + "=" + target, k -> {
			SearchParameterMap search = SearchParameterMap.newSynchronous(parameter, new ReferenceParam(target));
			PendingWrites.View pending = PendingWrites.of(request);
			if (pending.ofType(type).isEmpty()) {
				return daoRegistry.getResourceDao(type).search(search, new SystemRequestDetails()).getAllResources();
			}
			TokenOrListParam others = new TokenOrListParam();
			storedKeys(type, search).stream()
					.filter(key -> pending.find(key).isEmpty())
					.forEach(key -> others.addOr(new TokenParam(key.substring(key.indexOf('/') + 1))));
			if (others.getValuesAsQueryTokens().isEmpty()) {
				return List.of();
			}
			SearchParameterMap byId = SearchParameterMap.newSynchronous();
			byId.add("_id", others);
			return daoRegistry.getResourceDao(type).search(byId, new SystemRequestDetails()).getAllResources();
		});
	}

	/** The keys ({@code Type/id}) of the stored resources a search finds, without loading them. */
	private List<String> storedKeys(String type, SearchParameterMap map) {
		List<JpaPid> pids = daoRegistry.getResourceDao(type).searchForIds(map, new SystemRequestDetails());
		if (pids.isEmpty()) {
			return List.of();
		}
		return transactions.withSystemRequest().execute(() -> idHelper.translatePidsToForcedIds(Set.copyOf(pids)))
				.getResolvedResourceIds().stream().map(id -> id.contains("/") ? id : type + "/" + id).toList();
	}

	private Optional<Resource> stored(String key, RequestDetails request) {
		return RequestCache.of(request).stored("read " + key, k -> {
			try {
				String type = key.substring(0, key.indexOf('/'));
				return Optional.of((Resource) daoRegistry.getResourceDao(type)
						.read(new org.hl7.fhir.r4.model.IdType(key), new SystemRequestDetails()));
			} catch (BaseServerResponseException | IllegalArgumentException e) {
				return Optional.empty();
			}
		});
	}

	/** The key of the one stored resource a conditional reference ({@code Patient?identifier=..}) matches, if exactly one. */
	private Optional<String> matchOne(String url, RequestDetails request) {
		return RequestCache.of(request).stored("match " + url, k -> {
			try {
				String type = url.substring(0, url.indexOf('?'));
				SearchParameterMap map = matchUrls.translateMatchUrl(url, ctx.getResourceDefinition(type));
				map.setLoadSynchronousUpTo(2);
				List<String> keys = storedKeys(type, map);
				return keys.size() == 1 ? Optional.of(keys.get(0)) : Optional.empty();
			} catch (BaseServerResponseException | IllegalArgumentException | ca.uhn.fhir.parser.DataFormatException e) {
				return Optional.empty();
			}
		});
	}
}
