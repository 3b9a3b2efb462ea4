package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** W3: plans and what records their history are never deleted: 405, by any path. */
class W3HistoryKeptRuleTest extends WorkflowTestSupport {

	private Bundle invited;

	@BeforeEach
	void invitation() {
		invited = invitedPlan();
	}

	private static final String SCENARIO_2_STAFF = "PractitionerRole/sip2-role-bup";

	private String path(int entry) {
		return "/" + invited.getEntry().get(entry).getResource().getIdElement().toUnqualifiedVersionless().getValue();
	}

	@Test
	void deleteOfEachKeptTypeIs405() {
		String planId = invited.getEntry().get(3).getResource().getIdElement().getIdPart();
		String consent = "/Consent/" + client.search().byUrl("Consent?data=CarePlan/" + planId).returnBundle(Bundle.class)
				.execute().getEntryFirstRep().getResource().getIdElement().getIdPart();
		for (String path : new String[] {path(3), consent, path(1), path(0), "/Goal/sip2-goal-skola", "/CareTeam/sip2-careteam"}) {
			actAs(path.contains("sip2-") ? SCENARIO_2_STAFF : DEFAULT_USER);
			HttpResponse<String> r = send("DELETE", path, "application/fhir+json", "");
			assertRule(r, 405, "W3", path.split("/")[1]);
			assertThat(get("/fhir" + path).statusCode()).as(path).isEqualTo(200);
		}
	}

	@Test
	void conditionalDeleteIs405() {
		actAs(SCENARIO_2_STAFF);
		assertRule(send("DELETE", "/Goal?_id=sip2-goal-skola", "application/fhir+json", ""), 405, "W3", "Goal");
		assertThat(count("Goal?_id=sip2-goal-skola")).isEqualTo(1);
	}

	@Test
	void deleteInsideATransactionIs405AndNothingIsDeleted() {
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		tx.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(path(3).substring(1));
		assertRule(postJson("", tx), 405, "W3", "CarePlan");
		assertThat(get("/fhir" + path(3)).statusCode()).isEqualTo(200);
	}
}
