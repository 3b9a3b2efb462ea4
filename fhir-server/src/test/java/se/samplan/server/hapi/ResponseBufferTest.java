package se.samplan.server.hapi;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.server.ServerTestBase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR endpoint's answers leave whole, with their length, rather than as a chunk per value HAPI wrote:
 * a search page, a read refused as not found, the CapabilityStatement (larger than Tomcat's own buffer), and a
 * page compressed for a client that accepts gzip (HAPI writes that through the output stream, not the writer).
 */
@Tag("above-storage")
class ResponseBufferTest extends ServerTestBase {

	@Test
	void searchPageLeavesWholeWithItsLength() {
		HttpResponse<String> page = get("/fhir/CarePlan?_count=20");
		assertThat(page.statusCode()).isEqualTo(200);
		assertWhole(page);
		assertThat(CTX.newJsonParser().parseResource(Bundle.class, page.body()).getEntry()).isNotEmpty();
	}

	@Test
	void refusalLeavesWholeWithItsLength() {
		HttpResponse<String> missing = get("/fhir/CarePlan/finns-inte");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertWhole(missing);
		assertThat(outcome(missing).getIssueFirstRep().getDiagnostics()).isNotBlank();
	}

	@Test
	void answerLargerThanTomcatsBufferLeavesWhole() {
		HttpResponse<String> capabilities = get("/fhir/metadata");
		assertThat(capabilities.statusCode()).isEqualTo(200);
		assertThat(capabilities.body().length()).isGreaterThan(8 * 1024);
		assertWhole(capabilities);
	}

	@Test
	void compressedPageLeavesWholeWithItsLength() {
		HttpResponse<byte[]> page = send(request("/fhir/CarePlan?_count=20").header("Accept", "application/fhir+json")
				.header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(page.headers().firstValue("Transfer-Encoding")).as("chunked").isEmpty();
		assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(page.body().length);
		try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(page.body()))) {
			String json = new String(unzipped.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(CTX.newJsonParser().parseResource(Bundle.class, json).getEntry()).isNotEmpty();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void assertWhole(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Transfer-Encoding")).as("chunked").isEmpty();
		assertThat(response.headers().firstValueAsLong("Content-Length"))
				.hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
	}
}
