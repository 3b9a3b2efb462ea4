package se.samplan.server.hapi;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.samplan.server.ServerTestBase;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused request is logged as one INFO line naming method, path, status and rule, without the query, the
 * refusal's texts or a stack trace; HAPI's ERROR with a stack trace for a refusal thrown in the write pipeline is gone.
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("above-storage")
class RefusalLogTest extends ServerTestBase {

	@Test
	void aRefusedWriteIsOneInfoLine(CapturedOutput output) {
		String readOnly = requestToken(DEFAULT_USER, "user/*.read");
		HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(fhirBase() + "/Patient?_pretty=true"))
				.header("Authorization", "Bearer " + readOnly).header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"birthDate\":\"1970-01-01\"}")).build());
		assertThat(refused.statusCode()).isEqualTo(403);
		String log = output.getAll();
		assertThat(log).containsPattern("INFO .*RefusalLog +: Refused POST /Patient 403 \\(R15 forbidden\\)");
		assertThat(log).doesNotContain("Exception thrown by interceptor").doesNotContain("ForbiddenOperationException")
				.doesNotContain("_pretty");
	}
}
