package se.samplan.testkit;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line of the kit: what a tester types becomes these settings, and mistakes are named. */
class KitSettingsTest {

	@Test
	void everyOptionIsRead() {
		KitSettings s = KitSettings.parse(List.of("--base-url", "http://host:8080/fhir/", "--token", "abc",
				"--token-endpoint", "http://host:8080/auth/token", "--token-for", "operator=x=y",
				"--tags", "R7,W2", "--report-dir", "out"));
		assertThat(s.baseUrl()).isEqualTo(URI.create("http://host:8080/fhir"));
		assertThat(s.token()).isEqualTo("abc");
		assertThat(s.tokenEndpoint()).isEqualTo(URI.create("http://host:8080/auth/token"));
		assertThat(s.tokens()).containsEntry("operator", "x=y");
		assertThat(s.tags()).isEqualTo(Set.of("R7", "W2"));
		assertThat(s.reportDir()).isEqualTo(Path.of("out"));
	}

	@Test
	void mistakesAreNamed() {
		assertThatThrownBy(() -> KitSettings.parse(List.of("--token", "abc"))).hasMessageContaining("--base-url is required");
		assertThatThrownBy(() -> KitSettings.parse(List.of("--base-url"))).hasMessageContaining("--base-url needs a value");
		assertThatThrownBy(() -> KitSettings.parse(List.of("--base-url", "u", "--bogus", "1"))).hasMessageContaining("--bogus");
		assertThatThrownBy(() -> KitSettings.parse(List.of("--base-url", "u", "--token-for", "nojwt")))
				.hasMessageContaining("USER=JWT");
	}
}
