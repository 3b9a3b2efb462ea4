package se.samplan.profiles;

import ca.uhn.fhir.validation.SingleValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each negative fixture in {@code invalid/} has one defect, and the validator reports exactly that one,
 * with the expected message at the expected element ({@code invalid/expected-errors.csv}).
 */
class InvalidFixturesAreRefusedTest {

	public static String fixture(String file) throws IOException {
		try (InputStream in = InvalidFixturesAreRefusedTest.class.getResourceAsStream("/invalid/" + file)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/invalid/expected-errors.csv", delimiter = ';', numLinesToSkip = 1)
	void fixtureFailsWithTheExpectedError(String file, String profile, String expectedMessage, String expression)
			throws IOException {
		String json = fixture(file);
		assertThat(json).contains(profile);
		List<SingleValidationMessage> errors = SipValidator.get().errors(json);
		assertThat(errors).as(file).hasSize(1);
		assertThat(errors.get(0).getMessage()).contains(expectedMessage);
		assertThat(errors.get(0).getLocationString()).isEqualTo(expression);
	}
}
