package se.samplan.server.ehr;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;
import se.samplan.testkit.county.County;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an EHR sends: a person with guardians in one transaction, a plan's base data whose entries refer to each
 * other by {@code urn:uuid}, conditional references, and 100 person bundles of a county export loaded as a
 * backend client of the registering organisation. Afterwards each party reads what the consent lets it read.
 */
@Tag("R2")
@Tag("R3")
class EhrTransactionsTest extends ServerTestBase {

	private static final String STAFF = "PractitionerRole/sip1-role-distriktsskoterska";
	/** The demo county's registering unit. */
	private static final String REGISTERING = "Organization/sip1-org-vardcentral";

	@Test
	void aPersonWithTwoGuardiansInOneTransaction() {
		actAs(STAFF);
		Bundle child = childFamily();
		HttpResponse<String> r = postJson("", child);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		Bundle answer = CTX.newJsonParser().parseResource(Bundle.class, r.body());
		assertThat(answer.getEntry()).hasSize(3).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
		String patient = answer.getEntry().get(0).getResponse().getLocation().replaceAll("/_history/.*", "");
		Bundle guardians = client.search().byUrl("RelatedPerson?patient=" + patient).returnBundle(Bundle.class).execute();
		assertThat(guardians.getEntry()).hasSize(2);
	}

	@Test
	void aPlansBaseDataReferringToEachOtherByUrnUuid() {
		actAs(REGISTERING);
		Bundle tx = childBundle(County.demo(3));
		Bundle answer = load(tx);
		String patient = location(answer, "Patient");
		String plan = location(answer, "CarePlan");
		CarePlan stored = client.read().resource(CarePlan.class).withId(plan).execute();
		assertThat(stored.getSubject().getReference()).isEqualTo(patient);
		assertThat(stored.getGoal()).allSatisfy(g -> assertThat(g.getReference()).startsWith("Goal/"));
		// Each organisation of the consent reads the plan; one outside it does not.
		Bundle consent = client.search().byUrl("Consent?patient=" + patient).returnBundle(Bundle.class).execute();
		List<String> covered = ((org.hl7.fhir.r4.model.Consent) consent.getEntryFirstRep().getResource()).getProvision().getActor()
				.stream().map(a -> a.getReference().getReference()).toList();
		for (String org : covered) {
			actAs(org);
			assertThat(get("/fhir/" + plan).statusCode()).as(org).isEqualTo(200);
		}
		actAs("Organization/sip3-org-psykiatri");
		assertThat(get("/fhir/" + plan).statusCode()).isIn(403, 404);
		assertThat(count("CarePlan?subject=" + patient)).isZero();
	}

	@Test
	void conditionalReferencesAndAConditionalCreate() {
		actAs(REGISTERING);
		Bundle first = load(County.demo(4).next().bundle());
		Patient person = client.read().resource(Patient.class).withId(location(first, "Patient")).execute();
		String pnr = person.getIdentifierFirstRep().getValue();
		String byIdentifier = "Patient?identifier=" + person.getIdentifierFirstRep().getSystem() + "|" + pnr;
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Patient again = new Patient();
		again.addIdentifier(person.getIdentifierFirstRep().copy());
		again.addName().setFamily(person.getNameFirstRep().getFamily());
		tx.addEntry().setFullUrl("urn:uuid:11111111-1111-4111-8111-111111111111").setResource(again).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Patient").setIfNoneExist(byIdentifier.substring("Patient?".length()));
		Goal goal = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.PROPOSED).setSubject(new Reference(byIdentifier));
		goal.getDescription().setText("Att kunna bo kvar hemma");
		tx.addEntry().setFullUrl("urn:uuid:22222222-2222-4222-8222-222222222222").setResource(goal).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Goal");
		Bundle answer = load(tx);
		assertThat(answer.getEntry().get(0).getResponse().getStatus()).startsWith("200");
		assertThat(count("Patient?identifier=" + pnr)).isEqualTo(1);
		Goal stored = client.read().resource(Goal.class).withId(location(answer, "Goal")).execute();
		assertThat(stored.getSubject().getReference()).isEqualTo("Patient/" + person.getIdPart());
	}

	@Test
	void aHundredPersonBundlesOfACountyExportLoad() {
		actAs(REGISTERING);
		County export = County.demo(2026);
		List<String> failures = new ArrayList<>();
		int children = 0;
		for (int i = 0; i < 100; i++) {
			Bundle tx = export.next().bundle();
			children += tx.getEntry().stream().anyMatch(e -> e.getResource() instanceof RelatedPerson) ? 1 : 0;
			HttpResponse<String> r = postJson("", tx);
			if (r.statusCode() != 200) {
				failures.add(i + ": " + r.statusCode() + " " + r.body());
			}
		}
		assertThat(failures).isEmpty();
		assertThat(children).isEqualTo(33);
	}

	@Test
	void anInvitationOutsideTheConsentFailsTheWholeTransaction() {
		actAs(REGISTERING);
		Bundle tx = County.demo(5).next().bundle();
		Task outside = tx.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Task.class::isInstance)
				.map(Task.class::cast).findFirst().orElseThrow();
		outside.setOwner(new Reference("Organization/sip3-org-psykiatri"));
		HttpResponse<String> r = postJson("", tx);
		assertRule(r, 422, "R2", "Task.owner");
		String pnr = ((Patient) tx.getEntryFirstRep().getResource()).getIdentifierFirstRep().getValue();
		actAs(OPERATOR);
		assertThat(count("Patient?identifier=" + pnr)).isZero();
	}

	@Test
	void theSummaryOfAPlanBuiltByPlainWritesValidates() {
		actAs(REGISTERING);
		Bundle answer = load(County.demo(6).next().bundle());
		String plan = location(answer, "CarePlan");
		actAs(STAFF);
		HttpResponse<String> doc = get("/fhir/" + plan + "/$sip-summary", "application/fhir+json");
		assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
		Bundle document = CTX.newJsonParser().parseResource(Bundle.class, doc.body());
		assertThat(document.getEntry()).allSatisfy(e -> assertThat(e.getResource().getMeta().getSource()).as(e.getFullUrl())
				.satisfiesAnyOf(s -> assertThat(s).isNull(), s -> assertThat(s).doesNotStartWith("#")));
		assertThat(validationErrors(doc.body())).isEmpty();
	}

	/** A county bundle of a child (every third person), from this export. */
	private static Bundle childBundle(County export) {
		export.next();
		export.next();
		return export.next().bundle();
	}

	/** A child and its two guardians only, as an EHR registers a family. */
	private static Bundle childFamily() {
		Bundle all = childBundle(County.demo(7));
		Bundle family = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		all.getEntry().stream().filter(e -> e.getResource() instanceof Patient || e.getResource() instanceof RelatedPerson)
				.forEach(family::addEntry);
		return family;
	}

	private Bundle load(Bundle tx) {
		HttpResponse<String> r = postJson("", tx);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return CTX.newJsonParser().parseResource(Bundle.class, r.body());
	}

	private static String location(Bundle answer, String type) {
		return answer.getEntry().stream().map(e -> e.getResponse().getLocation()).filter(l -> l.startsWith(type + "/"))
				.findFirst().orElseThrow().replaceAll("/_history/.*", "");
	}
}
