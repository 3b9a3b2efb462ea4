package se.samplan.server.workflow;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import se.samplan.server.outcome.Refusal;

import java.time.LocalDate;
import java.util.List;

/** The values of an operation's primitive parameters, null when absent. */
public final class Params {

	private Params() {}

	static String value(IPrimitiveType<?> parameter) {
		return parameter == null || !parameter.hasValue() ? null : parameter.getValueAsString();
	}

	static java.util.Date date(org.hl7.fhir.r4.model.DateTimeType parameter) {
		return parameter == null ? null : parameter.getValue();
	}

	/** A date parameter as a calendar day; 400 when it names only a month or a year. */
	public static LocalDate day(DateType parameter, String name) {
		if (parameter == null || !parameter.hasValue()) {
			return null;
		}
		if (parameter.getPrecision() != TemporalPrecisionEnum.DAY) {
			throw Refusal.create().issue(IssueType.INVALID, "Ange en hel dag (ÅÅÅÅ-MM-DD).",
					"Parameter '" + name + "' needs a whole day (YYYY-MM-DD), not " + parameter.getValueAsString() + ".",
					"Parameters.parameter.where(name = '" + name + "')").invalidRequest();
		}
		return LocalDate.of(parameter.getYear(), parameter.getMonth() + 1, parameter.getDay());
	}

	static <T> List<T> list(List<T> parameter) {
		return parameter == null ? List.of() : parameter;
	}
}
