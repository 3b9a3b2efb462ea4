package se.samplan.server.authserver;

import se.samplan.server.access.SmartScopes;

import java.util.Map;
import java.util.StringJoiner;

/** What a scope lets an app do, in Swedish, for the consent screen. */
final class ScopeTexts {

	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("*", "alla uppgifter"),
			Map.entry("CarePlan", "planer"), Map.entry("Goal", "mål"), Map.entry("Appointment", "möten"),
			Map.entry("AppointmentResponse", "svar på kallelser"), Map.entry("Consent", "samtycken"),
			Map.entry("CareTeam", "vårdteam och kontaktpersoner"), Map.entry("Task", "uppdrag och inbjudningar"),
			Map.entry("Patient", "personuppgifter"), Map.entry("RelatedPerson", "närstående"),
			Map.entry("AuditEvent", "vem som har läst dina uppgifter"));
	private static final Map<Character, String> PERMISSIONS = Map.of('c', "skapa", 'r', "läsa", 'u', "ändra", 'd', "ta bort",
			's', "söka i");

	private ScopeTexts() {}

	static String swedish(String scope) {
		return switch (scope) {
			case "fhirUser" -> "Veta vem du är inloggad som";
			case "profile" -> "Se ditt namn";
			case "launch/patient" -> "Veta vems planer appen visar";
			case "offline_access" -> "Behålla åtkomsten när du har loggat ut (tills du återkallar den)";
			case "online_access" -> "Behålla åtkomsten medan du använder appen";
			default -> resource(scope);
		};
	}

	private static String resource(String scope) {
		if (SmartScopes.context(scope) == null) {
			return scope;
		}
		String type = scope.substring(scope.indexOf('/') + 1, scope.lastIndexOf('.'));
		StringJoiner what = new StringJoiner(", ");
		for (char p : "cruds".toCharArray()) {
			if (SmartScopes.covers(scope, SmartScopes.context(scope) + "/" + type + "." + p)) {
				what.add(PERMISSIONS.get(p));
			}
		}
		String verbs = what.toString();
		return Character.toUpperCase(verbs.charAt(0)) + verbs.substring(1) + ": " + TYPES.getOrDefault(type, type);
	}
}
