package se.samplan.server.followup;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import se.samplan.server.TestDatabase;
import se.samplan.server.sip.StatisticsSettings;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code $sip-statistics}: a county's year of plans made with known outcomes, in a year and a database of their own
 * (2031, the server's clock moved there), gives exactly the expected counts, median and 90th percentile, for the county and per
 * principal; small counts are masked for a principal's analyst; other callers are refused; the MeasureReport
 * validates against the package; CSV says the same.
 */
@Tag("R14")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// the sweeps in 2031 would record the other follow-up tests' plans as late, and the figures count every plan stored
@TestPropertySource(properties = "samplan.test.database-name=" + TestDatabase.STATISTICS_DATABASE)
class SipStatisticsOperationTest extends FollowUpTestSupport {

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
	private static final ZonedDateTime T0 = ZonedDateTime.of(2031, 3, 3, 9, 0, 0, 0, SWEDEN);
	private static final String YEAR = "periodStart=2031-01-01&periodEnd=2031-12-31";
	private static final String SCHOOL = "Organization/sip2-org-skola";
	private static final String BUP = "Organization/sip2-org-bup";
	/** Days from the initiative to the first meeting of the five plans made. */
	private static final int[] DAYS = {3, 7, 10, 20, 40};

	@Autowired
	private DeadlineSweeper sweeper;
	@Autowired
	private StatisticsSettings settings;

	/**
	 * 2031: eight plans initiated (one a child's), six consented, five made with the region of scenario 2 responsible,
	 * two followed up (one on its day, one four days late), one closed as moved; twelve invitations (ten to first
	 * meetings, two to follow-ups), three of them (the school's) left unanswered; the KVÅ codes UX001 (made) and
	 * UX002 (followed up) configured.
	 */
	@BeforeAll
	void aYearOfPlans() {
		createClient();
		settings.getKva().setMade(List.of("UX001"));
		settings.getKva().setFollowedUp(List.of("UX002"));
		try {
			// the demo plans' lapses are recorded before the year, so the year's sweeps find only this test's plans
			clock.moveTo(ZonedDateTime.of(2030, 12, 31, 12, 0, 0, 0, SWEDEN).toInstant());
			sweeper.sweep();
			clock.moveTo(T0.toInstant());
			List<String[]> made = new ArrayList<>();
			for (int i = 0; i < DAYS.length; i++) {
				String patient = newPatient();
				String plan = initiated(patient).getIdPart();
				assertThat(consent(plan, consentNow(patient, patient)).statusCode()).isEqualTo(200);
				HttpResponse<String> r = inviteAt(plan, T0.plusDays(DAYS[i]).withHour(10).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), BUP, SCHOOL);
				assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
				Bundle invited = CTX.newJsonParser().parseResource(Bundle.class, r.body());
				for (Task task : tasks(invited)) {
					if (task.getOwner().getReference().equals(BUP) || i < 2) {
						assertThat(respond(task.getIdElement().getIdPart(), task.getOwner().getReference(), "accept", null, null).statusCode()).isEqualTo(200);
					}
				}
				made.add(new String[] {plan, invited.getEntry().get(0).getResource().getIdElement().getIdPart()});
			}
			String[] child = childWithTwoGuardians();
			String childPlan = initiated(child[0]).getIdPart();
			assertThat(consent(childPlan, consentNow(child[0], child[1], child[2])).statusCode()).isEqualTo(200);
			initiated(newPatient());
			String moved = initiated(newPatient()).getIdPart();

			clock.moveTo(T0.plusDays(6).toInstant());
			sweeper.sweep(); // the school's three unanswered invitations
			assertThat(close(moved, "moved").statusCode()).isEqualTo(200);

			clock.moveTo(T0.plusDays(41).toInstant());
			for (String[] plan : made) {
				writeContent(plan[0], "2031-05-01T10:00:00+02:00");
				HttpResponse<String> r = activate(plan[0], plan[1], "PractitionerRole/sip2-role-bup", SCHOOL);
				assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
			}
			clock.moveTo(ZonedDateTime.of(2031, 5, 6, 12, 0, 0, 0, SWEDEN).toInstant());
			followUp(made.get(0)[0], "2031-05-01T10:00:00+02:00"); // on its day
			followUp(made.get(1)[0], "2031-05-05T10:00:00+02:00"); // four days late
		} finally {
			clock.reset();
			settings.getKva().setMade(List.of());
			settings.getKva().setFollowedUp(List.of());
		}
	}

	@Test
	void theOperatorGetsTheCountysExactFigures() {
		MeasureReport report = report(OPERATOR, YEAR);
		assertThat(report.getType()).isEqualTo(MeasureReport.MeasureReportType.SUMMARY);
		assertThat(report.getMeasure()).isEqualTo("https://samplan.github.io/fhir/Measure/sip-follow-up");
		assertThat(count(report, "initiated")).isEqualTo(8);
		assertThat(strata(report, "initiated")).containsExactlyInAnyOrderEntriesOf(Map.of("adult", 7, "child", 1));
		assertThat(count(report, "consented")).isEqualTo(6);
		assertThat(count(report, "made")).isEqualTo(5);
		assertThat(strata(report, "made")).containsExactlyEntriesOf(Map.of("region", 5));
		assertThat(count(report, "followed-up")).isEqualTo(2);
		assertThat(count(report, "closed")).isEqualTo(1);
		assertThat(strata(report, "closed")).containsExactlyEntriesOf(Map.of("moved", 1));
		assertThat(score(report, "days-to-first-meeting-median")).isEqualByComparingTo("10");
		assertThat(score(report, "days-to-first-meeting-p90")).isEqualByComparingTo("40");
		assertThat(count(report, "days-to-first-meeting-median")).isEqualTo(5);
		assertThat(population(report, "invitations-answered-in-time", "numerator")).isEqualTo(9);
		assertThat(population(report, "invitations-answered-in-time", "denominator")).isEqualTo(12);
		assertThat(score(report, "invitations-answered-in-time")).isEqualByComparingTo("75.0");
		assertThat(score(report, "follow-ups-held-in-time")).isEqualByComparingTo("50.0");
		assertThat(strata(report, "deviations")).containsExactlyEntriesOf(Map.of("invitation-unanswered", 3));
		assertThat(strata(report, "deviations-by-organization")).containsExactlyEntriesOf(Map.of("Linköpings kommun, Björkängsskolan (" + SCHOOL + ")", 3));
		assertThat(strata(report, "kva")).containsExactlyInAnyOrderEntriesOf(Map.of("UX001", 5, "UX002", 2));
		assertThat(report.getGroup()).allSatisfy(g -> assertThat(g.getCode().getText()).isNotBlank());
	}

	@Test
	void aPrincipalGetsOnlyItsOwnPlans() {
		MeasureReport region2 = report(OPERATOR, YEAR + "&principal=Organization/sip2-org-region");
		assertThat(region2.getReporter().getReference()).isEqualTo("Organization/sip2-org-region");
		assertThat(count(region2, "initiated")).isEqualTo(5);
		assertThat(count(region2, "made")).isEqualTo(5);
		MeasureReport region1 = report(OPERATOR, YEAR + "&principal=Organization/sip1-org-region");
		assertThat(count(region1, "initiated")).as("not made: they count under the initiator's region").isEqualTo(3);
		assertThat(count(region1, "made")).isZero();
	}

	@Test
	void smallCountsAreMaskedForAnAnalystOfTheirOwnPrincipal() {
		MeasureReport own = report("statistics", YEAR); // Region Värmland's analyst
		assertThat(own.getReporter().getReference()).isEqualTo("Organization/sip1-org-region");
		MeasureReport.MeasureReportGroupPopulationComponent initiated = group(own, "initiated").getPopulationFirstRep();
		assertThat(initiated.getCountElement().hasValue()).as("3 is masked").isFalse();
		assertThat(initiated.getCountElement().getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/data-absent-reason")
				.getValue().primitiveValue()).isEqualTo("masked");
		assertThat(count(own, "made")).as("0 is shown").isZero();
		String csv = ask("statistics", YEAR + "&_format=text/csv").body();
		assertThat(csv).contains("initiated,Initierade planer,,,< 5,");
	}

	@Test
	void otherCallersAndOtherPrincipalsAreRefused() {
		assertThat(ask("statistics", YEAR + "&principal=Organization/sip2-org-region").statusCode()).isEqualTo(403);
		assertThat(ask(DEFAULT_USER, YEAR).statusCode()).as("staff without the scope").isEqualTo(403);
		assertThat(ask("Patient/sip1-patient", YEAR).statusCode()).isEqualTo(403);
		assertRefused(ask(OPERATOR, "periodStart=2031-01-01"), 400, "Parameters.parameter.where(name = 'periodEnd')");
		assertRefused(ask(OPERATOR, "periodStart=2031-12-31&periodEnd=2031-01-01"), 400, "Parameters.parameter.where(name = 'periodEnd')");
	}

	@Test
	void theReportValidatesAgainstThePackage() {
		MeasureReport report = report(OPERATOR, YEAR);
		Parameters in = new Parameters();
		in.addParameter().setName("resource").setResource(report);
		HttpResponse<String> r = send(request("/fhir/MeasureReport/$validate", OPERATOR).header("Content-Type", "application/fhir+json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(CTX.newJsonParser().encodeResourceToString(in))).build());
		OperationOutcome outcome = CTX.newJsonParser().parseResource(OperationOutcome.class, r.body());
		assertThat(outcome.getIssue()).as(r.body()).noneMatch(i -> i.getSeverity().ordinal() <= OperationOutcome.IssueSeverity.ERROR.ordinal());
	}

	@Test
	void csvSaysTheSame() {
		HttpResponse<String> r = ask(OPERATOR, YEAR + "&_format=text/csv");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(r.body().lines().findFirst()).contains("grupp,text,indelning,del,antal,täljare,nämnare,värde,enhet");
		assertThat(r.body()).contains("initiated,Initierade planer,,,8,", "initiated,Initierade planer,age-group,child,1,",
				"days-to-first-meeting-median,\"Dagar till första mötet, median\",,,5,,,10,d",
				"invitations-answered-in-time,Kallelser besvarade i tid,,,12,9,12,75.0,%");
	}

	private void followUp(String plan, String meetingStart) {
		HttpResponse<String> invited = inviteAt(plan, meetingStart, BUP);
		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
		String meeting = CTX.newJsonParser().parseResource(Bundle.class, invited.body()).getEntry().get(0).getResource().getIdElement().getIdPart();
		Parameters in = new Parameters();
		in.addParameter().setName("meeting").setValue(new Reference("Appointment/" + meeting));
		in.addParameter().setName("attended").setValue(new Reference("PractitionerRole/sip2-role-bup"));
		in.addParameter().setName("outcome").setValue(new StringType("Stödet fungerar."));
		in.addParameter().setName("nextFollowUp").setValue(new DateTimeType("2031-11-01T10:00:00+01:00"));
		in.addParameter().setName("patientParticipation").setValue(new CodeType("present"));
		HttpResponse<String> r = postJson("/CarePlan/" + plan + "/$sip-follow-up", in);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
	}

	/** Scenario 2's consent by these performers, given now (the server's clock). */
	private Consent consentNow(String patient, String... performers) {
		Consent c = consentBy(patient, performers);
		c.setDateTime(java.util.Date.from(clock.instant()));
		return c;
	}

	private static List<Task> tasks(Bundle bundle) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Task.class::isInstance)
				.map(Task.class::cast).toList();
	}

	private MeasureReport report(String user, String query) {
		HttpResponse<String> r = ask(user, query);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return CTX.newJsonParser().parseResource(MeasureReport.class, r.body());
	}

	private HttpResponse<String> ask(String user, String query) {
		return send(request("/fhir/$sip-statistics?" + query, user).GET().build());
	}

	private static MeasureReport.MeasureReportGroupComponent group(MeasureReport report, String code) {
		return report.getGroup().stream().filter(g -> g.getCode().getCodingFirstRep().getCode().equals(code)).findFirst().orElseThrow();
	}

	private static int count(MeasureReport report, String code) {
		return group(report, code).getPopulationFirstRep().getCount();
	}

	private static int population(MeasureReport report, String code, String population) {
		return group(report, code).getPopulation().stream().filter(p -> p.getCode().getCodingFirstRep().getCode().equals(population))
				.findFirst().orElseThrow().getCount();
	}

	private static BigDecimal score(MeasureReport report, String code) {
		return group(report, code).getMeasureScore().getValue();
	}

	private static Map<String, Integer> strata(MeasureReport report, String code) {
		return group(report, code).getStratifierFirstRep().getStratum().stream().collect(Collectors.toMap(
				s -> s.getValue().hasCoding() ? s.getValue().getCodingFirstRep().getCode() : s.getValue().getText(),
				s -> s.getPopulationFirstRep().getCount()));
	}
}
