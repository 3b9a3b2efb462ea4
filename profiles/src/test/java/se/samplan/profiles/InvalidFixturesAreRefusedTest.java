package se.samplan.profiles;

import ca.uhn.fhir.validation.SingleValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.samplan.profiles.InvalidFixtures.Expectation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each negative fixture has one defect, and the validator reports exactly that one, with the expected
 * message at the expected element ({@code invalid/expected-errors.csv}).
 */
class InvalidFixturesAreRefusedTest {

	static List<Expectation> fixtures() {
		return InvalidFixtures.expectations();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void fixtureFailsWithTheExpectedError(Expectation fixture) {
		String json = fixture.json();
		assertThat(json).contains(fixture.profile());
		List<SingleValidationMessage> errors = SipValidator.get().errors(json);
		assertThat(errors).as(fixture.file()).hasSize(1);
		assertThat(errors.get(0).getMessage()).contains(fixture.message());
		assertThat(errors.get(0).getLocationString()).isEqualTo(fixture.expression());
	}
}
