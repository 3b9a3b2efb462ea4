package se.samplan.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the kit is run with: the server's FHIR base URL, how it gets tokens, which checks to run and where the
 * JUnit XML goes. Parsed from the command line by {@link #parse}; the server's own tests build it directly.
 *
 * @param token the initiating staff member's token ({@code --token}), or null
 * @param tokenEndpoint a Samplan-style demo issuer ({@code POST user=<reference>}) that gives a token for any party
 * @param tokens tokens for named parties ({@code --token-for PractitionerRole/x=JWT}), by user reference
 * @param tags only checks with one of these tags (rule ids such as R7, or capability, examples, workflow, access)
 */
public record KitSettings(URI baseUrl, String token, URI tokenEndpoint, Map<String, String> tokens, Path reportDir,
		Set<String> tags) {

	public static final String USAGE = """
			Usage: java -jar sip-test-kit-exec.jar --base-url URL [options]
			  --base-url URL          the server's FHIR base, e.g. http://localhost:8080/fhir
			  --token JWT             bearer token of the initiating staff member (%s)
			  --token-endpoint URL    a token endpoint taking POST user=<reference> (Samplan's demo issuer,
			                          e.g. http://localhost:8080/auth/token); gives every party its token
			  --token-for USER=JWT    the token of one party (repeatable), e.g. operator=eyJ...
			  --tags T1,T2            run only checks with these tags (capability, examples, workflow, access,
			                          or a rule id: R2 R3 R5 R6 R7 R8 R11 W1 W2 W3 R13 R15)
			  --report-dir DIR        where the JUnit XML goes (default: sip-test-kit-report)
			Checks needing a party without a token are skipped, and say so.
			""".formatted(Parties.INITIATOR);

	public static KitSettings of(URI baseUrl, URI tokenEndpoint, Path reportDir, Set<String> tags) {
		return new KitSettings(baseUrl, null, tokenEndpoint, Map.of(), reportDir, tags);
	}

	public static KitSettings parse(List<String> args) {
		URI base = null;
		URI endpoint = null;
		String token = null;
		Map<String, String> tokens = new LinkedHashMap<>();
		Path reports = Path.of("sip-test-kit-report");
		Set<String> tags = new TreeSet<>();
		for (int i = 0; i < args.size(); i++) {
			String name = args.get(i);
			if (i + 1 >= args.size()) {
				throw new IllegalArgumentException(name + " needs a value");
			}
			String value = args.get(++i);
			switch (name) {
				case "--base-url" -> base = URI.create(value.replaceAll("/+$", ""));
				case "--token" -> token = value;
				case "--token-endpoint" -> endpoint = URI.create(value);
				case "--token-for" -> {
					int eq = value.indexOf('=');
					if (eq < 1) {
						throw new IllegalArgumentException("--token-for wants USER=JWT, got " + value);
					}
					tokens.put(value.substring(0, eq), value.substring(eq + 1));
				}
				case "--tags" -> tags.addAll(List.of(value.split(",")));
				case "--report-dir" -> reports = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown option " + name);
			}
		}
		if (base == null) {
			throw new IllegalArgumentException("--base-url is required");
		}
		return new KitSettings(base, token, endpoint, tokens, reports, tags);
	}
}
