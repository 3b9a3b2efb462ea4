package se.samplan.server.identifier;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Swedish identifier systems Samplan stores in one canonical form (see domain.md, "Identifiers"),
 * with the other system URIs it accepts on input.
 */
public enum IdentifierSystem {

	/** Personnummer (Skatteverket). */
	PERSONNUMMER("http://electronichealth.se/identifier/personnummer", "urn:oid:1.2.752.129.2.1.3.1"),
	/** Samordningsnummer: a personnummer whose day is increased by 60. */
	SAMORDNINGSNUMMER("http://electronichealth.se/identifier/samordningsnummer", "urn:oid:1.2.752.129.2.1.3.3"),
	/** HSA-id (the HSA catalogue's identifier for units and staff). */
	HSA_ID("urn:oid:1.2.752.29.4.19", "urn:oid:1.2.752.129.2.1.4.1");

	private final String canonical;
	private final List<String> aliases;

	IdentifierSystem(String canonical, String... aliases) {
		this.canonical = canonical;
		this.aliases = List.of(aliases);
	}

	public String canonical() {
		return canonical;
	}

	public static Optional<IdentifierSystem> of(String system) {
		return Arrays.stream(values())
				.filter(s -> s.canonical.equals(system) || s.aliases.contains(system))
				.findFirst();
	}
}
