package se.samplan.server.workflow;

import ca.uhn.fhir.rest.api.server.RequestDetails;

import java.util.Optional;

/**
 * The organisation a request acts for (R5, R7). TEMPORARY: read from the request header
 * {@value #HEADER} ({@code Organization/<id>}) until the access issue takes it from the caller's token.
 * Without the header, the rules that need it are not checked.
 */
public final class CallerOrganization {

	public static final String HEADER = "X-Samplan-Organization";

	private CallerOrganization() {}

	public static Optional<String> of(RequestDetails request) {
		String value = request == null ? null : request.getHeader(HEADER);
		return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
	}
}
