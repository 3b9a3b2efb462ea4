package se.samplan.server.identifier;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Checks a Swedish personal identity number, personnummer or samordningsnummer, in its 12-digit form
 * {@code YYYYMMDDNNNC}: a real date of birth (for a samordningsnummer the day plus 60) and a Luhn check
 * digit over the last ten digits.
 */
public final class PersonalIdentityNumber {

	/** What is wrong with a number, in Swedish for the user and in English for the developer. */
	public enum Problem {
		FORMAT("måste bestå av 12 siffror (ÅÅÅÅMMDDNNNK)", "must be 12 digits YYYYMMDDNNNC"),
		DATE("innehåller inget giltigt födelsedatum", "does not contain a valid date of birth"),
		SAMORDNING_DAY("ska ha födelsedagen plus 60 (dag 61–91)", "must have the day of birth plus 60 (day 61-91)"),
		CHECK_DIGIT("har fel kontrollsiffra", "has a wrong check digit");

		public final String swedish;
		public final String english;

		Problem(String swedish, String english) {
			this.swedish = swedish;
			this.english = english;
		}
	}

	private PersonalIdentityNumber() {}

	/** The number without the separator that may stand between date and serial ({@code YYYYMMDD-NNNN}). */
	public static String normalize(String value) {
		return value != null && value.length() == 13 && value.charAt(8) == '-'
				? value.substring(0, 8) + value.substring(9)
				: value;
	}

	/** The first problem of a normalized number, or empty when it is valid. */
	public static Optional<Problem> check(String value, boolean samordningsnummer) {
		if (value == null || !value.matches("\\d{12}")) {
			return Optional.of(Problem.FORMAT);
		}
		int day = Integer.parseInt(value.substring(6, 8));
		if (samordningsnummer) {
			if (day <= 60) {
				return Optional.of(Problem.SAMORDNING_DAY);
			}
			day -= 60;
		}
		try {
			LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)), day);
		} catch (DateTimeException e) {
			return Optional.of(Problem.DATE);
		}
		return luhnValid(value.substring(2)) ? Optional.empty() : Optional.of(Problem.CHECK_DIGIT);
	}

	static boolean luhnValid(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int d = digits.charAt(i) - '0';
			if (i % 2 == 0) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		return sum % 10 == 0;
	}
}
