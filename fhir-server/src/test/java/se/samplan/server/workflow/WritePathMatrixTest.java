package se.samplan.server.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import se.samplan.server.sip.SipUrls;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R2 and the write side of R7, R13 and R15, generated like {@code AccessProbesTest} is for reads: every way of
 * making an organisation a party of a SIP (a Task owner, a care team participant, a care team linked to the plan,
 * an activity performer, a meeting participant, overall responsibility, a contributor) × every write path (POST,
 * conditional create, PUT as create, PUT, PATCH as JSON Patch and as FHIRPath Patch, conditional update, a batch
 * entry, a transaction entry with an innocent second entry) × the organisation named (covered by the consent or
 * not) × the caller (initiator, invited, covered but no party, not covered, the person, a guardian, the operator),
 * on a consented plan, and by its initiator on a plan without consent. Each case has one expected answer (accepted,
 * or refused with a rule's code and nothing written), and afterwards every party reads the plan: only those the
 * consent and the parties allow may. A bypass is a refused write that went through or a read that widened.
 */
@Tag("R2")
@Tag("R7")
@Tag("R13")
@Tag("R15")
class WritePathMatrixTest extends WorkflowTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String ID_SYSTEM = "urn:samplan:test:matrix";

	static final String INITIATOR_ORG = "Organization/sip1-org-vardcentral";
	static final String INVITED_ORG = "Organization/sip1-org-hemtjanst";
	static final String COVERED_ORG = "Organization/sip1-org-kommun";
	static final String NOT_COVERED_ORG = "Organization/sip3-org-psykiatri";
	/** Named by the writes: one the consent covers, one it does not; each with a member of staff. */
	static final Org COVERED_TARGET = new Org("Organization/sip2-org-bup", "PractitionerRole/sip2-role-bup");
	static final Org UNCOVERED_TARGET = new Org("Organization/sip3-org-beroende", "PractitionerRole/sip3-role-socialsekreterare");

	private static final AtomicInteger CASES = new AtomicInteger();
	private static final AtomicInteger AS_EXPECTED = new AtomicInteger();
	private static final AtomicInteger BYPASSES = new AtomicInteger();

	record Org(String organization, String staff) {}

	/** A plan to write to, with its person, guardians, care team and invitation, and who read it at the start. */
	static final class Fixture {
		final String name;
		String patient;
		String guardian;
		String plan;
		String careTeam;
		String planIdentifier;
		String careTeamIdentifier;
		final Map<String, Boolean> readers = new LinkedHashMap<>();

		Fixture(String name) {
			this.name = name;
		}
	}

	/** Who writes, and the rule codes its refusal may carry when it may not write at all. */
	record Caller(String name, String user, boolean party) {}

	/** A write that names an organisation, and the element it adds it in. */
	record Kind(String name, boolean creates, String rule) {}

	@TestFactory
	Stream<DynamicTest> everyWriteGetsItsExpectedAnswerAndNoReadWidens() {
		actAs(INITIATOR_ORG);
		Fixture consented = fixture("consented plan", true);
		Fixture unconsented = fixture("plan before consent", false);
		List<DynamicTest> cases = new ArrayList<>();
		List<Caller> callers = List.of(new Caller("initiator", INITIATOR_ORG, true), new Caller("invited", INVITED_ORG, true),
				new Caller("covered, no party", COVERED_ORG, false), new Caller("not covered", NOT_COVERED_ORG, false),
				new Caller("person", consented.patient, false), new Caller("guardian", consented.guardian, false),
				new Caller("operator", OPERATOR, false));
		for (Fixture f : List.of(consented, unconsented)) {
			for (Caller caller : f == consented ? callers : callers.subList(0, 1)) {
				for (Org target : List.of(COVERED_TARGET, UNCOVERED_TARGET)) {
					boolean covered = f == consented && target == COVERED_TARGET;
					for (Write w : writes(f, target)) {
						String expected = !caller.party() ? "refused" : w.kind().rule() != null ? w.kind().rule() : covered ? "accepted" : "R2";
						cases.add(DynamicTest.dynamicTest(f.name + " × " + caller.name() + " × " + w.kind().name() + " × "
								+ w.path() + " × " + (covered ? "covered" : "not covered"), () -> run(f, caller, target, w, expected)));
					}
				}
			}
		}
		int generated = cases.size();
		assertThat(generated).isGreaterThanOrEqualTo(500);
		cases.add(DynamicTest.dynamicTest("count", () -> {
			System.out.println("Write-path matrix: " + CASES.get() + " cases, " + (CASES.get() - AS_EXPECTED.get())
					+ " with another answer than expected, " + BYPASSES.get() + " bypasses");
			assertThat(BYPASSES.get()).isZero();
			assertThat(CASES.get()).isEqualTo(generated);
			assertThat(AS_EXPECTED.get()).isEqualTo(generated);
		}));
		return cases.stream();
	}

	private void run(Fixture f, Caller caller, Org target, Write w, String expected) {
		CASES.incrementAndGet();
		String marker = "matrix-" + UUID.randomUUID();
		actAs(caller.user());
		Answer answer = w.send().apply(caller, marker);
		boolean accepted = answer.status() >= 200 && answer.status() < 300;
		if (!"accepted".equals(expected) && accepted) {
			BYPASSES.incrementAndGet();
		}
		if ("accepted".equals(expected)) {
			assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
			f.readers.put(target.organization(), true);
		} else {
			assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
			Set<String> codes = ruleCodes(answer.body());
			if ("refused".equals(expected)) {
				assertThat(codes).as(answer.body()).containsAnyOf("R13", "R15");
			} else {
				assertThat(codes).as(answer.body()).contains(expected);
			}
			actAs(OPERATOR);
			assertThat(count("Goal?identifier=" + ID_SYSTEM + "|" + marker)).as("innocent entry written").isZero();
		}
		for (Map.Entry<String, Boolean> reader : f.readers.entrySet()) {
			actAs(reader.getKey());
			boolean reads = get("/fhir/" + f.plan).statusCode() == 200;
			if (reads && !reader.getValue()) {
				BYPASSES.incrementAndGet();
			}
			assertThat(reads).as("%s reads %s after the write", reader.getKey(), f.name).isEqualTo(reader.getValue());
		}
		AS_EXPECTED.incrementAndGet();
	}

	// ------------------------------------------------------------------ the writes

	record Answer(int status, String body) {}

	record Write(Kind kind, String path, BiFunction<Caller, String, Answer> send) {}

	private List<Write> writes(Fixture f, Org x) {
		List<Write> writes = new ArrayList<>();
		Kind task = new Kind("Task.owner", true, null);
		creates(writes, task, () -> {
			Task t = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
					.setFor(new Reference(f.patient)).setOwner(new Reference(x.organization()))
					.setDescription("Ta fram underlag till planen");
			t.addBasedOn(new Reference(f.plan));
			return t;
		}, f);
		Kind meeting = new Kind("Appointment.participant", true, null);
		creates(writes, meeting, () -> {
			Appointment a = new Appointment().setStatus(Appointment.AppointmentStatus.PROPOSED).setDescription("Extra möte")
					.setStart(new Date(System.currentTimeMillis() + 86_400_000L * 20))
					.setEnd(new Date(System.currentTimeMillis() + 86_400_000L * 20 + 3_600_000L));
			a.addSupportingInformation(new Reference(f.plan));
			a.addParticipant().setActor(new Reference(x.staff())).setStatus(Appointment.ParticipationStatus.NEEDSACTION);
			return a;
		}, f);
		updates(writes, new Kind("CareTeam.participant", false, null), "CareTeam", () -> f.careTeam, f.careTeamIdentifier,
				"participant", team -> ((CareTeam) team).addParticipant().setMember(new Reference(x.organization()))
						.setRole(List.of(new org.hl7.fhir.r4.model.CodeableConcept(new Coding(SipUrls.PARTICIPANT_ROLE_SYSTEM, "other-actor", null)))), f);
		updates(writes, new Kind("CarePlan.activity.performer", false, "R7"), "CarePlan", () -> f.plan, f.planIdentifier,
				"activity", plan -> ((CarePlan) plan).addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED)
						.setDescription("Insats av en annan verksamhet").addPerformer(new Reference(x.organization())), f);
		updates(writes, new Kind("overall responsibility", false, null), "CarePlan", () -> f.plan, f.planIdentifier,
				"extension", plan -> {
					((CarePlan) plan).getExtension().removeIf(e -> e.getUrl().equals(SipUrls.OVERALL_RESPONSIBILITY));
					((CarePlan) plan).addExtension(SipUrls.OVERALL_RESPONSIBILITY, new Reference(x.organization()));
				}, f);
		updates(writes, new Kind("CarePlan.contributor", false, null), "CarePlan", () -> f.plan, f.planIdentifier,
				"contributor", plan -> ((CarePlan) plan).addContributor(new Reference(x.organization())), f);
		Kind linked = new Kind("a care team linked to the plan", false, null);
		writes.add(new Write(linked, "transaction: new care team + plan PUT", (caller, marker) -> {
			CareTeam team = newTeam(f, x);
			CarePlan plan = current(CarePlan.class, f.plan);
			String ref = "urn:uuid:" + UUID.randomUUID();
			plan.addCareTeam(new Reference(ref));
			Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			tx.addEntry().setFullUrl(ref).setResource(team).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("CareTeam");
			tx.addEntry().setResource(plan).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(f.plan);
			tx.addEntry().setResource(innocentGoal(f, marker)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Goal");
			return answer(postJson("", tx));
		}));
		writes.add(new Write(linked, "JSON Patch linking an existing care team", (caller, marker) -> {
			String before = actingAs();
			actAs(INITIATOR_ORG);
			HttpResponse<String> created = postJson("/CareTeam", newTeam(f, x));
			actAs(before);
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			String team = "CareTeam/" + CTX.newJsonParser().parseResource(CareTeam.class, created.body()).getIdPart();
			CarePlan plan = current(CarePlan.class, f.plan);
			plan.addCareTeam(new Reference(team));
			return answer(jsonPatch(f.plan, plan, "careTeam"));
		}));
		return writes;
	}

	/** The create paths for a new resource naming the organisation. */
	private void creates(List<Write> writes, Kind kind, java.util.function.Supplier<Resource> make, Fixture f) {
		writes.add(new Write(kind, "POST", (c, m) -> answer(postJson("/" + make.get().fhirType(), make.get()))));
		writes.add(new Write(kind, "conditional create", (c, m) -> {
			Resource r = identified(make.get(), m);
			return answer(send(request("/fhir/" + r.fhirType()).header("Content-Type", "application/fhir+json")
					.header("If-None-Exist", "identifier=" + ID_SYSTEM + "%7C" + m)
					.POST(HttpRequest.BodyPublishers.ofString(CTX.newJsonParser().encodeResourceToString(r))).build()));
		}));
		writes.add(new Write(kind, "PUT as create", (c, m) -> {
			Resource r = make.get();
			r.setId(m);
			return answer(send("PUT", "/" + r.fhirType() + "/" + m, "application/fhir+json", CTX.newJsonParser().encodeResourceToString(r)));
		}));
		writes.add(new Write(kind, "batch entry", (c, m) -> {
			Resource r = make.get();
			Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
			batch.addEntry().setResource(r).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
			return entryAnswer(postJson("", batch));
		}));
		writes.add(new Write(kind, "transaction entry", (c, m) -> {
			Resource r = make.get();
			Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(innocentGoal(f, m)).getRequest()
					.setMethod(Bundle.HTTPVerb.POST).setUrl("Goal");
			tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(r).getRequest()
					.setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
			return answer(postJson("", tx));
		}));
	}

	/** The update paths for adding the organisation to an element of a stored resource. */
	private void updates(List<Write> writes, Kind kind, String type, java.util.function.Supplier<String> key, String identifier,
			String element, java.util.function.Consumer<Resource> change, Fixture f) {
		Function<String, Resource> changed = k -> {
			Resource r = current(resourceClass(type), k);
			change.accept(r);
			return r;
		};
		writes.add(new Write(kind, "PUT", (c, m) -> {
			Resource r = changed.apply(key.get());
			return answer(send("PUT", "/" + key.get(), "application/fhir+json", CTX.newJsonParser().encodeResourceToString(r)));
		}));
		writes.add(new Write(kind, "JSON Patch", (c, m) -> answer(jsonPatch(key.get(), changed.apply(key.get()), element))));
		writes.add(new Write(kind, "FHIRPath Patch", (c, m) -> {
			Resource before = current(resourceClass(type), key.get());
			Resource after = changed.apply(key.get());
			return answer(fhirPathPatch(key.get(), before, after, element));
		}));
		writes.add(new Write(kind, "conditional update", (c, m) -> {
			Resource r = changed.apply(key.get());
			return answer(send("PUT", "/" + type + "?identifier=" + ID_SYSTEM + "%7C" + identifier, "application/fhir+json",
					CTX.newJsonParser().encodeResourceToString(r)));
		}));
		writes.add(new Write(kind, "batch entry", (c, m) -> {
			Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
			batch.addEntry().setResource(changed.apply(key.get())).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(key.get());
			return entryAnswer(postJson("", batch));
		}));
		writes.add(new Write(kind, "transaction entry", (c, m) -> {
			Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(innocentGoal(f, m)).getRequest()
					.setMethod(Bundle.HTTPVerb.POST).setUrl("Goal");
			tx.addEntry().setResource(changed.apply(key.get())).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(key.get());
			return answer(postJson("", tx));
		}));
	}

	private HttpResponse<String> jsonPatch(String key, Resource after, String element) {
		try {
			JsonNode value = JSON.readTree(CTX.newJsonParser().encodeResourceToString(after)).get(element);
			ArrayNode patch = JSON.createArrayNode();
			ObjectNode op = patch.addObject().put("op", "add").put("path", "/" + element);
			op.set("value", value);
			return send(request("/fhir/" + key).header("Content-Type", "application/json-patch+json")
					.method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(patch))).build());
		} catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A FHIRPath Patch adding the element's new last value, as {@code parameter.part}s for a complex one. */
	private HttpResponse<String> fhirPathPatch(String key, Resource before, Resource after, String element) {
		List<Base> values = after.getNamedProperty(element).getValues();
		Base added = values.get(values.size() - 1);
		Parameters patch = new Parameters();
		if (before.getNamedProperty(element).getValues().size() == values.size()) {
			// A replaced value (overall responsibility): delete the old one first.
			patch.addParameter().setName("operation").addPart(new Parameters.ParametersParameterComponent().setName("type")
					.setValue(new CodeType("delete"))).addPart(new Parameters.ParametersParameterComponent().setName("path")
					.setValue(new StringType(after.fhirType() + ".extension.where(url = '" + SipUrls.OVERALL_RESPONSIBILITY + "')")));
		}
		Parameters.ParametersParameterComponent op = patch.addParameter().setName("operation");
		op.addPart().setName("type").setValue(new CodeType("add"));
		op.addPart().setName("path").setValue(new StringType(after.fhirType()));
		op.addPart().setName("name").setValue(new StringType(element));
		Parameters.ParametersParameterComponent value = op.addPart().setName("value");
		if (added instanceof Type t && !(added instanceof org.hl7.fhir.r4.model.Extension)) {
			value.setValue(t);
		} else {
			parts(added, value);
		}
		return send(request("/fhir/" + key).header("Content-Type", "application/fhir+json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(CTX.newJsonParser().encodeResourceToString(patch))).build());
	}

	/** A complex value as nested parts, as FHIRPath Patch takes it. */
	private static void parts(Base element, Parameters.ParametersParameterComponent into) {
		for (org.hl7.fhir.r4.model.Property p : element.children()) {
			for (Base v : p.getValues()) {
				Parameters.ParametersParameterComponent part = into.addPart().setName(p.getName().replace("[x]", ""));
				if (v instanceof Type t && (v.isPrimitive() || !(v instanceof org.hl7.fhir.r4.model.BackboneElement))) {
					part.setValue(t);
				} else {
					parts(v, part);
				}
			}
		}
	}

	// ------------------------------------------------------------------ helpers

	private Fixture fixture(String name, boolean consent) {
		Fixture f = new Fixture(name);
		f.planIdentifier = "plan-" + UUID.randomUUID();
		f.careTeamIdentifier = "team-" + UUID.randomUUID();
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Patient child = new Patient().setBirthDateElement(new DateType("2016-05-04"));
		child.addName().setFamily("Matrisson").addGiven("Alva");
		String patient = entry(tx, child);
		List<String> guardians = new ArrayList<>();
		for (int i = 1; i <= 2; i++) {
			RelatedPerson g = new RelatedPerson().setPatient(new Reference(patient));
			g.addRelationship().addCoding(new Coding(SipUrls.ROLE_CODE_SYSTEM, "GUARD", null));
			g.addName().setFamily("Matrisson").addGiven("Vårdnadshavare " + i);
			guardians.add(entry(tx, g));
		}
		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(patient)).setName("SIP-team");
		team.addIdentifier(new Identifier().setSystem(ID_SYSTEM).setValue(f.careTeamIdentifier));
		team.addCategory().addCoding(new Coding(SipUrls.CARE_TEAM_SYSTEM, "sip", null));
		for (String org : consent ? List.of(INITIATOR_ORG, INVITED_ORG) : List.of(INITIATOR_ORG)) {
			team.addParticipant().setMember(new Reference(org)).addRole().addCoding(new Coding(SipUrls.PARTICIPANT_ROLE_SYSTEM, "principal-representative", null));
		}
		String teamRef = entry(tx, team);
		CarePlan plan = plainSip(patient).setAuthor(new Reference(INITIATOR_ORG));
		plan.addIdentifier(new Identifier().setSystem(ID_SYSTEM).setValue(f.planIdentifier));
		plan.addCareTeam(new Reference(teamRef));
		String planRef = entry(tx, plan);
		if (consent) {
			Consent c = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference(patient)).setDateTime(new Date());
			c.getScope().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null));
			c.addCategory().addCoding(new Coding(SipUrls.CONSENT_CATEGORY_SYSTEM, "sip", null));
			guardians.forEach(g -> c.addPerformer(new Reference(g)));
			c.addPolicy().setUri("https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/halso--och-sjukvardslag-201730_sfs-2017-30/");
			for (String org : List.of(INITIATOR_ORG, INVITED_ORG, COVERED_ORG, COVERED_TARGET.organization())) {
				c.getProvision().addActor().setReference(new Reference(org)).getRole()
						.addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", null));
			}
			c.getProvision().addData().setMeaning(Consent.ConsentDataMeaning.RELATED).setReference(new Reference(planRef));
			entry(tx, c);
			Task invitation = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
					.setFor(new Reference(patient)).setOwner(new Reference(INVITED_ORG)).setRequester(new Reference(INITIATOR_ORG))
					.setDescription("Delta i planeringen");
			invitation.addBasedOn(new Reference(planRef));
			entry(tx, invitation);
		}
		HttpResponse<String> r = postJson("", tx);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		Bundle answer = CTX.newJsonParser().parseResource(Bundle.class, r.body());
		List<String> locations = answer.getEntry().stream().map(e -> e.getResponse().getLocation().replaceAll("/_history/.*", "")).toList();
		f.patient = locations.get(0);
		f.guardian = locations.get(1);
		f.careTeam = locations.get(3);
		f.plan = locations.get(4);
		Set<String> everyone = new LinkedHashSet<>(List.of(INITIATOR_ORG, INVITED_ORG, COVERED_ORG, NOT_COVERED_ORG,
				COVERED_TARGET.organization(), UNCOVERED_TARGET.organization(), f.patient, f.guardian, OPERATOR));
		for (String reader : everyone) {
			actAs(reader);
			f.readers.put(reader, get("/fhir/" + f.plan).statusCode() == 200);
		}
		actAs(INITIATOR_ORG);
		assertThat(f.readers).containsEntry(INITIATOR_ORG, true).containsEntry(NOT_COVERED_ORG, false)
				.containsEntry(COVERED_TARGET.organization(), false).containsEntry(UNCOVERED_TARGET.organization(), false);
		return f;
	}

	private static String entry(Bundle tx, Resource r) {
		String ref = "urn:uuid:" + UUID.randomUUID();
		tx.addEntry().setFullUrl(ref).setResource(r).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
		return ref;
	}

	private CareTeam newTeam(Fixture f, Org x) {
		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(f.patient)).setName("Extra team");
		team.addCategory().addCoding(new Coding(SipUrls.CARE_TEAM_SYSTEM, "sip", null));
		team.addParticipant().setMember(new Reference(INITIATOR_ORG));
		team.addParticipant().setMember(new Reference(x.organization()));
		return team;
	}

	private static Goal innocentGoal(Fixture f, String marker) {
		Goal g = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.PROPOSED).setSubject(new Reference(f.patient));
		g.getDescription().setText("Ett mål som bara sparas med resten");
		g.addIdentifier(new Identifier().setSystem(ID_SYSTEM).setValue(marker));
		return g;
	}

	private static Resource identified(Resource r, String marker) {
		Identifier id = new Identifier().setSystem(ID_SYSTEM).setValue(marker);
		if (r instanceof Task t) {
			t.addIdentifier(id);
		} else if (r instanceof Appointment a) {
			a.addIdentifier(id);
		}
		return r;
	}

	/** The stored resource as it is now, read by the operator. */
	private <T extends Resource> T current(Class<T> type, String key) {
		String before = actingAs();
		actAs(OPERATOR);
		try {
			T r = client.read().resource(type).withId(key).execute();
			r.setMeta(null);
			return r;
		} finally {
			actAs(before);
		}
	}

	private static Class<? extends Resource> resourceClass(String type) {
		return type.equals("CarePlan") ? CarePlan.class : CareTeam.class;
	}

	private static Answer answer(HttpResponse<String> r) {
		return new Answer(r.statusCode(), r.body());
	}

	/** The answer of a batch's single entry. */
	private static Answer entryAnswer(HttpResponse<String> r) {
		if (r.statusCode() != 200) {
			return answer(r);
		}
		Bundle.BundleEntryComponent e = CTX.newJsonParser().parseResource(Bundle.class, r.body()).getEntryFirstRep();
		int status = Integer.parseInt(e.getResponse().getStatus().substring(0, 3));
		Resource outcome = e.getResponse().getOutcome();
		return new Answer(status, outcome == null ? "" : CTX.newJsonParser().encodeResourceToString(outcome));
	}

	private static Set<String> ruleCodes(String body) {
		Set<String> codes = new LinkedHashSet<>();
		try {
			OperationOutcome oo = CTX.newJsonParser().parseResource(OperationOutcome.class, body);
			oo.getIssue().forEach(i -> i.getDetails().getCoding().stream().filter(c -> SipUrls.RULE_SYSTEM.equals(c.getSystem()))
					.forEach(c -> codes.add(c.getCode())));
		} catch (RuntimeException e) {
			// not an OperationOutcome: no rule named
		}
		return codes;
	}
}
