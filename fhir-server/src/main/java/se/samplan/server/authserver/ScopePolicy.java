package se.samplan.server.authserver;

import se.samplan.server.access.SmartScopes;

/**
 * Which scopes a signed-in user may grant an app: a person (or guardian) only {@code patient/} scopes and the launch,
 * identity and refresh scopes; staff only {@code user/} scopes and the identity and refresh scopes. What the scopes
 * then let the token do is still only what the user's identity allows (access.md).
 */
final class ScopePolicy {

	private ScopePolicy() {}

	static boolean userMayGrant(SignedIn.Kind kind, String scope) {
		String context = SmartScopes.context(scope);
		if (context != null) {
			return context.equals(kind == SignedIn.Kind.PERSON ? "patient" : "user");
		}
		return switch (scope) {
			case "openid", "fhirUser", "profile", "offline_access", "online_access" -> true;
			case "launch/patient" -> kind == SignedIn.Kind.PERSON;
			default -> false;
		};
	}
}
