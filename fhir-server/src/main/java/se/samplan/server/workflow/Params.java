package se.samplan.server.workflow;

import org.hl7.fhir.instance.model.api.IPrimitiveType;

import java.util.List;

/** The values of an operation's primitive parameters, null when absent. */
final class Params {

	private Params() {}

	static String value(IPrimitiveType<?> parameter) {
		return parameter == null || !parameter.hasValue() ? null : parameter.getValueAsString();
	}

	static java.util.Date date(org.hl7.fhir.r4.model.DateTimeType parameter) {
		return parameter == null ? null : parameter.getValue();
	}

	static <T> List<T> list(List<T> parameter) {
		return parameter == null ? List.of() : parameter;
	}
}
