package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import se.samplan.server.ServerTestBase;
import se.samplan.server.sip.SipUrls;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the workflow tests share: initiate a plan, build plain SIP plans and transactions. */
public abstract class WorkflowTestSupport extends ServerTestBase {

	protected static final String INITIATOR = "PractitionerRole/sip1-role-distriktsskoterska";

	protected HttpResponse<String> initiate(String patient) {
		Parameters in = new Parameters();
		in.addParameter().setName("patient").setValue(new Reference(patient));
		in.addParameter().setName("initiator").setValue(new Reference(INITIATOR));
		in.addParameter().setName("reason").setValue(new org.hl7.fhir.r4.model.StringType("Behöver hemtjänst och hemsjukvård."));
		return postJson("/CarePlan/$sip-initiate", in);
	}

	protected CarePlan initiated(String patient) {
		HttpResponse<String> r = initiate(patient);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return CTX.newJsonParser().parseResource(CarePlan.class, r.body());
	}

	protected HttpResponse<String> close(String planId, String reason) {
		Parameters in = new Parameters();
		in.addParameter().setName("reason").setValue(new Coding(se.samplan.server.sip.SipUrls.CLOSURE_REASON_SYSTEM, reason, null));
		in.addParameter().setName("note").setValue(new org.hl7.fhir.r4.model.StringType("Avslutad i test."));
		return postJson("/CarePlan/" + planId + "/$sip-close", in);
	}

	/** Scenario 2's consent, given by these performers for this person. */
	protected static org.hl7.fhir.r4.model.Consent consentBy(String patient, String... performers) {
		org.hl7.fhir.r4.model.Consent c = CTX.newJsonParser().parseResource(org.hl7.fhir.r4.model.Consent.class,
				se.samplan.profiles.SipPackage.examples().get("Consent-sip2-consent.json"));
		c.setId((String) null);
		c.setPatient(new Reference(patient));
		c.getPerformer().clear();
		for (String p : performers) {
			c.addPerformer(new Reference(p));
		}
		c.getProvision().getData().clear();
		// The initiating organisation shares information too, or it would lose sight of the plan (R15).
		c.getProvision().addActor().setReference(new Reference("Organization/sip1-org-vardcentral"))
				.getRole().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", null));
		return c;
	}

	protected HttpResponse<String> consent(String planId, org.hl7.fhir.r4.model.Consent consent) {
		Parameters in = new Parameters();
		in.addParameter().setName("consent").setResource(consent);
		return postJson("/CarePlan/" + planId + "/$sip-consent", in);
	}

	/** A child born 2017 and its two guardians: [patient, guardian 1, guardian 2]. */
	protected String[] childWithTwoGuardians() {
		org.hl7.fhir.r4.model.Patient child = new org.hl7.fhir.r4.model.Patient();
		child.addName().setFamily("Barnsson").addGiven(UUID.randomUUID().toString().substring(0, 8));
		child.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("2017-08-15"));
		String patient = "Patient/" + client.create().resource(child).execute().getId().getIdPart();
		String[] out = {patient, null, null};
		for (int i = 1; i <= 2; i++) {
			org.hl7.fhir.r4.model.RelatedPerson g = new org.hl7.fhir.r4.model.RelatedPerson();
			g.setPatient(new Reference(patient));
			g.addRelationship().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "GUARD", null));
			g.addName().setFamily("Vårdnadshavare " + i);
			out[i] = "RelatedPerson/" + client.create().resource(g).execute().getId().getIdPart();
		}
		return out;
	}

	protected HttpResponse<String> invite(String planId, String... organizations) {
		return inviteAt(planId, "2027-01-10T13:00:00+01:00", organizations);
	}

	/** An invitation to a meeting at {@code start}, lasting 90 minutes. */
	protected HttpResponse<String> inviteAt(String planId, String start, String... organizations) {
		org.hl7.fhir.r4.model.DateTimeType begin = new org.hl7.fhir.r4.model.DateTimeType(start);
		Parameters in = new Parameters();
		in.addParameter().setName("start").setValue(begin);
		in.addParameter().setName("end").setValue(new org.hl7.fhir.r4.model.DateTimeType(
				new java.util.Date(begin.getValue().getTime() + 90 * 60_000L)));
		for (String org : organizations) {
			in.addParameter().setName("organization").setValue(new Reference(org));
		}
		in.addParameter().setName("note").setValue(new org.hl7.fhir.r4.model.StringType("Vad behöver Saga i skolan?"));
		return postJson("/CarePlan/" + planId + "/$sip-invite", in);
	}

	/** A plan through initiate, consent (scenario 2's organisations) and an invitation of BUP and the school. */
	protected Bundle invitedPlan() {
		return invitedPlan("2027-01-10T13:00:00+01:00");
	}

	protected Bundle invitedPlan(String meetingStart) {
		String patient = newPatient();
		CarePlan plan = initiated(patient);
		assertThat(consent(plan.getIdPart(), consentBy(patient, patient)).statusCode()).isEqualTo(200);
		HttpResponse<String> r = inviteAt(plan.getIdPart(), meetingStart, "Organization/sip2-org-bup", "Organization/sip2-org-skola");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return CTX.newJsonParser().parseResource(Bundle.class, r.body());
	}

	protected HttpResponse<String> respond(String taskId, String organization, String answer, String reason, String attendee) {
		Parameters in = new Parameters();
		in.addParameter().setName("answer").setValue(new org.hl7.fhir.r4.model.CodeType(answer));
		if (reason != null) {
			in.addParameter().setName("reason").setValue(new org.hl7.fhir.r4.model.StringType(reason));
		}
		if (attendee != null) {
			in.addParameter().setName("attendee").setValue(new Reference(attendee));
		}
		return send(request("/fhir/Task/" + taskId + "/$sip-respond", organization)
				.header("Content-Type", "application/fhir+json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(CTX.newJsonParser().encodeResourceToString(in))).build());
	}

	/** What the organisations write into the plan before it is agreed: goals, services, responsibility, follow-up. */
	protected CarePlan writeContent(String planId) {
		return writeContent(planId, "2027-06-01T10:00:00+02:00");
	}

	/** As {@link #writeContent(String)}, with the next follow-up at {@code followUp}. */
	protected CarePlan writeContent(String planId, String followUp) {
		CarePlan plan = client.read().resource(CarePlan.class).withId(planId).execute();
		org.hl7.fhir.r4.model.Goal goal = CTX.newJsonParser().parseResource(org.hl7.fhir.r4.model.Goal.class,
				se.samplan.profiles.SipPackage.examples().get("Goal-sip2-goal-skola.json"));
		goal.setId((String) null);
		goal.setSubject(new Reference(plan.getSubject().getReference()));
		goal.setExpressedBy(new Reference(plan.getSubject().getReference()));
		plan.addGoal(new Reference("Goal/" + client.create().resource(goal).execute().getId().getIdPart()));
		plan.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED)
				.setDescription("Stödsamtal på BUP varannan vecka").addPerformer(new Reference("Organization/sip2-org-bup"));
		plan.addExtension("https://samplan.github.io/fhir/StructureDefinition/sip-overall-responsibility",
				new Reference("Organization/sip2-org-region"));
		plan.addExtension("https://samplan.github.io/fhir/StructureDefinition/sip-next-follow-up",
				new org.hl7.fhir.r4.model.DateTimeType(followUp));
		// BUP writes its own service (R7).
		String before = actingAs();
		actAs("Organization/sip2-org-bup");
		HttpResponse<String> r = send("PUT", "/CarePlan/" + planId, "application/fhir+json", CTX.newJsonParser().encodeResourceToString(plan));
		actAs(before);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return CTX.newJsonParser().parseResource(CarePlan.class, r.body());
	}

	/** An active plan made through the workflow (first meeting held two weeks ago); returns its id. */
	protected String activePlan() {
		Bundle invited = invitedPlan("2026-11-02T13:00:00+01:00");
		String planId = invited.getEntry().get(3).getResource().getIdElement().getIdPart();
		writeContent(planId);
		HttpResponse<String> r = activate(planId, invited.getEntry().get(0).getResource().getIdElement().getIdPart(),
				"PractitionerRole/sip2-role-bup", "Organization/sip2-org-skola");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return planId;
	}

	protected HttpResponse<String> activate(String planId, String meetingId, String... attended) {
		Parameters in = new Parameters();
		in.addParameter().setName("meeting").setValue(new Reference("Appointment/" + meetingId));
		for (String a : attended) {
			in.addParameter().setName("attended").setValue(new Reference(a));
		}
		in.addParameter().setName("patientParticipation").setValue(new org.hl7.fhir.r4.model.CodeType("present"));
		return postJson("/CarePlan/" + planId + "/$sip-activate", in);
	}

	/** A draft SIP CarePlan as a client would POST it, without the operation. */
	protected static CarePlan plainSip(String patient) {
		CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.DRAFT).setIntent(CarePlan.CarePlanIntent.PLAN)
				.setTitle("Samordnad individuell plan");
		plan.addCategory().addCoding(new Coding(SipUrls.CARE_PLAN_TYPE_SYSTEM, "SIP", null));
		plan.setSubject(new Reference(patient));
		plan.setAuthor(new Reference(INITIATOR));
		return plan;
	}

	protected static Bundle transaction(Resource... creates) {
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Resource r : creates) {
			tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(r)
					.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
		}
		return tx;
	}
}
