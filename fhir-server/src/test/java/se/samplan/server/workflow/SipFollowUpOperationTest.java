package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code $sip-follow-up} (R9): a held follow-up books the next one and leaves a new version of the plan. */
@Tag("R6")
@Tag("R12")
class SipFollowUpOperationTest extends WorkflowTestSupport {

	private String planId;
	private String followUpMeeting;

	@BeforeEach
	void activePlanWithAFollowUpMeeting() {
		Bundle invited = invitedPlan(SipActivateOperationTest.HELD);
		planId = invited.getEntry().get(3).getResource().getIdElement().getIdPart();
		writeContent(planId);
		HttpResponse<String> activated = activate(planId, invited.getEntry().get(0).getResource().getIdElement().getIdPart(),
				"Organization/sip2-org-bup", "Organization/sip2-org-skola");
		assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
		HttpResponse<String> r = inviteAt(planId, "2026-11-20T13:00:00+01:00", "Organization/sip2-org-bup");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		Bundle second = CTX.newJsonParser().parseResource(Bundle.class, r.body());
		followUpMeeting = second.getEntry().get(0).getResource().getIdElement().getIdPart();
	}

	private HttpResponse<String> followUp(String next) {
		Parameters in = new Parameters();
		in.addParameter().setName("meeting").setValue(new Reference("Appointment/" + followUpMeeting));
		in.addParameter().setName("attended").setValue(new Reference("PractitionerRole/sip2-role-bup"));
		in.addParameter().setName("outcome").setValue(new org.hl7.fhir.r4.model.StringType("Stödsamtalen fortsätter."));
		in.addParameter().setName("nextFollowUp").setValue(new org.hl7.fhir.r4.model.DateTimeType(next));
		return postJson("/CarePlan/" + planId + "/$sip-follow-up", in);
	}

	@Test
	void recordsTheFollowUpAsANewVersion() {
		String versionBefore = client.read().resource(CarePlan.class).withId(planId).execute().getMeta().getVersionId();
		HttpResponse<String> r = followUp("2027-09-01T10:00:00+02:00");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		CarePlan plan = client.read().resource(CarePlan.class).withId(planId).execute();
		assertThat(se.samplan.server.sip.SipPlans.nextFollowUp(plan).orElseThrow()).isEqualTo(
				new org.hl7.fhir.r4.model.DateTimeType("2027-09-01T10:00:00+02:00").getValue());
		assertThat(plan.getNote()).anySatisfy(n -> assertThat(n.getText()).contains("Stödsamtalen fortsätter."));
		assertThat(Integer.parseInt(plan.getMeta().getVersionId())).isGreaterThan(Integer.parseInt(versionBefore));
		CarePlan before = client.read().resource(CarePlan.class).withIdAndVersion(planId, versionBefore).execute();
		assertThat(se.samplan.server.sip.SipPlans.nextFollowUp(before).orElseThrow()).as("the earlier version is kept (R9)").isEqualTo(
				new org.hl7.fhir.r4.model.DateTimeType("2027-06-01T10:00:00+02:00").getValue());
		assertThat(history()).isGreaterThanOrEqualTo(Integer.parseInt(plan.getMeta().getVersionId()));
		assertThat(count("Appointment?sip-care-plan=CarePlan/" + planId + "&status=fulfilled")).isEqualTo(2);
	}

	@Test
	void aNextFollowUpInThePastIsRefused() {
		assertRule(followUp("2026-01-01T10:00:00+01:00"), 422, "R6", "CarePlan.extension");
	}

	private int history() {
		return client.history().onInstance("CarePlan/" + planId).returnBundle(Bundle.class).count(100)
				.cacheControl(new ca.uhn.fhir.rest.api.CacheControlDirective().setNoCache(true)).execute().getEntry().size();
	}
}
