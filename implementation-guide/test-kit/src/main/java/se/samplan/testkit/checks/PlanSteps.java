package se.samplan.testkit.checks;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import se.samplan.testkit.Exchange;
import se.samplan.testkit.Expect;
import se.samplan.testkit.FhirServer;
import se.samplan.testkit.Kit;
import se.samplan.testkit.Parties;
import se.samplan.testkit.county.SipConsents;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The workflow's steps as a client makes them (workflow.md, "Operations"), each by the party whose step it is:
 * the district nurse initiates and invites, the municipality answers its own invitation, each writes its own
 * service. The checks build on these to reach each phase with a fresh person, so checks do not depend on each other.
 */
final class PlanSteps {

	static final String SIP = "https://samplan.github.io/fhir";
	static final String PLAN_TYPE = "https://fhir.inera.se/CodeSystem/typeofcareplan-cs";

	final FhirServer server = Kit.server();

	/** A new person, born on {@code birthDate}, registered by the initiator's organisation. */
	String person(LocalDate birthDate) {
		Patient p = new Patient();
		p.addName().setFamily("Testkitsson").addGiven("T" + UUID.randomUUID().toString().substring(0, 6));
		p.setBirthDateElement(new DateType(birthDate.toString()));
		return "Patient/" + id(Expect.that(server.post("/Patient", Parties.INITIATOR, p)).status(201).resource(Patient.class));
	}

	String adult() {
		return person(LocalDate.now().minusYears(40));
	}

	Exchange initiate(String patient) {
		Parameters in = new Parameters();
		in.addParameter().setName("patient").setValue(new Reference(patient));
		in.addParameter().setName("initiator").setValue(new Reference(Parties.INITIATOR));
		in.addParameter().setName("reason").setValue(new StringType("Behöver hemtjänst och hemsjukvård."));
		return server.post("/CarePlan/$sip-initiate", Parties.INITIATOR, in);
	}

	String initiated(String patient) {
		return id(Expect.that(initiate(patient)).status(201).resource(CarePlan.class));
	}

	/** The consent given by {@code performers}, naming the health centre and the municipality. */
	Exchange consent(String plan, String patient, String... performers) {
		Consent c = SipConsents.given(patient, List.of(performers), List.of(Parties.INITIATOR_ORGANIZATION, Parties.PARTNER));
		Parameters in = new Parameters();
		in.addParameter().setName("consent").setResource(c);
		return server.post("/CarePlan/" + plan + "/$sip-consent", Parties.INITIATOR, in);
	}

	/** A plan with an adult's consent: returns [patient, plan]. */
	String[] consented() {
		String patient = adult();
		return consented(patient, patient);
	}

	/** A plan for {@code patient} with the consent of {@code consenters} (the person, or a child's guardians). */
	String[] consented(String patient, String... consenters) {
		String plan = initiated(patient);
		Expect.that(consent(plan, patient, consenters)).status(200);
		return new String[] {patient, plan};
	}

	/** The first meeting, a week ago (so it can be held), inviting {@code organizations}. */
	Exchange invite(String plan, String... organizations) {
		ZonedDateTime start = ZonedDateTime.now().minusDays(7).withHour(13).withMinute(0).withSecond(0).withNano(0);
		Parameters in = new Parameters();
		in.addParameter().setName("start").setValue(new DateTimeType(Date.from(start.toInstant())));
		in.addParameter().setName("end").setValue(new DateTimeType(Date.from(start.plusHours(1).toInstant())));
		for (String org : organizations) {
			in.addParameter().setName("organization").setValue(new Reference(org));
		}
		in.addParameter().setName("note").setValue(new StringType("Hur ska vardagen fungera?"));
		return server.post("/CarePlan/" + plan + "/$sip-invite", Parties.INITIATOR, in);
	}

	/** A plan whose municipality is invited: [patient, plan, meeting id, invitation task id]. */
	String[] invited() {
		return invited(consented());
	}

	private String[] invited(String[] consented) {
		Bundle changed = Expect.that(invite(consented[1], Parties.PARTNER)).status(200).resource(Bundle.class);
		return new String[] {consented[0], consented[1], first(changed, "Appointment"), first(changed, "Task")};
	}

	Exchange respond(String task, String user, String answer, String reason) {
		Parameters in = new Parameters();
		in.addParameter().setName("answer").setValue(new CodeType(answer));
		if (reason != null) {
			in.addParameter().setName("reason").setValue(new StringType(reason));
		}
		return server.post("/Task/" + task + "/$sip-respond", user, in);
	}

	/** The person's goal, the nurse's service, overall responsibility and the next follow-up; then the municipality's own service. */
	void writeContent(String plan, String patient) {
		Goal goal = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
		goal.getMeta().addProfile(SIP + "/StructureDefinition/SipGoal");
		goal.addCategory().addCoding(new Coding(SIP + "/CodeSystem/sip-goal-category", "what-matters-to-me", null));
		goal.getDescription().setText("Jag vill bo kvar hemma.");
		goal.setSubject(new Reference(patient)).setExpressedBy(new Reference(patient));
		String goalId = id(Expect.that(server.post("/Goal", Parties.INITIATOR, goal)).status(201).resource(Goal.class));
		Expect.that(server.patch("/CarePlan/" + plan, Parties.INITIATOR, """
				[{"op":"add","path":"/goal","value":[{"reference":"Goal/%s"}]},
				 {"op":"add","path":"/activity","value":[{"detail":{"status":"scheduled",
				   "description":"Distriktssköterska följer upp läkemedel varannan vecka","performer":[{"reference":"%s"}]}}]},
				 {"op":"add","path":"/extension/-","value":{"url":"%s/StructureDefinition/sip-overall-responsibility","valueReference":{"reference":"%s"}}},
				 {"op":"add","path":"/extension/-","value":{"url":"%s/StructureDefinition/sip-next-follow-up","valueDateTime":"%s"}}]
				""".formatted(goalId, Parties.INITIATOR, SIP, Parties.PARTNER, SIP, LocalDate.now().plusMonths(3) + "T10:00:00+01:00")))
				.status(200);
		Expect.that(addPartnerService(plan)).status(200);
	}

	/** The municipality adds its own service, home care (R7: each organisation decides about its own). */
	Exchange addPartnerService(String plan) {
		return server.patch("/CarePlan/" + plan, Parties.PARTNER, """
				[{"op":"add","path":"/activity/-","value":{"detail":{"status":"scheduled",
				  "description":"Hemtjänst två gånger dagligen","performer":[{"reference":"%s"}]}}}]""".formatted(Parties.PARTNER));
	}

	Exchange activate(String plan, String meeting) {
		Parameters in = new Parameters();
		in.addParameter().setName("meeting").setValue(new Reference("Appointment/" + meeting));
		in.addParameter().setName("attended").setValue(new Reference(Parties.PARTNER));
		in.addParameter().setName("attended").setValue(new Reference(Parties.INITIATOR));
		in.addParameter().setName("patientParticipation").setValue(new CodeType("present"));
		return server.post("/CarePlan/" + plan + "/$sip-activate", Parties.INITIATOR, in);
	}

	/** An adult's active plan made through the workflow: [patient, plan]. */
	String[] active() {
		return active(consented());
	}

	/** A child's active plan, consented by both guardians: [patient, plan]. */
	String[] activeForChild(LocalDate born) {
		String child = person(born);
		return active(consented(child, guardianOf(child), guardianOf(child)));
	}

	/** A guardian (vårdnadshavare: RelatedPerson with GUARD) of the child, registered by the initiator. */
	String guardianOf(String child) {
		RelatedPerson g = new RelatedPerson().setPatient(new Reference(child));
		g.addRelationship().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "GUARD", null));
		g.addName().setFamily("Vårdnadshavare");
		return "RelatedPerson/" + id(Expect.that(server.post("/RelatedPerson", Parties.INITIATOR, g)).status(201)
				.resource(RelatedPerson.class));
	}

	private String[] active(String[] consented) {
		String[] invited = invited(consented);
		Expect.that(respond(invited[3], Parties.PARTNER, "accept", null)).status(200);
		writeContent(invited[1], invited[0]);
		Expect.that(activate(invited[1], invited[2])).status(200);
		return new String[] {invited[0], invited[1]};
	}

	Exchange close(String plan) {
		Parameters in = new Parameters();
		in.addParameter().setName("reason").setValue(new Coding(SIP + "/CodeSystem/sip-closure-reason", "no-longer-needed", null));
		return server.post("/CarePlan/" + plan + "/$sip-close", Parties.INITIATOR, in);
	}

	CarePlan read(String plan) {
		return Expect.that(server.get("/CarePlan/" + plan, Parties.INITIATOR)).status(200).resource(CarePlan.class);
	}

	static String phase(CarePlan plan) {
		return plan.getExtension().stream().filter(e -> (SIP + "/StructureDefinition/sip-phase").equals(e.getUrl()))
				.map(e -> e.getValue().primitiveValue()).findFirst().orElse(null);
	}

	static String first(Bundle bundle, String type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(r -> r != null && type.equals(r.fhirType())).map(PlanSteps::id).findFirst()
				.orElseThrow(() -> new AssertionError("no " + type + " in the answer"));
	}

	static String id(Resource r) {
		return r.getIdElement().getIdPart();
	}
}
