package se.samplan.server.access;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import se.samplan.profiles.SipPackage;
import se.samplan.server.ServerTestBase;
import se.samplan.server.authserver.SmartLaunch;
import se.samplan.server.identifier.IdentifierSystem;
import se.samplan.testkit.county.County;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R13, R15 ("who sees what", access.md): probes generated over caller × read path × target, each asserting
 * whether the caller sees the target plan (or its person) — read and vread (200 or 404), searches by id,
 * by subject and chained, {@code _include}, {@code _revinclude}, {@code _has}, instance history, the pages
 * of a search someone else made, {@code $everything}, a GET in a batch and in a transaction, and
 * {@code $sip-summary}. Targets: the demo plans of an adult
 * and of a child (9), a plan before consent, an invited plan, a plan whose consent was withdrawn, a plan
 * held back from the person, and children aged 12, 14 and 16 with and without the guardian-access flag and
 * protected identity. Every probe has one exact expected outcome; their number is printed.
 */
@Tag("R13")
@Tag("R15")
class AccessProbesTest extends ServerTestBase {

	private static final String KOMMUN = "Organization/sip1-org-kommun";
	private static final String BUP = "PractitionerRole/sip2-role-bup";
	private static final String AF = "Organization/sip3-org-af";
	private static final String ANNA = "RelatedPerson/sip2-guardian-anna";
	/** Callers probed against every demo target. */
	private static final List<String> CALLERS = List.of(DEFAULT_USER, KOMMUN, BUP, AF, "Patient/sip1-patient",
			"Patient/sip3-patient", ANNA, OPERATOR);
	private static final AtomicInteger PROBES = new AtomicInteger();
	/** Person and guardian callers whose probes ran with a token from a SMART launch, not the demo token endpoint. */
	private static final Set<String> LAUNCHED = ConcurrentHashMap.newKeySet();
	private static final Map<String, String> LAUNCHED_TOKENS = new ConcurrentHashMap<>();
	/** One guardian person, by personnummer, of every child target; and of those, the ones R13 lets them read. */
	private static final String GUARDIAN = County.personnummer(LocalDate.of(1980, 5, 5), 123);
	private final Set<String> guardianMayRead = ConcurrentHashMap.newKeySet();
	private static final AtomicInteger AS_EXPECTED = new AtomicInteger();

	/** A plan to probe, who is probed against it, and who may see it. */
	record Target(String name, String plan, String patient, boolean adult, List<String> callers, Set<String> allowed) {

		boolean planVisibleTo(String caller) {
			return allowed.contains(caller);
		}

		/** The person's own record is theirs from 16, whatever is held back of the plan. */
		boolean patientVisibleTo(String caller) {
			return allowed.contains(caller) || caller.equals(patient) && adult;
		}
	}

	enum Seen { PLAN, PATIENT, PLAN_AND_PATIENT }

	/** A read path: what it shows, and whether the target showed up in it. */
	record Path(String name, Seen shows, Function<Target, Boolean> sees) {}

	@TestFactory
	Stream<DynamicTest> everyProbeHasItsExpectedOutcome() {
		List<Target> targets = targets();
		List<Path> paths = paths(targets);
		List<DynamicTest> probes = new ArrayList<>();
		for (Target t : targets) {
			for (String caller : t.callers()) {
				for (Path path : paths) {
					boolean expected = switch (path.shows()) {
						case PLAN -> t.planVisibleTo(caller);
						case PATIENT -> t.patientVisibleTo(caller);
						case PLAN_AND_PATIENT -> t.planVisibleTo(caller) && t.patientVisibleTo(caller);
					};
					probes.add(DynamicTest.dynamicTest(caller + " × " + path.name() + " × " + t.name(), () -> {
						actAs(caller);
						PROBES.incrementAndGet();
						assertThat(path.sees().apply(t)).as("%s sees %s through %s", caller, t.name(), path.name())
								.isEqualTo(expected);
						AS_EXPECTED.incrementAndGet();
					}));
				}
			}
		}
		assertThat(probes).hasSizeGreaterThanOrEqualTo(200);
		probes.add(DynamicTest.dynamicTest("a guardian launching an app is offered exactly the children R13 lets them read", () ->
				assertThat(SmartLaunch.offered(ownIssuer(), GUARDIAN)).containsExactlyInAnyOrderElementsOf(guardianMayRead)));
		int generated = probes.size() - 1;
		probes.add(DynamicTest.dynamicTest("count", () -> {
			System.out.println("Access probes: " + PROBES.get() + " run (" + targets.size() + " targets × their callers × "
					+ paths.size() + " read paths), " + (PROBES.get() - AS_EXPECTED.get()) + " with another outcome than expected; "
					+ "with launched tokens: " + LAUNCHED);
			assertThat(LAUNCHED).contains("Patient/sip1-patient", ANNA);
			assertThat(PROBES.get()).isEqualTo(generated);
			assertThat(AS_EXPECTED.get()).isEqualTo(generated);
		}));
		return probes.stream();
	}

	private List<Path> paths(List<Target> targets) {
		List<Path> paths = new ArrayList<>(List.of(
				new Path("read", Seen.PLAN, t -> found(get("/fhir/" + t.plan()))),
				new Path("vread", Seen.PLAN, t -> found(get("/fhir/" + t.plan() + "/_history/1"))),
				new Path("search _id", Seen.PLAN, t -> contains(search("CarePlan?_id=" + id(t.plan())), t.plan())),
				new Path("search subject", Seen.PLAN, t -> contains(search("CarePlan?subject=" + t.patient()), t.plan())),
				new Path("chained search", Seen.PLAN, t -> contains(search("CarePlan?_id=" + id(t.plan())
						+ "&subject:Patient.birthdate=ge1900-01-01"), t.plan())),
				new Path("_include", Seen.PLAN_AND_PATIENT, t -> contains(search("CarePlan?_id=" + id(t.plan())
						+ "&_include=CarePlan:subject"), t.patient())),
				new Path("_revinclude", Seen.PLAN, t -> contains(search("Patient?_id=" + id(t.patient())
						+ "&_revinclude=CarePlan:subject"), t.plan())),
				new Path("_has", Seen.PATIENT, t -> contains(search("Patient?_id=" + id(t.patient())
						+ "&_has:CarePlan:subject:_id=" + id(t.plan())), t.patient())),
				new Path("history", Seen.PLAN, t -> contains(search(t.plan() + "/_history"), t.plan())),
				new Path("$everything", Seen.PLAN, t -> contains(search(t.patient() + "/$everything"), t.plan())),
				new Path("batch GET", Seen.PLAN, t -> bundleGet(Bundle.BundleType.BATCH, t.plan())),
				new Path("transaction GET", Seen.PLAN, t -> bundleGet(Bundle.BundleType.TRANSACTION, t.plan())),
				new Path("$sip-summary", Seen.PLAN, t -> found(get("/fhir/" + t.plan() + "/$sip-summary"))),
				new Path("read person", Seen.PATIENT, t -> found(get("/fhir/" + t.patient())))));
		// The pages of a search the operator made, asked for by someone else.
		actAs(OPERATOR);
		java.util.Map<String, List<String>> pages = new java.util.HashMap<>();
		String others = targets.stream().map(t -> id(t.plan())).reduce((a, b) -> a + "," + b).orElseThrow();
		Bundle first = bundle(get("/fhir/CarePlan?_id=" + others + "&_count=2&_sort=_id"));
		List<String> links = new ArrayList<>();
		for (Bundle page = first; page != null; ) {
			links.add(page.getLink("self").getUrl());
			Bundle.BundleLinkComponent next = page.getLink("next");
			page = next == null ? null : bundle(get(next.getUrl().substring(next.getUrl().indexOf("/fhir"))));
		}
		assertThat(links).hasSizeGreaterThan(3);
		paths.add(new Path("paging", Seen.PLAN, t -> links.stream().skip(1)
				.anyMatch(link -> contains(bundle(get(link.substring(link.indexOf("/fhir")))), t.plan()))
				|| contains(search("CarePlan?_id=" + others + "&_count=2&_sort=_id"), t.plan())));
		actAs(DEFAULT_USER);
		return paths;
	}

	private List<Target> targets() {
		List<Target> targets = new ArrayList<>();
		targets.add(new Target("active plan of an adult (scenario 1)", "CarePlan/" + demoPlan("Patient/sip1-patient"),
				"Patient/sip1-patient", true, CALLERS, Set.of(DEFAULT_USER, KOMMUN, "Patient/sip1-patient", OPERATOR)));
		targets.add(new Target("active plan of a child of 9 (scenario 2)", "CarePlan/" + demoPlan("Patient/sip2-patient"),
				"Patient/sip2-patient", false, with(CALLERS, "Patient/sip2-patient", "RelatedPerson/sip2-guardian-erik"),
				Set.of(BUP, ANNA, "RelatedPerson/sip2-guardian-erik", OPERATOR)));
		String early = "Patient/sip-example-samordningsnummer";
		targets.add(new Target("plan before consent", "CarePlan/" + demoPlan(early), early, true, with(CALLERS, early),
				Set.of(DEFAULT_USER, early, OPERATOR)));
		targets.add(new Target("invited plan", "CarePlan/" + demoPlan("Patient/sip4-patient"), "Patient/sip4-patient", true,
				with(CALLERS, "Patient/sip4-patient"), Set.of(DEFAULT_USER, KOMMUN, "Patient/sip4-patient", OPERATOR)));
		targets.add(withdrawnConsent());
		targets.add(heldBack());
		targets.add(child(12, false, false));
		targets.add(child(12, false, true));
		targets.add(child(14, false, false));
		targets.add(child(14, true, false));
		targets.add(child(14, true, true));
		targets.add(child(16, false, false));
		targets.add(child(16, true, false));
		return targets;
	}

	/** Consent given to the district nurse's unit and the municipality, the municipality invited, then consent withdrawn. */
	private Target withdrawnConsent() {
		actAs(DEFAULT_USER);
		String patient = person(LocalDate.now().minusYears(70), false);
		String plan = initiate(patient);
		org.hl7.fhir.r4.model.Consent consent = CTX.newJsonParser().parseResource(org.hl7.fhir.r4.model.Consent.class,
				SipPackage.examples().get("Consent-sip1-consent.json"));
		consent.setId((String) null);
		consent.setPatient(new Reference(patient));
		consent.getPerformer().clear();
		consent.addPerformer(new Reference(patient));
		consent.getProvision().getData().clear();
		consent.getProvision().getActor().removeIf(a -> !Set.of("Organization/sip1-org-vardcentral", KOMMUN)
				.contains(a.getReference().getReference()));
		Parameters in = new Parameters();
		in.addParameter().setName("consent").setResource(consent);
		ok(postJson("/" + plan + "/$sip-consent", in));
		in = new Parameters();
		in.addParameter().setName("start").setValue(new org.hl7.fhir.r4.model.DateTimeType("2027-02-01T10:00:00+01:00"));
		in.addParameter().setName("end").setValue(new org.hl7.fhir.r4.model.DateTimeType("2027-02-01T11:00:00+01:00"));
		in.addParameter().setName("organization").setValue(new Reference(KOMMUN));
		ok(postJson("/" + plan + "/$sip-invite", in));
		actAs(KOMMUN);
		assertThat(found(get("/fhir/" + plan))).as("the invited municipality sees the plan while consent lasts").isTrue();
		actAs(DEFAULT_USER);
		in = new Parameters();
		in.addParameter().setName("withdrawnBy").setValue(new Reference(patient));
		ok(postJson("/" + plan + "/$sip-withdraw-consent", in));
		return new Target("plan with consent withdrawn", plan, patient, true, with(CALLERS, patient),
				Set.of(DEFAULT_USER, patient, OPERATOR));
	}

	/** An adult's plan marked not approved for the person (sip-approved-for-patient false). */
	private Target heldBack() {
		actAs(DEFAULT_USER);
		String patient = person(LocalDate.now().minusYears(40), false);
		String plan = initiate(patient);
		CarePlan stored = client.read().resource(CarePlan.class).withId(id(plan)).execute();
		stored.addExtension(SipPackage.structureDefinition("sip-approved-for-patient"), new BooleanType(false));
		client.update().resource(stored).execute();
		return new Target("plan held back from the person", plan, patient, true,
				List.of(DEFAULT_USER, BUP, patient, OPERATOR), Set.of(DEFAULT_USER, OPERATOR));
	}

	/** A child of this age with one guardian, and a plan, with or without guardian access and protected identity. */
	private Target child(int age, boolean guardianAccess, boolean protectedIdentity) {
		actAs(DEFAULT_USER);
		String patient = person(LocalDate.now().minusYears(age).minusMonths(1), protectedIdentity);
		RelatedPerson guardian = new RelatedPerson();
		guardian.setPatient(new Reference(patient));
		guardian.addRelationship().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "GUARD", null));
		guardian.addName().setFamily("Vårdnadshavare");
		guardian.addIdentifier().setSystem(IdentifierSystem.PERSONNUMMER.canonical()).setValue(GUARDIAN);
		String guardianRef = "RelatedPerson/" + client.create().resource(guardian).execute().getId().getIdPart();
		String plan = initiate(patient);
		if (guardianAccess) {
			CarePlan stored = client.read().resource(CarePlan.class).withId(id(plan)).execute();
			stored.addExtension(SipPackage.structureDefinition("sip-guardian-access"), new BooleanType(true));
			client.update().resource(stored).execute();
		}
		Set<String> allowed = new java.util.HashSet<>(Set.of(DEFAULT_USER, OPERATOR));
		if (!protectedIdentity && (age < 13 || age < 16 && guardianAccess)) {
			allowed.add(guardianRef);
			guardianMayRead.add(guardianRef);
		}
		if (age >= 16) {
			allowed.add(patient);
		}
		return new Target("child of " + age + (guardianAccess ? ", guardian access" : "")
				+ (protectedIdentity ? ", protected identity" : ""), plan, patient, age >= 16,
				List.of(DEFAULT_USER, BUP, patient, guardianRef, OPERATOR), Set.copyOf(allowed));
	}

	private String person(LocalDate born, boolean protectedIdentity) {
		Patient p = new Patient();
		p.addName().setFamily("Probesson").addGiven(UUID.randomUUID().toString().substring(0, 8));
		p.setBirthDateElement(new DateType(born.toString()));
		if (protectedIdentity) {
			p.getMeta().addSecurity("http://hl7.se/fhir/ig/base/CodeSystem/SecurityLabel", "skyddadFolkbokforing", null);
		}
		return "Patient/" + client.create().resource(p).execute().getId().getIdPart();
	}

	private String initiate(String patient) {
		Parameters in = new Parameters();
		in.addParameter().setName("patient").setValue(new Reference(patient));
		in.addParameter().setName("initiator").setValue(new Reference(DEFAULT_USER));
		HttpResponse<String> r = postJson("/CarePlan/$sip-initiate", in);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return "CarePlan/" + CTX.newJsonParser().parseResource(CarePlan.class, r.body()).getIdPart();
	}

	private boolean bundleGet(Bundle.BundleType type, String reference) {
		Bundle batch = new Bundle().setType(type);
		batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(reference);
		HttpResponse<String> response = postJson("", batch);
		if (type == Bundle.BundleType.TRANSACTION && response.statusCode() == 404) {
			return false; // a transaction fails as a whole
		}
		Bundle answer = bundle(response);
		String status = answer.getEntryFirstRep().getResponse().getStatus();
		assertThat(status).matches("(200|404).*");
		return status.startsWith("200");
	}

	private Bundle search(String query) {
		return bundle(get("/fhir/" + query));
	}

	private static boolean found(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isIn(200, 404);
		return response.statusCode() == 200;
	}

	private static Bundle bundle(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return CTX.newJsonParser().parseResource(Bundle.class, response.body());
	}

	private static boolean contains(Bundle bundle, String reference) {
		return bundle.getEntry().stream().map(e -> (Resource) e.getResource()).filter(java.util.Objects::nonNull)
				.anyMatch(r -> reference.equals(r.fhirType() + "/" + r.getIdElement().getIdPart()));
	}

	private static void ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
	}

	private static String id(String reference) {
		return reference.substring(reference.indexOf('/') + 1);
	}

	/**
	 * A person or guardian who can launch an app (signs in by personnummer, and the picker offers them) probes with the
	 * token of a SMART launch of the portal, as an app gets it; everyone else with the demo token endpoint's.
	 */
	@Override
	protected String token(String demoUser) {
		if (!demoUser.startsWith("Patient/") && !demoUser.startsWith("RelatedPerson/")) {
			return super.token(demoUser);
		}
		return LAUNCHED_TOKENS.computeIfAbsent(port + " " + demoUser, k -> {
			Resource person = (Resource) CTX.newJsonParser().parseResource(send(request("/fhir/" + demoUser, OPERATOR)
					.header("Accept", "application/fhir+json").GET().build()).body());
			List<Identifier> identifiers = person instanceof Patient p ? p.getIdentifier() : ((RelatedPerson) person).getIdentifier();
			Optional<String> number = identifiers.stream().filter(i -> IdentifierSystem.of(i.getSystem()).isPresent()
					&& IdentifierSystem.of(i.getSystem()).get() != IdentifierSystem.HSA_ID).map(Identifier::getValue).findFirst();
			Optional<String> launched = number.flatMap(n -> SmartLaunch.portalToken(ownIssuer(), n, demoUser));
			launched.ifPresent(t -> LAUNCHED.add(demoUser));
			return launched.orElseGet(() -> super.token(demoUser));
		});
	}

	private static List<String> with(List<String> callers, String... more) {
		List<String> all = new ArrayList<>(callers);
		all.addAll(List.of(more));
		return all;
	}
}
