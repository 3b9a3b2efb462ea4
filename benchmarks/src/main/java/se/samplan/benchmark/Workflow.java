package se.samplan.benchmark;

import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Appointment;
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
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import se.samplan.testkit.county.County;
import se.samplan.testkit.county.SipConsents;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Random;

/**
 * One plan from nothing to active, as eight writes. On Samplan through the workflow: {@code $sip-initiate},
 * {@code $sip-consent}, {@code $sip-invite}, {@code $sip-respond} by the invited municipality, the person's goal,
 * the health centre's and the municipality's services by PATCH, {@code $sip-activate}. On the peer the same
 * resources by plain creates and updates, one request for each step: the plan, the consent, the meeting with its
 * invitation (a transaction), the accepted invitation, the goal, the plan twice, and the active plan with the
 * held meeting and the completed invitation (a transaction). Only the eight writes are timed.
 */
final class Workflow {

	private static final String SIP = "https://samplan.github.io/fhir";

	private final Server server;
	private final Parties parties;
	private final IParser json = CountyLoad.CTX.newJsonParser();

	Workflow(Server server, Parties parties) {
		this.server = server;
		this.parties = parties;
	}

	/** Milliseconds for the eight writes of one plan in municipality {@code m} of the synthetic county. */
	double plan(int m, Random random) {
		String staff = "PractitionerRole/bench-k" + m + "-role-skoterska";
		String centre = "Organization/bench-k" + m + "-vardcentral";
		String partner = "Organization/bench-k" + m + "-socialtjanst";
		String nurse = parties.token(staff);
		String municipality = parties.token(partner);
		LocalDate born = LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
		Patient person = new Patient().setBirthDateElement(new DateType(born.toString()));
		person.addIdentifier().setSystem(County.PERSONNUMMER).setValue(County.personnummer(born, random.nextInt(1000)));
		person.addName().setFamily("Flödesson").addGiven("Åke");
		String patient = "Patient/" + id(server.http.post("/Patient", nurse, json.encodeResourceToString(person)));
		boolean peer = server.kind.peer();
		Consent consent = SipConsents.given(patient, List.of(patient), List.of(centre, partner));
		ZonedDateTime start = ZonedDateTime.now().minusDays(7).withHour(13).withMinute(0).withSecond(0).withNano(0);
		double millis = 0;
		String plan;
		String meeting;
		String task;
		if (peer) {
			CarePlan draft = new CarePlan().setStatus(CarePlan.CarePlanStatus.DRAFT).setIntent(CarePlan.CarePlanIntent.PLAN)
					.setSubject(new Reference(patient)).setAuthor(new Reference(centre)).setTitle("Samordnad individuell plan");
			draft.addCategory().addCoding(new Coding("https://fhir.inera.se/CodeSystem/typeofcareplan-cs", "SIP", null));
			draft.addExtension(SIP + "/StructureDefinition/sip-phase", new CodeType("initiated"));
			Http.Answer a = server.http.post("/CarePlan", null, json.encodeResourceToString(draft));
			millis += a.millis();
			plan = "CarePlan/" + id(a);
			consent.getProvision().addData().setMeaning(Consent.ConsentDataMeaning.RELATED).setReference(new Reference(plan));
			millis += server.http.post("/Consent", null, json.encodeResourceToString(consent)).millis();
			Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.PROPOSED)
					.setStart(Date.from(start.toInstant())).setEnd(Date.from(start.plusHours(1).toInstant()));
			appointment.addSupportingInformation(new Reference(plan));
			appointment.addParticipant().setActor(new Reference(patient)).setStatus(Appointment.ParticipationStatus.NEEDSACTION);
			add(tx, appointment, "urn:uuid:6d7f1c1e-0000-4000-8000-000000000001");
			add(tx, invitation(patient, plan, "urn:uuid:6d7f1c1e-0000-4000-8000-000000000001", centre, partner), null);
			a = server.http.post("", null, json.encodeResourceToString(tx));
			millis += a.millis();
			Bundle answer = json.parseResource(Bundle.class, a.body());
			meeting = location(answer, 0);
			task = location(answer, 1);
			Task accepted = (Task) invitation(patient, plan, meeting, centre, partner).setStatus(Task.TaskStatus.ACCEPTED).setId(task);
			millis += server.http.put("/" + task, null, json.encodeResourceToString(accepted)).millis();
		} else {
			Parameters in = new Parameters();
			in.addParameter().setName("patient").setValue(new Reference(patient));
			in.addParameter().setName("initiator").setValue(new Reference(staff));
			in.addParameter().setName("reason").setValue(new StringType("Behöver hemtjänst och hemsjukvård."));
			Http.Answer a = server.http.post("/CarePlan/$sip-initiate", nurse, json.encodeResourceToString(in));
			millis += a.millis();
			plan = "CarePlan/" + id(a);
			in = new Parameters();
			in.addParameter().setName("consent").setResource(consent);
			millis += server.http.post("/" + plan + "/$sip-consent", nurse, json.encodeResourceToString(in)).millis();
			in = new Parameters();
			in.addParameter().setName("start").setValue(new DateTimeType(Date.from(start.toInstant())));
			in.addParameter().setName("end").setValue(new DateTimeType(Date.from(start.plusHours(1).toInstant())));
			in.addParameter().setName("organization").setValue(new Reference(partner));
			a = server.http.post("/" + plan + "/$sip-invite", nurse, json.encodeResourceToString(in));
			millis += a.millis();
			Bundle changed = json.parseResource(Bundle.class, a.body());
			meeting = first(changed, "Appointment");
			task = first(changed, "Task");
			in = new Parameters();
			in.addParameter().setName("answer").setValue(new CodeType("accept"));
			millis += server.http.post("/" + task + "/$sip-respond", municipality, json.encodeResourceToString(in)).millis();
		}
		Goal goal = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE).setSubject(new Reference(patient))
				.setExpressedBy(new Reference(patient));
		goal.addCategory().addCoding(new Coding(SIP + "/CodeSystem/sip-goal-category", "what-matters-to-me", null));
		goal.getDescription().setText("Jag vill bo kvar hemma.");
		Http.Answer a = server.http.post("/Goal", nurse, json.encodeResourceToString(goal));
		millis += a.millis();
		String goalRef = "Goal/" + id(a);
		String followUp = LocalDate.now().plusMonths(3) + "T10:00:00+01:00";
		if (peer) {
			CarePlan current = json.parseResource(CarePlan.class, server.http.get("/" + plan, null).body());
			current.addGoal(new Reference(goalRef));
			current.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED)
					.setDescription("Distriktssköterska följer upp läkemedel varannan vecka").addPerformer(new Reference(staff));
			current.addExtension(SIP + "/StructureDefinition/sip-overall-responsibility", new Reference(partner));
			current.addExtension(SIP + "/StructureDefinition/sip-next-follow-up", new DateTimeType(followUp));
			millis += server.http.put("/" + plan, null, json.encodeResourceToString(current)).millis();
			current.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED)
					.setDescription("Hemtjänst två gånger dagligen").addPerformer(new Reference(partner));
			millis += server.http.put("/" + plan, null, json.encodeResourceToString(current)).millis();
			current.setStatus(CarePlan.CarePlanStatus.ACTIVE).getExtensionByUrl(SIP + "/StructureDefinition/sip-phase").setValue(new CodeType("active"));
			Appointment held = json.parseResource(Appointment.class, server.http.get("/" + meeting, null).body())
					.setStatus(Appointment.AppointmentStatus.FULFILLED);
			Task done = (Task) invitation(patient, plan, meeting, centre, partner).setStatus(Task.TaskStatus.COMPLETED).setId(task);
			Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			for (Resource r : new Resource[] {current, held, done}) {
				tx.addEntry().setResource(r).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(r.fhirType() + "/" + r.getIdElement().getIdPart());
			}
			millis += server.http.post("", null, json.encodeResourceToString(tx)).millis();
		} else {
			millis += server.http.patch("/" + plan, nurse, """
					[{"op":"add","path":"/goal","value":[{"reference":"%s"}]},
					 {"op":"add","path":"/activity","value":[{"detail":{"status":"scheduled",
					   "description":"Distriktssköterska följer upp läkemedel varannan vecka","performer":[{"reference":"%s"}]}}]},
					 {"op":"add","path":"/extension/-","value":{"url":"%s/StructureDefinition/sip-overall-responsibility","valueReference":{"reference":"%s"}}},
					 {"op":"add","path":"/extension/-","value":{"url":"%s/StructureDefinition/sip-next-follow-up","valueDateTime":"%s"}}]
					""".formatted(goalRef, staff, SIP, partner, SIP, followUp)).millis();
			millis += server.http.patch("/" + plan, municipality, """
					[{"op":"add","path":"/activity/-","value":{"detail":{"status":"scheduled",
					  "description":"Hemtjänst två gånger dagligen","performer":[{"reference":"%s"}]}}}]""".formatted(partner)).millis();
			Parameters in = new Parameters();
			in.addParameter().setName("meeting").setValue(new Reference(meeting));
			in.addParameter().setName("attended").setValue(new Reference(partner));
			in.addParameter().setName("attended").setValue(new Reference(staff));
			in.addParameter().setName("patientParticipation").setValue(new CodeType("present"));
			millis += server.http.post("/" + plan + "/$sip-activate", nurse, json.encodeResourceToString(in)).millis();
		}
		return millis;
	}

	private static Task invitation(String patient, String plan, String meeting, String requester, String owner) {
		Task t = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER).setFor(new Reference(patient))
				.setFocus(new Reference(meeting)).setOwner(new Reference(owner)).setRequester(new Reference(requester));
		t.getCode().addCoding(new Coding(SIP + "/CodeSystem/sip-task-type", "invitation", null));
		t.addBasedOn(new Reference(plan));
		return t;
	}

	private static void add(Bundle tx, Resource resource, String fullUrl) {
		tx.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
	}

	private String id(Http.Answer a) {
		return json.parseResource(a.body()).getIdElement().getIdPart();
	}

	private static String location(Bundle answer, int entry) {
		return answer.getEntry().get(entry).getResponse().getLocation().replaceAll("/_history/.*", "");
	}

	private static String first(Bundle bundle, String type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(r -> r != null && type.equals(r.fhirType()))
				.map(r -> type + "/" + r.getIdElement().getIdPart()).findFirst()
				.orElseThrow(() -> new IllegalStateException("no " + type + " in the answer of $sip-invite"));
	}
}
