package se.samplan.server.access;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.server.sip.SipUrls;
import se.samplan.server.workflow.WorkflowTestSupport;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R15 kept in the database: every resource of a plan carries the reader tags of exactly the organisations that may
 * read it, moved on in the transaction that changes who takes part or what the consent covers; a client cannot tag
 * itself in; an organisation's searches are narrowed by its tag, so a page is full of what it may read.
 */
@Tag("R15")
class ReaderTagsTest extends WorkflowTestSupport {

	private static final String VARDCENTRAL = "Organization/sip1-org-vardcentral";
	private static final String BUP = "Organization/sip2-org-bup";
	private static final String SKOLA = "Organization/sip2-org-skola";
	private static final String KOMMUN = "Organization/sip2-org-kommun";

	@Test
	void everyResourceOfAPlanNamesTheOrganisationsThatMayReadItAndNoOthers() {
		Bundle invited = invitedPlan();
		String plan = planOf(invited);
		String patient = invited.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(CarePlan.class::isInstance).map(r -> ((CarePlan) r).getSubject().getReference()).findFirst().orElseThrow();
		List<Resource> all = resourcesOf(plan, patient);
		assertThat(all).extracting(Resource::fhirType).contains("CarePlan", "Patient", "Consent", "Task", "Appointment");
		// Taking part: the initiator's health centre, BUP and the school (invited); the consent covers them and more.
		assertThat(all).allSatisfy(r -> assertThat(readers(r)).as(r.getIdElement().toUnqualifiedVersionless().getValue())
				.containsExactlyInAnyOrder(VARDCENTRAL, BUP, SKOLA));
		for (String org : List.of(VARDCENTRAL, BUP, SKOLA, KOMMUN)) {
			int expected = org.equals(KOMMUN) ? 404 : 200;
			assertThat(getAs("/fhir/" + plan, org).statusCode()).as(org).isEqualTo(expected);
		}
	}

	@Test
	void aNarrowedConsentTakesTheOrganisationOffEveryResourceOfThePlanAndItsHistory() {
		Bundle invited = invitedPlan();
		String plan = planOf(invited);
		String patient = ((CarePlan) invited.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(CarePlan.class::isInstance).findFirst().orElseThrow()).getSubject().getReference();
		String skolasTask = invited.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(r -> r instanceof org.hl7.fhir.r4.model.Task t && t.getOwner().getReference().equals(SKOLA))
				.map(r -> r.getIdElement().toUnqualifiedVersionless().getValue()).findFirst().orElseThrow();
		assertThat(getAs("/fhir/" + plan + "/_history/1", SKOLA).statusCode()).isEqualTo(200);

		actAs(OPERATOR);
		Consent consent = (Consent) client.search().byUrl("Consent?data=" + plan).returnBundle(Bundle.class).execute()
				.getEntryFirstRep().getResource();
		actAs(INITIATOR);
		assertThat(consent.getProvision().getActor().removeIf(a -> a.getReference().getReference().equals(SKOLA))).isTrue();
		HttpResponse<String> narrowed = send("PUT", "/Consent/" + consent.getIdPart(), "application/fhir+json",
				CTX.newJsonParser().encodeResourceToString(consent));
		assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);

		assertThat(resourcesOf(plan, patient)).allSatisfy(r -> assertThat(readers(r))
				.as(r.getIdElement().toUnqualifiedVersionless().getValue()).containsExactlyInAnyOrder(VARDCENTRAL, BUP));
		for (String path : List.of(plan, plan + "/_history/1", plan + "/_history", skolasTask, patient)) {
			HttpResponse<String> r = getAs("/fhir/" + path, SKOLA);
			assertThat(r.statusCode() == 404 || r.statusCode() == 200 && !r.body().contains("\"entry\"")).as(path + ": " + r.body()).isTrue();
		}
		assertThat(getAs("/fhir/CarePlan?subject=" + patient, SKOLA).body()).doesNotContain("\"CarePlan\"");
		assertThat(getAs("/fhir/" + plan, BUP).statusCode()).isEqualTo(200);
	}

	@Test
	void aConsentEndingAtASetTimeIsJudgedAtTheMomentOfReading() throws InterruptedException {
		Bundle invited = invitedPlan();
		String plan = planOf(invited);
		actAs(OPERATOR);
		Consent consent = (Consent) client.search().byUrl("Consent?data=" + plan).returnBundle(Bundle.class).execute()
				.getEntryFirstRep().getResource();
		long ends = System.currentTimeMillis() + 4_000;
		consent.getProvision().getPeriod().setEnd(new java.util.Date(ends));
		actAs(INITIATOR);
		HttpResponse<String> limited = send("PUT", "/Consent/" + consent.getIdPart(), "application/fhir+json",
				CTX.newJsonParser().encodeResourceToString(consent));
		assertThat(limited.statusCode()).as(limited.body()).isEqualTo(200);
		actAs(OPERATOR);
		assertThat(readers(client.read().resource(CarePlan.class).withUrl(plan).execute())).contains(Readers.CONSENT_ENDS, BUP);
		assertThat(getAs("/fhir/" + plan, BUP).statusCode()).isEqualTo(200);

		Thread.sleep(Math.max(0, ends - System.currentTimeMillis()) + 500);
		// No consent in force: only the initiator, which keeps the record, reads on; the tags still name BUP.
		assertThat(getAs("/fhir/" + plan, BUP).statusCode()).isEqualTo(404);
		assertThat(getAs("/fhir/CarePlan?_id=" + plan.substring(plan.indexOf('/') + 1), BUP).body()).doesNotContain("\"CarePlan\"");
		assertThat(getAs("/fhir/" + plan, VARDCENTRAL).statusCode()).isEqualTo(200);
	}

	@Test
	void aMemberOfStaffMovedToAnotherOrganisationTakesThePlansWithIt() {
		actAs(OPERATOR);
		PractitionerRole teacher = new PractitionerRole().setActive(true).setOrganization(new Reference(SKOLA));
		teacher.getPractitioner().setDisplay("Lärare");
		String role = "PractitionerRole/" + client.create().resource(teacher).execute().getId().getIdPart();
		actAs(INITIATOR);
		Bundle invited = invitedPlan();
		String plan = planOf(invited);
		String skolasTask = invited.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(r -> r instanceof org.hl7.fhir.r4.model.Task t && t.getOwner().getReference().equals(SKOLA))
				.map(r -> r.getIdElement().getIdPart()).findFirst().orElseThrow();
		HttpResponse<String> accepted = respond(skolasTask, SKOLA, "accept", null, role);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(getAs("/fhir/" + plan, KOMMUN).statusCode()).isEqualTo(404);

		actAs(OPERATOR);
		teacher = client.read().resource(PractitionerRole.class).withUrl(role).execute();
		teacher.setOrganization(new Reference(KOMMUN));
		client.update().resource(teacher).execute();
		// The municipality takes part through the teacher at the meeting, and the consent covers it.
		assertThat(readers(client.read().resource(CarePlan.class).withUrl(plan).execute())).contains(KOMMUN);
		assertThat(getAs("/fhir/" + plan, KOMMUN).statusCode()).isEqualTo(200);
	}

	@Test
	void aClientsOwnReaderTagsAreDropped() {
		Patient p = new Patient().setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1970-03-03"));
		p.addName().setFamily("Taggsson");
		p.getMeta().addTag(SipUrls.READER, BUP, null);
		HttpResponse<String> created = postJson("/Patient", p);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = "Patient/" + CTX.newJsonParser().parseResource(Patient.class, created.body()).getIdPart();
		actAs(OPERATOR);
		assertThat(readers(client.read().resource(Patient.class).withUrl(id).execute())).containsExactly(VARDCENTRAL);
		assertThat(getAs("/fhir/" + id, BUP).statusCode()).isEqualTo(404);
	}

	@Test
	void anOrganisationsPageIsFullThoughNewerPlansItMayNotSeeMatch() {
		invitedPlan();
		invitedPlan();
		for (int i = 0; i < 5; i++) {
			initiated(newPatient()); // the health centre's alone
		}
		String search = "/fhir/CarePlan?_sort=-_lastUpdated&_count=2";
		HttpResponse<String> page = getAs(search, SKOLA);
		assertThat(page.statusCode()).isEqualTo(200);
		Bundle found = CTX.newJsonParser().parseResource(Bundle.class, page.body());
		assertThat(found.getEntry()).hasSize(2);
		assertThat(found.getLink()).as("self and next links as the client asked, without the narrowing").isNotEmpty()
				.allSatisfy(link -> assertThat(link.getUrl()).doesNotContain("_tag"));
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("CarePlan?_sort=-_lastUpdated&_count=2");
		HttpResponse<String> answered = send(request("/fhir", SKOLA).header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(CTX.newJsonParser().encodeResourceToString(batch))).build());
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(((Bundle) CTX.newJsonParser().parseResource(Bundle.class, answered.body()).getEntryFirstRep().getResource())
				.getEntry()).as("a batch's search too").hasSize(2);
	}

	private static String planOf(Bundle invited) {
		return invited.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(CarePlan.class::isInstance)
				.map(r -> r.getIdElement().toUnqualifiedVersionless().getValue()).findFirst().orElseThrow();
	}

	/** The plan and what follows it, as the operator reads them. */
	private List<Resource> resourcesOf(String plan, String patient) {
		String before = actingAs();
		actAs(OPERATOR);
		List<Resource> all = new ArrayList<>();
		all.add(client.read().resource(CarePlan.class).withUrl(plan).execute());
		all.add(client.read().resource(Patient.class).withUrl(patient).execute());
		for (String search : List.of("Consent?data=", "Task?based-on=", "Appointment?sip-care-plan=")) {
			client.search().byUrl(search + plan).returnBundle(Bundle.class).execute().getEntry()
					.forEach(e -> all.add((Resource) e.getResource()));
		}
		actAs(before);
		return all;
	}

	private static Set<String> readers(Resource resource) {
		Set<String> readers = new TreeSet<>();
		resource.getMeta().getTag().stream().filter(t -> SipUrls.READER.equals(t.getSystem())).map(Coding::getCode).forEach(readers::add);
		return readers;
	}

	private HttpResponse<String> getAs(String path, String organization) {
		return send(request(path, organization).GET().build());
	}
}
