package se.samplan.server.operations;

import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator watches: readiness includes the database and the full-text index; Prometheus metrics (operator
 * token only) have the FHIR requests by interaction and operation, and the audit log.
 */
class OperationsTest extends ServerTestBase {

	@Test
	void readinessIncludesTheDatabaseAndTheFullTextIndex() {
		HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
				.GET().build());
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("\"status\":\"UP\"");
		HttpResponse<String> details = send(request("/actuator/health/readiness", OPERATOR).GET().build());
		assertThat(details.body()).contains("\"db\"", "\"fullText\"", "\"readinessState\"");
	}

	@Test
	void prometheusMetricsNeedTheOperatorAndTellRequestsAndTheAuditLog() {
		String plan = demoPlan("Patient/sip1-patient");
		assertThat(get("/fhir/CarePlan/" + plan).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/CarePlan/" + plan + "/$sip-summary").statusCode()).isEqualTo(200);
		HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).GET().build());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(send(request("/actuator/prometheus", DEFAULT_USER).GET().build()).statusCode()).isEqualTo(403);
		HttpResponse<String> metrics = send(request("/actuator/prometheus", OPERATOR).GET().build());
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body())
				.containsPattern("samplan_fhir_requests_seconds_count\\{interaction=\"read\",operation=\"none\",outcome=\"SUCCESS\",resource=\"CarePlan\"} [1-9]")
				.containsPattern("samplan_fhir_requests_seconds_count\\{interaction=\"extended-operation-instance\",operation=\"\\$sip-summary\",outcome=\"SUCCESS\",resource=\"CarePlan\"} [1-9]")
				.containsPattern("samplan_audit_events_total [1-9]")
				.contains("samplan_audit_unstored");
	}
}
