package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R5: declining an invitation needs a reason, and only the invited organisation answers, on every write
 * path (the rule code wins over the profile's invariant).
 */
class R5InvitationRuleTest extends WorkflowTestSupport {

	private String taskId;

	@BeforeEach
	void invitation() {
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
		actAs("Organization/sip2-org-bup");
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
		actAs("Organization/sip2-org-bup");
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

	@Test
	void anotherOrganisationCannotAnswerByPutOrInATransaction() {
		Task task = client.read().resource(Task.class).withId(taskId).execute();
		task.setStatus(Task.TaskStatus.ACCEPTED);
		String body = CTX.newJsonParser().encodeResourceToString(task);
		HttpResponse<String> put = send(request("/fhir/Task/" + taskId, "Organization/sip2-org-skola")
				.header("Content-Type", "application/fhir+json")
				.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
		assertRule(put, 403, "R5", "Task.status");
		org.hl7.fhir.r4.model.Bundle tx = new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
		tx.addEntry().setFullUrl(fhirBase() + "/Task/" + taskId).setResource(task)
				.getRequest().setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.PUT).setUrl("Task/" + taskId);
		HttpResponse<String> inTx = send(request("/fhir", "Organization/sip2-org-skola")
				.header("Content-Type", "application/fhir+json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(CTX.newJsonParser().encodeResourceToString(tx))).build());
		assertRule(inTx, 403, "R5", "Task.status");
		assertThat(client.read().resource(Task.class).withId(taskId).execute().getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
	}
}
