package se.samplan.server.search;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-text search and the package's search parameters, over the demo plans (built through the workflow:
 * scenarios 1 and 2 have had a follow-up, so their next follow-up is about 180 days ahead, scenario 3's
 * about 90).
 */
class SipSearchTest extends ServerTestBase {

	private String plan1;
	private String plan2;
	private String plan3;
	private String scenarioPlans;

	@BeforeEach
	void demoPlans() {
		plan1 = demoPlan("Patient/sip1-patient");
		plan2 = demoPlan("Patient/sip2-patient");
		plan3 = demoPlan("Patient/sip3-patient");
		scenarioPlans = "_id=" + plan1 + "," + plan2 + "," + plan3;
		actAs(OPERATOR); // sees every plan: these tests are about the search parameters, not access
	}

	@Test
	void contentSearchFindsAPlanByASwedishWordInAnActivity() {
		assertThat(ids("CarePlan?_content=sårläkning")).containsExactly(plan1);
		assertThat(ids("CarePlan?_content=dagverksamhet&" + scenarioPlans)).containsExactly(plan1);
	}

	@Test
	void searchByPhase() {
		assertThat(ids("CarePlan?sip-phase=active&" + scenarioPlans)).containsExactlyInAnyOrder(plan1, plan2, plan3);
		assertThat(ids("CarePlan?sip-phase=https://samplan.github.io/fhir/CodeSystem/sip-phase|closed&" + scenarioPlans))
				.isEmpty();
		assertThat(ids("CarePlan?sip-phase=closed&subject=Patient/sip5-patient")).hasSize(1);
	}

	@Test
	void searchByNextFollowUp() {
		String in120Days = LocalDate.now().plusDays(120).toString();
		assertThat(ids("CarePlan?sip-next-follow-up=ge" + in120Days + "&" + scenarioPlans)).containsExactlyInAnyOrder(plan1, plan2);
		assertThat(ids("CarePlan?sip-next-follow-up=lt" + in120Days + "&" + scenarioPlans)).containsExactly(plan3);
	}

	@Test
	void searchByOverallResponsibilityAndByPlanOfAMeeting() {
		assertThat(ids("CarePlan?sip-overall-responsibility=Organization/sip2-org-region&" + scenarioPlans)).containsExactly(plan2);
		// The first meeting, the follow-up held, and the next follow-up booked (R9).
		assertThat(ids("Appointment?sip-care-plan=CarePlan/" + plan1)).hasSize(3);
	}

	private List<String> ids(String query) {
		Bundle b = client.search().byUrl(query).returnBundle(Bundle.class).execute();
		return b.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
	}
}
