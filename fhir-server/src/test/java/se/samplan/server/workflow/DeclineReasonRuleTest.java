package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** R5: declining an invitation needs a reason, on every write path (the rule code wins over the profile's). */
class DeclineReasonRuleTest extends WorkflowTestSupport {

	private String taskId;

	@BeforeEach
	void invitation() {
		loadScenarios();
		taskId = invitedPlan().getEntry().get(1).getResource().getIdElement().getIdPart();
	}

	private Task declinedWithoutReason() {
		Task task = client.read().resource(Task.class).withId(taskId).execute();
		task.setStatus(Task.TaskStatus.REJECTED);
		task.setStatusReason(null);
		return task;
	}

	@Test
	void putIsRefused() {
		HttpResponse<String> r = send("PUT", "/Task/" + taskId, "application/fhir+json",
				CTX.newJsonParser().encodeResourceToString(declinedWithoutReason()));
		assertRule(r, 422, "R5", "Task.statusReason");
		assertThat(client.read().resource(Task.class).withId(taskId).execute().getStatus())
				.isNotEqualTo(Task.TaskStatus.REJECTED);
	}

	@Test
	void transactionIsRefused() {
		Task task = declinedWithoutReason();
		task.setId((String) null);
		assertRule(postJson("", transaction(task)), 422, "R5", "Task.statusReason");
	}

	@Test
	void declineWithAReasonIsStored() {
		Task task = client.read().resource(Task.class).withId(taskId).execute();
		task.setId((String) null);
		task.setStatus(Task.TaskStatus.REJECTED);
		task.getStatusReason().setText("Barnet är inte aktuellt på BUP.");
		assertThat(postJson("/Task", task).statusCode()).isEqualTo(201);
	}
}
