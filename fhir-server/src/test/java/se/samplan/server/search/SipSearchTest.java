package se.samplan.server.search;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Full-text search and the package's search parameters, over the three example scenarios. */
class SipSearchTest extends ServerTestBase {

	private static final String SCENARIO_PLANS = "_id=sip1-careplan,sip2-careplan,sip3-careplan";

	@BeforeEach
	void scenarios() {
		loadScenarios();
	}

	@Test
	void contentSearchFindsAPlanByASwedishWordInAnActivity() {
		assertThat(ids("CarePlan?_content=sårläkning")).containsExactly("sip1-careplan");
		assertThat(ids("CarePlan?_content=dagverksamhet&" + SCENARIO_PLANS)).containsExactly("sip1-careplan");
	}

	@Test
	void searchByPhase() {
		assertThat(ids("CarePlan?sip-phase=active&" + SCENARIO_PLANS))
				.containsExactlyInAnyOrder("sip1-careplan", "sip2-careplan", "sip3-careplan");
		assertThat(ids("CarePlan?sip-phase=https://samplan.github.io/fhir/CodeSystem/sip-phase|closed&" + SCENARIO_PLANS))
				.isEmpty();
	}

	@Test
	void searchByNextFollowUp() {
		assertThat(ids("CarePlan?sip-next-follow-up=ge2027-03-01&" + SCENARIO_PLANS)).containsExactly("sip1-careplan");
		assertThat(ids("CarePlan?sip-next-follow-up=lt2027-02-01&" + SCENARIO_PLANS)).containsExactly("sip2-careplan");
	}

	@Test
	void searchByOverallResponsibilityAndByPlanOfAMeeting() {
		assertThat(ids("CarePlan?sip-overall-responsibility=Organization/sip2-org-region")).containsExactly("sip2-careplan");
		assertThat(ids("Appointment?sip-care-plan=CarePlan/sip1-careplan")).containsExactly("sip1-meeting");
	}

	private List<String> ids(String query) {
		Bundle b = client.search().byUrl(query).returnBundle(Bundle.class).execute();
		return b.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
	}
}
