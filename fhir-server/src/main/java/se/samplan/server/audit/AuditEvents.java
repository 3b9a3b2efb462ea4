package se.samplan.server.audit;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.server.access.Caller;
import se.samplan.server.sip.PlanRepository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
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
	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
	private static final ObjectNode SYSTEM_OBJECT = coding(ENTITY_TYPE_SYSTEM, "2", "System Object");
	private static final ObjectNode DOMAIN_RESOURCE = coding(OBJECT_ROLE_SYSTEM, "4", "Domain Resource");
	/** {@code recorded}: to the millisecond, in UTC. */
	private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

	/**
	 * The AuditEvents of one request as FHIR JSON: what they share (without {@code id} and {@code entity}), when they
	 * were recorded, and the entities of each (one event per person the answer is about, or one about no one). Built
	 * with Jackson in FHIR's element order: encoding a HAPI AuditEvent and reading it back cost a search a tenth of its
	 * CPU (JFR of an organisation's open invitations).
	 */
	record RequestEvents(ObjectNode shared, long recorded, List<List<ObjectNode>> entities) {}

	RequestEvents of(Caller caller, RequestDetails request, List<IBaseResource> shown, int status, String failure) {
		long recorded = System.currentTimeMillis();
		ObjectNode event = JSON.objectNode();
		event.set("type", coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "Restful Operation"));
		RestOperationTypeEnum interaction = request.getRestOperationType();
		String code = interaction == null ? "operation" : interaction.getCode();
		if (code.startsWith("$") || code.isBlank()) {
			code = "operation";
		}
		event.putArray("subtype").add(coding("http://hl7.org/fhir/restful-interaction", code, null));
		event.put("action", action(interaction).toCode());
		event.put("recorded", RECORDED.format(Instant.ofEpochMilli(recorded)));
		event.put("outcome", (status < 400 ? AuditEventOutcome._0 : status < 500 ? AuditEventOutcome._4 : AuditEventOutcome._8).toCode());
		if (failure != null) {
			event.put("outcomeDesc", failure);
		}
		event.putArray("purposeOfEvent").addObject().putArray("coding").add(purpose(caller));

		ArrayNode agents = event.putArray("agent");
		ObjectNode user = agents.addObject();
		ObjectNode userType = user.putObject("type");
		userType.putArray("coding").add(coding("http://terminology.hl7.org/CodeSystem/extra-security-role-type",
				caller.kind() == Caller.Kind.BACKEND ? "dataprocessor" : "humanuser", null));
		userType.put("text", kindInSwedish(caller));
		if (caller.user() != null) {
			user.putObject("who").put("reference", caller.user());
		} else if (caller.organization() != null) {
			user.putObject("who").put("reference", caller.organization());
		} else {
			user.putObject("who").put("display", kindInSwedish(caller));
		}
		if (caller.subject() != null) {
			user.put("altId", caller.subject());
		}
		user.put("requestor", true);
		if (caller.tokenId() != null) {
			user.putArray("policy").add("urn:uuid:" + caller.tokenId());
		}
		if (request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null) {
			user.putObject("network").put("address", servlet.getServletRequest().getRemoteAddr())
					.put("type", AuditEvent.AuditEventAgentNetworkType._2.toCode());
		}
		if (caller.organization() != null && caller.user() != null) {
			ObjectNode organization = agents.addObject();
			organization.putObject("type").put("text", "Verksamhet");
			organization.putObject("who").put("reference", caller.organization());
			organization.put("requestor", false);
		}
		if (caller.client() != null) {
			ObjectNode client = agents.addObject();
			client.putObject("type").put("text", "Klient");
			client.putObject("who").putObject("identifier").put("system", "urn:ietf:params:oauth:client-id").put("value", caller.client());
			client.put("requestor", false);
		}
		ObjectNode source = event.putObject("source");
		source.put("site", "Samplan");
		source.putObject("observer").put("display", "Samplan FHIR-server");
		source.putArray("type").add(coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));

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
		List<List<ObjectNode>> entities = new ArrayList<>();
		if (byPerson.isEmpty()) {
			byPerson.put(null, others);
		}
		for (Map.Entry<String, Set<String>> person : byPerson.entrySet()) {
			List<ObjectNode> theirs = new ArrayList<>();
			if (person.getKey() != null) {
				theirs.add(entity(person.getKey(), null, coding(ENTITY_TYPE_SYSTEM, "1", "Person"), coding(OBJECT_ROLE_SYSTEM, "1", "Patient")));
			}
			for (String what : person.getValue()) {
				theirs.add(entity(what, null, SYSTEM_OBJECT, DOMAIN_RESOURCE));
			}
			if (targetGone) {
				// Deleted or never there: named, not referenced (references must point at stored resources).
				theirs.add(entity(null, target, SYSTEM_OBJECT, DOMAIN_RESOURCE));
			}
			if (interaction == RestOperationTypeEnum.SEARCH_TYPE || interaction == RestOperationTypeEnum.SEARCH_SYSTEM) {
				theirs.add(entity(null, null, SYSTEM_OBJECT, coding(OBJECT_ROLE_SYSTEM, "24", "Query"))
						.put("query", Base64.getEncoder().encodeToString(request.getCompleteUrl().getBytes(StandardCharsets.UTF_8))));
			}
			entities.add(theirs);
		}
		return new RequestEvents(event, recorded, entities);
	}

	/** An entity: a reference to what it is, or what it was called when it is not there. */
	private static ObjectNode entity(String reference, String display, ObjectNode type, ObjectNode role) {
		ObjectNode entity = JSON.objectNode();
		if (reference != null) {
			entity.putObject("what").put("reference", reference);
		} else if (display != null) {
			entity.putObject("what").put("display", display);
		}
		entity.set("type", type.deepCopy());
		entity.set("role", role.deepCopy());
		return entity;
	}

	private static ObjectNode coding(String system, String code, String display) {
		ObjectNode coding = JSON.objectNode().put("system", system).put("code", code);
		return display == null ? coding : coding.put("display", display);
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
	private static ObjectNode purpose(Caller caller) {
		return switch (caller.kind()) {
			case PERSON, GUARDIAN -> coding(PURPOSE_SYSTEM, "PATRQT", "patient requested");
			case OPERATOR, SYSTEM, ANONYMOUS -> coding(PURPOSE_SYSTEM, "HOPERAT", "healthcare operations");
			default -> coding(PURPOSE_SYSTEM, "TREAT", "treatment");
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
