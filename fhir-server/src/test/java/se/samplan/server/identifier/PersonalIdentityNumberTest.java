package se.samplan.server.identifier;

import org.junit.jupiter.api.Test;
import se.samplan.server.identifier.PersonalIdentityNumber.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/** Format, date and Luhn check digit of personnummer and samordningsnummer. */
class PersonalIdentityNumberTest {

	@Test
	void acceptsValidNumbers() {
		assertThat(PersonalIdentityNumber.check("191212121212", false)).isEmpty();
		assertThat(PersonalIdentityNumber.check("201708159841", false)).isEmpty();
		assertThat(PersonalIdentityNumber.check("199001789941", true)).isEmpty();
	}

	@Test
	void namesTheFirstProblem() {
		assertThat(PersonalIdentityNumber.check("191212121213", false)).contains(Problem.CHECK_DIGIT);
		assertThat(PersonalIdentityNumber.check("19121212121", false)).contains(Problem.FORMAT);
		assertThat(PersonalIdentityNumber.check("1912121212AB", false)).contains(Problem.FORMAT);
		assertThat(PersonalIdentityNumber.check("191302301212", false)).contains(Problem.DATE);
		assertThat(PersonalIdentityNumber.check("199001189837", true)).contains(Problem.SAMORDNING_DAY);
		assertThat(PersonalIdentityNumber.check("199002899837", true)).contains(Problem.DATE);
	}

	@Test
	void dropsTheSeparatorBetweenDateAndSerial() {
		assertThat(PersonalIdentityNumber.normalize("19121212-1212")).isEqualTo("191212121212");
		assertThat(PersonalIdentityNumber.normalize("191212121212")).isEqualTo("191212121212");
	}
}
