package se.samplan.server.followup;

import org.hl7.fhir.r4.model.Coding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The follow-up statistics of a period, before any masking: one {@link Group} per group of Measure/sip-follow-up.
 *
 * @param principal the principal the figures are limited to, or null for the whole county
 */
record Figures(LocalDate start, LocalDate end, String principal, List<Group> groups) {

	/** A count (with strata), a proportion (numerator of denominator) or a score over {@code count} values. */
	record Group(String code, int count, Integer numerator, Integer denominator, BigDecimal score, String unit,
			String stratifier, List<Stratum> strata) {

		static Group count(String code, int count) {
			return new Group(code, count, null, null, null, null, null, List.of());
		}

		static Group stratified(String code, int count, String stratifier, List<Stratum> strata) {
			return new Group(code, count, null, null, null, null, stratifier, strata);
		}

		static Group proportion(String code, int numerator, int denominator) {
			BigDecimal share = denominator == 0 ? null
					: BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 1, java.math.RoundingMode.HALF_UP);
			return new Group(code, denominator, numerator, denominator, share, "%", null, List.of());
		}

		static Group score(String code, int count, BigDecimal score, String unit) {
			return new Group(code, count, null, null, score, unit, null, List.of());
		}
	}

	/** One stratum: its value as a coding, or as text (an organisation's name) when {@code value} is null. */
	record Stratum(Coding value, String text, int count) {}
}
