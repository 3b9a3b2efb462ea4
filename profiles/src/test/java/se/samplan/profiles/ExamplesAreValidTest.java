package se.samplan.profiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example in the built package validates against the profile it claims, with no errors. */
class ExamplesAreValidTest {

	static Stream<Map.Entry<String, String>> examples() {
		return SipPackage.examples().entrySet().stream();
	}

	@Test
	void packageHasTheThreeScenarioBundlesAndTheirResources() {
		assertThat(SipPackage.examples().keySet())
				.contains("Bundle-sip1-bundle.json", "Bundle-sip2-bundle.json", "Bundle-sip3-bundle.json",
						"CarePlan-sip1-careplan.json", "CarePlan-sip2-careplan.json", "CarePlan-sip3-careplan.json")
				.hasSizeGreaterThan(50);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void exampleHasNoValidationErrors(Map.Entry<String, String> example) {
		assertThat(SipValidator.get().errors(example.getValue()))
				.as(example.getKey())
				.extracting(m -> m.getLocationString() + ": " + m.getMessage())
				.isEmpty();
	}
}
