package se.samplan.server.conformance;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.profiles.SipPackage;
import se.samplan.server.ServerTestBase;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The implementation guide is served at /ig/ without a token, with the package for download. */
@Tag("above-storage")
class IgSiteTest extends ServerTestBase {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theGuideIsServedWithoutAToken() throws Exception {
		HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ig/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("<h1").contains("StructureDefinition-SipCarePlan.html");
		HttpResponse<String> profile = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/ig/StructureDefinition-SipCarePlan.html")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(profile.statusCode()).isEqualTo(200);
		assertThat(profile.body()).contains("CarePlan.activity").contains("CarePlan-sip1-careplan");
	}

	@Test
	void thePackageDownloadIsThePackageTheServerLoaded() throws Exception {
		HttpResponse<byte[]> tgz = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ig/package.tgz")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(tgz.statusCode()).isEqualTo(200);
		try (InputStream in = SipPackage.open()) {
			assertThat(tgz.body()).isEqualTo(in.readAllBytes());
		}
	}
}
