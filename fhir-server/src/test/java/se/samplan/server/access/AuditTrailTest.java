package se.samplan.server.access;

import com.nimbusds.jwt.JWTClaimsSet;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samplan.server.ServerTestBase;
import se.samplan.server.authserver.SigningKeys;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R15 (loggning): every answered request about personal data has its AuditEvent, stored before the answer;
 * nobody changes or deletes AuditEvents through the API; the person finds who read their data.
 */
@Tag("R15")
class AuditTrailTest extends ServerTestBase {

	@Autowired
	SigningKeys issuer;

	private int auditEvents() {
		String before = actingAs();
		actAs(OPERATOR);
		try {
			return client.search().forResource(AuditEvent.class).totalMode(ca.uhn.fhir.rest.api.SearchTotalModeEnum.ACCURATE)
					.summaryMode(ca.uhn.fhir.rest.api.SummaryEnum.COUNT).returnBundle(Bundle.class).execute().getTotal();
		} finally {
			actAs(before);
		}
	}

	@Test
	void everyAnsweredRequestAboutPersonalDataHasItsAuditEvent() {
		String plan = demoPlan("Patient/sip1-patient");
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("CarePlan/" + plan);
		int before = auditEvents();
		List<HttpResponse<String>> sample = List.of(
				get("/fhir/CarePlan/" + plan),
				get("/fhir/CarePlan/" + plan + "/_history/1"),
				get("/fhir/CarePlan?subject=Patient/sip1-patient&_include=CarePlan:subject"),
				get("/fhir/CarePlan/" + plan + "/_history"),
				get("/fhir/Patient/sip1-patient/$everything"),
				postJson("", batch),
				postJson("/Patient", "{\"resourceType\":\"Patient\",\"birthDate\":\"1950-05-05\"}"),
				get("/fhir/Goal?subject=Patient/sip1-patient"));
		assertThat(sample).allSatisfy(r -> assertThat(r.statusCode() / 100).as(r.body()).isEqualTo(2));
		// + 1: the count before is itself a read of the log, logged once it was answered.
		assertThat(auditEvents() - before).isEqualTo(sample.size() + 1);

		actAs(OPERATOR);
		Bundle aboutThePlan = client.search().byUrl("AuditEvent?entity=CarePlan/" + plan + "&_sort=-date&_count=50")
				.returnBundle(Bundle.class).execute();
		AuditEvent read = aboutThePlan.getEntry().stream().map(e -> (AuditEvent) e.getResource())
				.filter(e -> e.getSubtypeFirstRep().getCode().equals("read")).findFirst().orElseThrow();
		assertThat(read.getAgentFirstRep().getWho().getReference()).isEqualTo(DEFAULT_USER);
		assertThat(read.getAgent()).anySatisfy(a -> assertThat(a.getWho().getReference()).isEqualTo("Organization/sip1-org-vardcentral"));
		assertThat(read.getEntity()).anySatisfy(e -> {
			assertThat(e.getWhat().getReference()).isEqualTo("Patient/sip1-patient");
			assertThat(e.getRole().getCode()).isEqualTo("1");
		});
		assertThat(read.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("TREAT");
		assertThat(read.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
	}

	@Test
	void aRefusedReadIsLoggedAsAFailure() {
		String plan = demoPlan("Patient/sip1-patient");
		actAs("PractitionerRole/sip2-role-bup");
		assertThat(get("/fhir/CarePlan/" + plan).statusCode()).isEqualTo(404);
		actAs(OPERATOR);
		Bundle failures = client.search().byUrl("AuditEvent?entity=CarePlan/" + plan + "&agent=PractitionerRole/sip2-role-bup")
				.returnBundle(Bundle.class).execute();
		assertThat(failures.getEntry()).anySatisfy(e -> assertThat(((AuditEvent) e.getResource()).getOutcome())
				.isEqualTo(AuditEvent.AuditEventOutcome._4));
	}

	/**
	 * The log keeps what a party did after the party is removed: its records stay and are found by it, and the
	 * removed party's next token is refused (403), neither failing to be logged.
	 */
	@Test
	void theRecordsOfARemovedPartyStayAndItsNextTokenIsRefused() {
		actAs(OPERATOR);
		String org = client.create().resource(new org.hl7.fhir.r4.model.Organization().setName("Tillfällig enhet")).execute()
				.getId().toUnqualifiedVersionless().getValue();
		assertThat(send(request("/fhir/Patient?_count=1", org).GET().build()).statusCode()).isEqualTo(200);
		client.delete().resourceById(new org.hl7.fhir.r4.model.IdType(org)).execute();
		String newToken = issuer.sign(new JWTClaimsSet.Builder().issuer(ownIssuer()).audience(fhirBase()).subject(org)
				.expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("organization", org).claim("scope", "system/*.cruds").build());
		HttpResponse<String> afterRemoval = send(HttpRequest.newBuilder(URI.create(fhirBase() + "/Patient"))
				.header("Authorization", "Bearer " + newToken).GET().build());
		assertThat(afterRemoval.statusCode()).as(afterRemoval.body()).isEqualTo(403);
		assertThat(count("AuditEvent?agent=" + org)).as("its records, the 403 after removal among them").isGreaterThanOrEqualTo(2);
	}

	/** The log is searched by what it is searched for (patient, date, agent, entity), newest first, and paged. */
	@Test
	void theLogIsSearchedByPatientDateAgentAndEntityOnly() {
		String plan = demoPlan("Patient/sip1-patient");
		for (int i = 0; i < 3; i++) {
			assertThat(get("/fhir/CarePlan/" + plan).statusCode()).isEqualTo(200);
		}
		actAs(OPERATOR);
		String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
		String reads = "AuditEvent?patient=Patient/sip1-patient&entity=CarePlan/" + plan + "&agent=" + DEFAULT_USER
				+ "&date=ge" + yesterday;
		Bundle newest = client.search().byUrl(reads + "&_count=2").returnBundle(Bundle.class).execute();
		assertThat(newest.getEntry()).hasSize(2);
		assertThat(newest.getLink(Bundle.LINK_NEXT)).as("a next page").isNotNull();
		Bundle second = client.loadPage().next(newest).execute();
		assertThat(second.getEntry()).isNotEmpty();
		List<java.util.Date> times = java.util.stream.Stream.concat(newest.getEntry().stream(), second.getEntry().stream())
				.map(e -> ((AuditEvent) e.getResource()).getRecorded()).toList();
		assertThat(times).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(java.util.stream.Stream.concat(newest.getEntry().stream(), second.getEntry().stream())
				.map(e -> e.getResource().getIdElement().getIdPart()).distinct()).hasSize(times.size());
		Bundle oldest = client.search().byUrl(reads + "&_sort=date&_count=2").returnBundle(Bundle.class).execute();
		assertThat(((AuditEvent) oldest.getEntryFirstRep().getResource()).getRecorded())
				.isBeforeOrEqualTo(((AuditEvent) newest.getEntryFirstRep().getResource()).getRecorded());
		assertThat(count("AuditEvent?date=lt" + yesterday)).as("nothing before the server started").isZero();
		for (String other : List.of("outcome=4", "action=R", "type=rest", "subtype=read", "site=Samplan", "altid=x", "_content=Samplan")) {
			HttpResponse<String> r = get("/fhir/AuditEvent?" + other);
			assertThat(r.statusCode()).as(other + ": " + r.body()).isEqualTo(400);
		}
		assertThat(count("Patient?_content=Elsa")).as("other resources stay in the full-text index").isPositive();
	}

	@Test
	void auditEventsCannotBeWrittenChangedOrDeleted() {
		actAs(OPERATOR);
		AuditEvent any = (AuditEvent) client.search().forResource(AuditEvent.class).count(1).returnBundle(Bundle.class)
				.execute().getEntryFirstRep().getResource();
		String body = CTX.newJsonParser().encodeResourceToString(any);
		for (String caller : List.of(OPERATOR, DEFAULT_USER)) {
			actAs(caller);
			assertThat(postJson("/AuditEvent", body).statusCode()).as(caller + " POST").isEqualTo(405);
			assertThat(send("PUT", "/AuditEvent/" + any.getIdPart(), "application/fhir+json", body).statusCode())
					.as(caller + " PUT").isIn(403, 405);
			assertThat(send("DELETE", "/AuditEvent/" + any.getIdPart(), "application/fhir+json", "").statusCode())
					.as(caller + " DELETE").isIn(403, 405);
		}
		actAs(OPERATOR);
		assertThat(client.read().resource(AuditEvent.class).withId(any.getIdPart()).execute().getMeta().getVersionId())
				.isEqualTo(any.getMeta().getVersionId());
	}

	@Test
	void thePersonSeesWhoReadTheirDataAndNothingAboutOthers() {
		String plan = demoPlan("Patient/sip1-patient");
		assertThat(get("/fhir/CarePlan/" + plan).statusCode()).isEqualTo(200); // the district nurse reads the plan
		actAs("Patient/sip1-patient");
		Bundle mine = client.search().byUrl("AuditEvent?patient=Patient/sip1-patient&_count=200").returnBundle(Bundle.class).execute();
		assertThat(mine.getEntry()).isNotEmpty().allSatisfy(e -> assertThat(((AuditEvent) e.getResource()).getEntity())
				.anySatisfy(x -> assertThat(x.getWhat().getReference()).isEqualTo("Patient/sip1-patient")));
		assertThat(mine.getEntry()).anySatisfy(e -> assertThat(((AuditEvent) e.getResource()).getAgentFirstRep().getWho()
				.getReference()).isEqualTo(DEFAULT_USER));
		Bundle others = client.search().byUrl("AuditEvent?patient=Patient/sip3-patient").returnBundle(Bundle.class).execute();
		assertThat(others.getEntry()).isEmpty();
		Bundle all = client.search().byUrl("AuditEvent?_count=200").returnBundle(Bundle.class).execute();
		assertThat(all.getEntry()).isNotEmpty().allSatisfy(e -> {
			AuditEvent event = (AuditEvent) e.getResource();
			assertThat(event.getEntity()).anySatisfy(x -> assertThat(x.getWhat().getReference()).isEqualTo("Patient/sip1-patient"))
					.noneSatisfy(x -> assertThat(x.getWhat().getReference()).startsWith("Patient/sip3"))
					.noneMatch(x -> x.hasQuery());
			assertThat(event.getAgent()).noneMatch(a -> a.hasNetwork() || a.hasAltId());
		});
	}
}
