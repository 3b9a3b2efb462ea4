package se.samplan.server.access;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.profiles.SipPackage;
import se.samplan.server.workflow.WorkflowTestSupport;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the person sees of goals and care teams (R13): those a plan they may read names, read alone, searched or
 * included; not those of a plan held back from them; of their own that no plan names, the goals, not the care team.
 */
@Tag("R13")
class PersonsGoalsTest extends WorkflowTestSupport {

	@Test
	void aGoalOfAPlanHeldBackIsHiddenTillThePlanIsReleased() {
		actAs(INITIATOR);
		String person = newPatient();
		CarePlan plan = initiated(person);
		String goal = create(new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE).setSubject(new Reference(person))
				.setDescription(new org.hl7.fhir.r4.model.CodeableConcept().setText("Bo kvar hemma")));
		plan.addGoal(new Reference(goal));
		plan.addExtension(SipPackage.structureDefinition("sip-approved-for-patient"), new BooleanType(false));
		client.update().resource(plan).withId(plan.getIdElement().toVersionless()).execute();
		String portal = "CarePlan?subject=" + person + "&_include=CarePlan:goal";

		actAs(person);
		assertThat(get("/fhir/" + goal).statusCode()).isEqualTo(404);
		assertThat(keys("Goal?subject=" + person)).isEmpty();
		assertThat(keys(portal)).isEmpty();

		actAs(INITIATOR);
		plan = client.read().resource(CarePlan.class).withId(plan.getIdElement().toVersionless()).execute();
		plan.getExtensionByUrl(SipPackage.structureDefinition("sip-approved-for-patient")).setValue(new BooleanType(true));
		client.update().resource(plan).execute();

		actAs(person);
		assertThat(get("/fhir/" + goal).statusCode()).isEqualTo(200);
		assertThat(keys("Goal?subject=" + person)).containsExactly(goal);
		assertThat(keys(portal)).containsExactlyInAnyOrder(plan.getIdElement().toUnqualifiedVersionless().getValue(), goal);
	}

	@Test
	void ofTheirOwnInNoPlanTheGoalIsShownNotTheCareTeam() {
		actAs(INITIATOR);
		String person = newPatient();
		String goal = create(new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE).setSubject(new Reference(person))
				.setDescription(new org.hl7.fhir.r4.model.CodeableConcept().setText("Träffa barnbarnen")));
		String team = create(new CareTeam().setSubject(new Reference(person)).setName("Team utan plan"));

		actAs(person);
		assertThat(get("/fhir/" + goal).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/" + team).statusCode()).isEqualTo(404);
	}

	private String create(Resource resource) {
		return client.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
	}

	private List<String> keys(String query) {
		return client.search().byUrl(query).returnBundle(Bundle.class).execute().getEntry().stream()
				.map(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
	}
}
