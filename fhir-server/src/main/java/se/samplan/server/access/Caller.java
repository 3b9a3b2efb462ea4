package se.samplan.server.access;

/**
 * Who a request acts for, from its bearer token, or the server itself for internal work.
 *
 * @param kind what sort of caller, which decides the access rules that apply
 * @param subject the token's {@code sub}
 * @param user the FHIR resource of the user ({@code Patient/1}, {@code RelatedPerson/2},
 *            {@code PractitionerRole/3}), null for a backend client, the operator or the server
 * @param organization {@code Organization/<id>} a member of staff or backend client acts for, else null
 * @param scopes the token's SMART scopes
 * @param client the client (app) the token was issued to, if the token says
 * @param tokenId the token's {@code jti}, if any
 */
public record Caller(Kind kind, String subject, String user, String organization, SmartScopes scopes,
		String client, String tokenId) {

	public enum Kind {
		/** The person the plan is for (den enskilde). */
		PERSON,
		/** A RelatedPerson; access as the person's guardian (vårdnadshavare) when the relationship is GUARD. */
		GUARDIAN,
		/** A member of staff (PractitionerRole) of an organisation. */
		STAFF,
		/** A system of an organisation, with client credentials. */
		BACKEND,
		/** An operator of the server (admin scope). */
		OPERATOR,
		/** The server itself: demo loading, rules' own lookups. */
		SYSTEM,
		/** No token: only the open endpoints answer (the CapabilityStatement). */
		ANONYMOUS
	}

	public static final Caller SYSTEM = new Caller(Kind.SYSTEM, "samplan", null, null,
			SmartScopes.parse(java.util.List.of("system/*.cruds")), null, null);

	public static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null, null, null, SmartScopes.parse(java.util.List.of()),
			null, null);

	/** The organisation a Subscription belongs to, as it is told of a change: a system of it that reads. */
	public static Caller subscriber(String organization, String subscription) {
		return new Caller(Kind.BACKEND, subscription, null, organization, SmartScopes.parse(java.util.List.of("system/*.rs")),
				null, null);
	}

	/** Staff or a backend client: access by the organisation's part in the plan. */
	public boolean actsForOrganization() {
		return kind == Kind.STAFF || kind == Kind.BACKEND;
	}

	/** The person or a guardian: access as in the national patient portal (R13). */
	public boolean isPersonal() {
		return kind == Kind.PERSON || kind == Kind.GUARDIAN;
	}
}
