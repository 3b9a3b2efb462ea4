package se.samplan.server.authserver;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who signed in to the authorization server, and what they chose for this launch, as the authorities of a plain
 * {@link UsernamePasswordAuthenticationToken}: the authorization server stores the sign-in with each authorization
 * (as JSON, which it can do for Spring's own types), and the token's claims are read back from it. A person signs in
 * by their personal identity number (the name); staff by their PractitionerRole.
 */
public final class SignedIn {

	public enum Kind { PERSON, STAFF }

	private static final String KIND = "kind:";
	private static final String FHIR_USER = "fhirUser:";
	private static final String PATIENT = "patient:";
	private static final String ORGANIZATION = "organization:";
	private static final String LAUNCH = "launch:";

	private SignedIn() {}

	/** A person, by personnummer or samordningsnummer. */
	public static Authentication person(String identityNumber) {
		return token(identityNumber, List.of(KIND + Kind.PERSON));
	}

	/** A member of staff in their role at an organisation. */
	public static Authentication staff(String practitionerRole, String organization) {
		return token(practitionerRole, List.of(KIND + Kind.STAFF, FHIR_USER + practitionerRole, ORGANIZATION + organization));
	}

	/** The same sign-in, acting as {@code fhirUser} for {@code patient} in the launch {@code launch}. */
	static Authentication launched(Authentication signedIn, String fhirUser, String patient, String launch) {
		List<String> facts = new ArrayList<>();
		signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
				.filter(a -> !a.startsWith(FHIR_USER) && !a.startsWith(PATIENT) && !a.startsWith(LAUNCH)).forEach(facts::add);
		facts.add(FHIR_USER + fhirUser);
		facts.add(PATIENT + patient);
		facts.add(LAUNCH + launch);
		return token(signedIn.getName(), facts);
	}

	static Optional<Kind> kind(Authentication a) {
		return fact(a, KIND).map(Kind::valueOf);
	}

	static Optional<String> fhirUser(Authentication a) {
		return fact(a, FHIR_USER);
	}

	/** The Patient of the launch, {@code Patient/<id>}. */
	static Optional<String> patient(Authentication a) {
		return fact(a, PATIENT);
	}

	static Optional<String> organization(Authentication a) {
		return fact(a, ORGANIZATION);
	}

	static boolean launchedFor(Authentication a, String launch) {
		return fact(a, LAUNCH).filter(launch::equals).isPresent();
	}

	private static Optional<String> fact(Authentication a, String prefix) {
		return a == null ? Optional.empty() : a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
				.filter(s -> s.startsWith(prefix)).map(s -> s.substring(prefix.length())).findFirst();
	}

	private static Authentication token(String name, List<String> facts) {
		return UsernamePasswordAuthenticationToken.authenticated(name, null, facts.stream().map(SimpleGrantedAuthority::new).toList());
	}
}
