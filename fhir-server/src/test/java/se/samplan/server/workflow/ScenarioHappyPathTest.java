package se.samplan.server.workflow;

import se.samplan.server.sip.SipUrls;
import se.samplan.server.sip.SipPhase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samplan.profiles.SipPackage;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each example scenario from start to close over HTTP, as its parties would work: initiate, consent,
 * invite, answer, write the plan's content, activate at the first meeting, follow up, close. The person
 * (and, for the child, the guardians) are copies of the scenario's, so the demo's own plans stay as they are.
 */
class ScenarioHappyPathTest extends WorkflowTestSupport {

	private final Map<String, String> copies = new HashMap<>();


	@ParameterizedTest(name = "scenario {0}")
	@ValueSource(ints = {1, 2, 3})
	void fromInitiativeToClosure(int n) {
		CarePlan model = example("CarePlan-sip" + n + "-careplan.json", CarePlan.class);
		Extension initiative = model.getExtensionByUrl(SipUrls.INITIATIVE);
		String initiator = ((Reference) initiative.getExtensionByUrl("initiatedBy").getValue()).getReference();
		actAs(initiator);
		String patient = copy(model.getSubject().getReference());
		SipPackage.examples().keySet().stream().filter(f -> f.startsWith("RelatedPerson-sip" + n + "-"))
				.forEach(f -> copy("RelatedPerson/" + f.substring("RelatedPerson-".length(), f.length() - 5)));

		Parameters init = new Parameters();
		init.addParameter().setName("patient").setValue(new Reference(patient));
		init.addParameter().setName("initiator").setValue(new Reference(((Reference) initiative.getExtensionByUrl("initiatedBy").getValue()).getReference()));
		init.addParameter().setName("reason").setValue(initiative.getExtensionByUrl("reason").getValue());
		init.addParameter().setName("context").setValue(initiative.getExtensionByUrl("context").getValue());
		HttpResponse<String> created = postJson("/CarePlan/$sip-initiate", init);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String plan = CTX.newJsonParser().parseResource(CarePlan.class, created.body()).getIdPart();
		assertPhase(plan, SipPhase.INITIATED);

		Consent consent = example("Consent-sip" + n + "-consent.json", Consent.class);
		consent.setId((String) null);
		consent.setPatient(new Reference(patient));
		consent.getPerformer().forEach(p -> p.setReference(copies.getOrDefault(p.getReference(), p.getReference())));
		consent.getProvision().getData().clear();
		HttpResponse<String> consented = consent(plan, consent);
		assertThat(consented.statusCode()).as(consented.body()).isEqualTo(200);
		assertPhase(plan, SipPhase.CONSENTED);

		List<Task> modelTasks = SipPackage.examples().keySet().stream().filter(f -> f.startsWith("Task-sip" + n + "-"))
				.map(f -> example(f, Task.class)).toList();
		String[] invited = modelTasks.stream().map(t -> t.getOwner().getReference()).toArray(String[]::new);
		Bundle invitation = CTX.newJsonParser().parseResource(Bundle.class, inviteAt(plan, "2026-11-02T13:00:00+01:00", invited).body());
		assertPhase(plan, SipPhase.INVITED);
		String meeting = invitation.getEntry().get(0).getResource().getIdElement().getIdPart();
		List<String> attending = modelTasks.stream().filter(t -> t.getStatus() == Task.TaskStatus.COMPLETED)
				.map(t -> t.getOwner().getReference()).toList();
		for (Bundle.BundleEntryComponent e : invitation.getEntry()) {
			if (e.getResource() instanceof Task task && attending.contains(task.getOwner().getReference())) {
				assertThat(respond(task.getIdPart(), task.getOwner().getReference(), "accept", null, null).statusCode()).isEqualTo(200);
			}
		}

		CarePlan current = client.read().resource(CarePlan.class).withId(plan).execute();
		for (Reference goalRef : model.getGoal()) {
			Goal goal = example("Goal-" + goalRef.getReferenceElement().getIdPart() + ".json", Goal.class);
			goal.setId((String) null);
			goal.setSubject(new Reference(patient));
			goal.setExpressedBy(new Reference(copies.getOrDefault(goal.getExpressedBy().getReference(), goal.getExpressedBy().getReference())));
			current.addGoal(new Reference("Goal/" + client.create().resource(goal).execute().getId().getIdPart()));
		}
		current.addExtension(model.getExtensionByUrl(SipUrls.OVERALL_RESPONSIBILITY).copy());
		current.addExtension(SipUrls.NEXT_FOLLOW_UP, new org.hl7.fhir.r4.model.DateTimeType("2027-03-01T10:00:00+01:00"));
		put(current);
		// Each organisation writes the services it performs itself (R7); the person's own by the initiator.
		model.getActivity().forEach(a -> a.getDetail().getPerformer().forEach(p ->
				p.setReference(copies.getOrDefault(p.getReference(), p.getReference()))));
		Map<String, List<CarePlan.CarePlanActivityComponent>> byWriter = model.getActivity().stream().collect(
				Collectors.groupingBy(a -> writerOf(a, initiator), LinkedHashMap::new, Collectors.toList()));
		byWriter.forEach((writer, activities) -> {
			actAs(writer);
			CarePlan stored = client.read().resource(CarePlan.class).withId(plan).execute();
			activities.forEach(stored::addActivity);
			put(stored);
		});
		actAs(initiator);

		HttpResponse<String> activated = activate(plan, meeting, attending.toArray(String[]::new));
		assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
		assertPhase(plan, SipPhase.ACTIVE);
		assertThat(count("DetectedIssue?implicated=CarePlan/" + plan)).as("absent organisations")
				.isEqualTo(invited.length - attending.size());

		Bundle second = CTX.newJsonParser().parseResource(Bundle.class,
				inviteAt(plan, "2026-11-20T13:00:00+01:00", attending.toArray(String[]::new)).body());
		Parameters follow = new Parameters();
		follow.addParameter().setName("meeting").setValue(new Reference("Appointment/" + second.getEntry().get(0).getResource().getIdElement().getIdPart()));
		attending.forEach(a -> follow.addParameter().setName("attended").setValue(new Reference(a)));
		follow.addParameter().setName("outcome").setValue(new StringType("Insatserna fungerar."));
		follow.addParameter().setName("nextFollowUp").setValue(new org.hl7.fhir.r4.model.DateTimeType("2027-06-01T10:00:00+02:00"));
		follow.addParameter().setName("patientParticipation").setValue(new CodeType("present"));
		HttpResponse<String> followed = postJson("/CarePlan/" + plan + "/$sip-follow-up", follow);
		assertThat(followed.statusCode()).as(followed.body()).isEqualTo(200);
		assertPhase(plan, SipPhase.ACTIVE);

		HttpResponse<String> closed = close(plan, "no-longer-needed");
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertPhase(plan, SipPhase.CLOSED);
		assertThat(client.read().resource(CarePlan.class).withId(plan).execute().getStatus()).isEqualTo(CarePlan.CarePlanStatus.COMPLETED);
	}

	private void put(CarePlan plan) {
		HttpResponse<String> r = send("PUT", "/CarePlan/" + plan.getIdPart(), "application/fhir+json",
				CTX.newJsonParser().encodeResourceToString(plan));
		assertThat(r.statusCode()).as(actingAs() + ": " + r.body()).isEqualTo(200);
	}

	/** A system of the organisation performing the activity, or the initiator for the person's own. */
	private static String writerOf(CarePlan.CarePlanActivityComponent activity, String initiator) {
		String performer = activity.getDetail().getPerformerFirstRep().getReference();
		if (performer.startsWith("PractitionerRole/")) {
			return example("PractitionerRole-" + performer.substring("PractitionerRole/".length()) + ".json",
					org.hl7.fhir.r4.model.PractitionerRole.class).getOrganization().getReference();
		}
		return performer.startsWith("Organization/") ? performer : initiator;
	}

	private void assertPhase(String plan, SipPhase phase) {
		assertThat(SipPhase.of(client.read().resource(CarePlan.class).withId(plan).execute())).contains(phase);
	}

	/** A copy of a scenario person or relative, pointing at the copied person; remembered for references. */
	private String copy(String reference) {
		Resource r = (Resource) client.read().resource(reference.split("/")[0]).withId(reference.split("/")[1]).execute();
		r.setId((String) null);
		r.getMeta().getProfile().clear(); // the copy has no identity number of its own
		if (r instanceof Patient p) {
			p.getIdentifier().clear();
		} else if (r instanceof RelatedPerson rp) {
			rp.getIdentifier().clear();
			rp.setPatient(new Reference(copies.get(rp.getPatient().getReference())));
		}
		String id = r.fhirType() + "/" + client.create().resource(r).execute().getId().getIdPart();
		copies.put(reference, id);
		return id;
	}

	private static <T extends Resource> T example(String file, Class<T> type) {
		return CTX.newJsonParser().parseResource(type, SipPackage.examples().get(file));
	}
}
