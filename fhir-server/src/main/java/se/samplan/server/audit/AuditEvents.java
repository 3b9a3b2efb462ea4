package se.samplan.server.audit;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.server.access.Caller;
import se.samplan.server.sip.PlanRepository;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the AuditEvents of one request (FHIR's RESTful audit pattern): type {@code rest} with the
 * interaction as subtype; the user (fhirUser, the token's subject and id), their organisation and the
 * client as agents, with the purpose of use; the resources shown or written and the people they are about
 * (entity role patient, so {@code AuditEvent?patient=} finds them); the outcome.
 */
@Component
class AuditEvents {

	private final PlanRepository plans;

	AuditEvents(PlanRepository plans) {
		this.plans = plans;
	}

	static final String PURPOSE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
	static final String ENTITY_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
	static final String OBJECT_ROLE_SYSTEM = "http://terminology.hl7.org/CodeSystem/object-role";

	/**
	 * The AuditEvents of one request: what they share, and the entities of each (one event per person the answer is
	 * about, or one about no one).
	 */
	record RequestEvents(AuditEvent shared, List<List<AuditEventEntityComponent>> entities) {}

	RequestEvents of(Caller caller, RequestDetails request, List<IBaseResource> shown, int status, String failure) {
		AuditEvent event = new AuditEvent();
		event.getType().setSystem("http://terminology.hl7.org/CodeSystem/audit-event-type").setCode("rest")
				.setDisplay("Restful Operation");
		RestOperationTypeEnum interaction = request.getRestOperationType();
		String code = interaction == null ? "operation" : interaction.getCode();
		if (code.startsWith("$") || code.isBlank()) {
			code = "operation";
		}
		event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", code, null));
		event.setAction(action(interaction));
		event.setRecordedElement(InstantType.now());
		event.setOutcome(status < 400 ? AuditEventOutcome._0 : status < 500 ? AuditEventOutcome._4 : AuditEventOutcome._8);
		if (failure != null) {
			event.setOutcomeDesc(failure);
		}
		event.addPurposeOfEvent().addCoding(purpose(caller));

		AuditEventAgentComponent user = event.addAgent().setRequestor(true);
		user.getType().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/extra-security-role-type",
				caller.kind() == Caller.Kind.BACKEND ? "dataprocessor" : "humanuser", null)).setText(kindInSwedish(caller));
		if (caller.user() != null) {
			user.setWho(new Reference(caller.user()));
		} else if (caller.organization() != null) {
			user.setWho(new Reference(caller.organization()));
		} else {
			user.getWho().setDisplay(kindInSwedish(caller));
		}
		user.setAltId(caller.subject());
		if (caller.tokenId() != null) {
			user.addPolicy("urn:uuid:" + caller.tokenId());
		}
		if (request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null) {
			user.getNetwork().setAddress(servlet.getServletRequest().getRemoteAddr()).setType(AuditEvent.AuditEventAgentNetworkType._2);
		}
		if (caller.organization() != null && caller.user() != null) {
			event.addAgent().setRequestor(false).setWho(new Reference(caller.organization()))
					.getType().setText("Verksamhet");
		}
		if (caller.client() != null) {
			event.addAgent().setRequestor(false).getType().setText("Klient");
			event.getAgent().get(event.getAgent().size() - 1).getWho()
					.setIdentifier(new Identifier().setSystem("urn:ietf:params:oauth:client-id").setValue(caller.client()));
		}
		event.getSource().setSite("Samplan").getObserver().setDisplay("Samplan FHIR-server");
		event.getSource().addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));

		// One AuditEvent per person the answer is about (as IHE BALP does), each naming only that person's
		// resources, so that a person reading their log learns nothing about anyone else.
		Map<String, Set<String>> byPerson = new LinkedHashMap<>();
		Set<String> others = new LinkedHashSet<>();
		for (IBaseResource r : shown) {
			// Only stored resources (a version id): not the Composition of a document, nor a Binary made for the answer.
			if (r instanceof Resource resource && resource.getMeta().hasVersionId()) {
				file(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), plans.patientOf(r, request), byPerson, others);
			}
		}
		String target = request.getId() != null && request.getId().hasIdPart() && request.getResourceName() != null
				? request.getResourceName() + "/" + request.getId().getIdPart() : null;
		boolean targetGone = false;
		if (target != null && !byPerson.containsKey(target) && byPerson.values().stream().noneMatch(e -> e.contains(target))
				&& !others.contains(target)) {
			IBaseResource stored = plans.read(target, null).orElse(null);
			if (stored != null) {
				file(target, plans.patientOf(stored, null), byPerson, others);
			} else {
				targetGone = true;
			}
		}
		if (byPerson.isEmpty() && caller.kind() == Caller.Kind.PERSON) {
			byPerson.put(caller.user(), new LinkedHashSet<>());
		}
		List<List<AuditEventEntityComponent>> entities = new ArrayList<>();
		if (byPerson.isEmpty()) {
			byPerson.put(null, others);
		}
		for (Map.Entry<String, Set<String>> person : byPerson.entrySet()) {
			List<AuditEventEntityComponent> theirs = new ArrayList<>();
			if (person.getKey() != null) {
				theirs.add(new AuditEventEntityComponent().setWhat(new Reference(person.getKey()))
						.setType(new Coding(ENTITY_TYPE_SYSTEM, "1", "Person")).setRole(new Coding(OBJECT_ROLE_SYSTEM, "1", "Patient")));
			}
			for (String what : person.getValue()) {
				theirs.add(new AuditEventEntityComponent().setWhat(new Reference(what))
						.setType(new Coding(ENTITY_TYPE_SYSTEM, "2", "System Object"))
						.setRole(new Coding(OBJECT_ROLE_SYSTEM, "4", "Domain Resource")));
			}
			if (targetGone) {
				// Deleted or never there: named, not referenced (references must point at stored resources).
				AuditEventEntityComponent gone = new AuditEventEntityComponent().setType(new Coding(ENTITY_TYPE_SYSTEM, "2", "System Object"))
						.setRole(new Coding(OBJECT_ROLE_SYSTEM, "4", "Domain Resource"));
				gone.getWhat().setDisplay(target);
				theirs.add(gone);
			}
			if (interaction == RestOperationTypeEnum.SEARCH_TYPE || interaction == RestOperationTypeEnum.SEARCH_SYSTEM) {
				theirs.add(new AuditEventEntityComponent().setType(new Coding(ENTITY_TYPE_SYSTEM, "2", "System Object"))
						.setRole(new Coding(OBJECT_ROLE_SYSTEM, "24", "Query"))
						.setQuery(request.getCompleteUrl().getBytes(StandardCharsets.UTF_8)));
			}
			entities.add(theirs);
		}
		return new RequestEvents(event, entities);
	}

	/** A resource under its person, or among those about no one (directory data). */
	private static void file(String what, String patient, Map<String, Set<String>> byPerson, Set<String> others) {
		if (patient == null) {
			others.add(what);
		} else {
			Set<String> theirs = byPerson.computeIfAbsent(patient, p -> new LinkedHashSet<>());
			if (!what.equals(patient)) { // the person's own record is the event's patient entity
				theirs.add(what);
			}
		}
	}

	private static AuditEventAction action(RestOperationTypeEnum interaction) {
		if (interaction == null) {
			return AuditEventAction.E;
		}
		return switch (interaction) {
			case CREATE -> AuditEventAction.C;
			case UPDATE, PATCH -> AuditEventAction.U;
			case DELETE -> AuditEventAction.D;
			case READ, VREAD, SEARCH_TYPE, SEARCH_SYSTEM, HISTORY_INSTANCE, HISTORY_TYPE, HISTORY_SYSTEM, GET_PAGE -> AuditEventAction.R;
			default -> AuditEventAction.E;
		};
	}

	/** Care (TREAT) for staff, the person's own request (PATRQT), operations (HOPERAT) for the operator. */
	private static Coding purpose(Caller caller) {
		return switch (caller.kind()) {
			case PERSON, GUARDIAN -> new Coding(PURPOSE_SYSTEM, "PATRQT", "patient requested");
			case OPERATOR, SYSTEM, ANONYMOUS -> new Coding(PURPOSE_SYSTEM, "HOPERAT", "healthcare operations");
			default -> new Coding(PURPOSE_SYSTEM, "TREAT", "treatment");
		};
	}

	/** How the person reads who it was in "vem har läst min plan". */
	static String kindInSwedish(Caller caller) {
		return switch (caller.kind()) {
			case PERSON -> "Du själv";
			case GUARDIAN -> "Vårdnadshavare";
			case STAFF -> "Personal";
			case BACKEND -> "Verksamhetens system";
			case OPERATOR -> "Driftansvarig";
			case SYSTEM -> "Samplan";
			case ANONYMOUS -> "Utan inloggning";
		};
	}
}
