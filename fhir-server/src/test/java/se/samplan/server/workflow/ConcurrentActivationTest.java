package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Two clients activating the same plan at once: exactly one succeeds, the other is refused. */
class ConcurrentActivationTest extends WorkflowTestSupport {

	private String planId;
	private String meetingId;

	@BeforeEach
	void invitedCompletePlan() {
		Bundle invited = invitedPlan(SipActivateOperationTest.HELD);
		meetingId = invited.getEntry().get(0).getResource().getIdElement().getIdPart();
		planId = invited.getEntry().get(3).getResource().getIdElement().getIdPart();
		writeContent(planId);
	}

	@Test
	void exactlyOneOfTwoSimultaneousActivationsWins() {
		for (int round = 0; round < 3; round++) {
			if (round > 0) {
				invitedCompletePlan();
			}
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<HttpResponse<String>>> calls = List.of(1, 2).stream()
					.map(i -> CompletableFuture.supplyAsync(() -> {
						try {
							start.await();
						} catch (InterruptedException e) {
							Thread.currentThread().interrupt();
						}
						return activate(planId, meetingId, "Organization/sip2-org-bup");
					})).toList();
			start.countDown();
			List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).sorted().toList();
			assertThat(statuses).as("round %d", round).hasSize(2);
			assertThat(statuses.get(0)).as("one wins: %s", statuses).isEqualTo(200);
			assertThat(statuses.get(1)).as("the other is refused: %s", statuses).isIn(409, 422);
			assertThat(count("DetectedIssue?implicated=CarePlan/" + planId)).as("one activation's deviations only").isEqualTo(1);
		}
	}
}
