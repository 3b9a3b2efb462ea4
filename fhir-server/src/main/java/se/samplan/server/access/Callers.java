package se.samplan.server.access;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import se.samplan.server.outcome.Refusal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Caller} of a request, read from the bearer token Spring Security has checked: SMART's
 * {@code fhirUser} names the user, the claim {@code organization} (or the user's PractitionerRole) the
 * organisation, {@code scope} what the client may do. The user and the organisation must be resources the server
 * holds: a token naming one it does not know is refused (403) before anything is served or logged. A token's caller
 * is remembered for a minute, so a client sending the same token does not pay for those reads per request; a party
 * removed meanwhile is refused within that minute. Requests the server makes itself ({@link SystemRequestDetails}),
 * and every request when access control is switched off, are {@link Caller#SYSTEM}.
 */
@Component
public class Callers {

	/** The claim naming the organisation a backend client or member of staff acts for. */
	public static final String ORGANIZATION_CLAIM = "organization";
	private static final String KEY = Callers.class.getName();
	private static final Set<String> USER_TYPES = Set.of("Patient", "RelatedPerson", "PractitionerRole");

	private final DaoRegistry daoRegistry;
	private final boolean enabled;
	private final Cache<String, Caller> byToken = Caffeine.newBuilder().maximumSize(10_000)
			.expireAfterWrite(Duration.ofMinutes(1)).build();

	Callers(DaoRegistry daoRegistry, AccessProperties properties) {
		this.daoRegistry = daoRegistry;
		this.enabled = properties.isEnabled();
	}

	public Caller of(RequestDetails request) {
		if (request == null || request instanceof SystemRequestDetails || !enabled) {
			return Caller.SYSTEM;
		}
		Object known = request.getUserData().get(KEY);
		if (known instanceof Caller caller) {
			return caller;
		}
		Caller caller = fromToken(SecurityContextHolder.getContext().getAuthentication());
		request.getUserData().put(KEY, caller);
		return caller;
	}

	/**
	 * Who the request's token says it acts for, whether or not the server holds that party: for logging a refused
	 * request, the refusal perhaps being that very party.
	 */
	public Caller claimed(RequestDetails request) {
		if (request == null || request instanceof SystemRequestDetails || !enabled) {
			return Caller.SYSTEM;
		}
		if (request.getUserData().get(KEY) instanceof Caller caller) {
			return caller;
		}
		return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
				? fromJwt(token.getToken(), false) : Caller.ANONYMOUS;
	}

	/** The organisation a request acts for (R5, R7); empty for the server, the operator, the person and guardians. */
	public Optional<String> organizationOf(RequestDetails request) {
		return Optional.ofNullable(of(request).organization());
	}

	private Caller fromToken(Authentication authentication) {
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return Caller.ANONYMOUS; // an open endpoint: Spring Security let nothing else through without a token
		}
		Jwt jwt = token.getToken();
		return byToken.get(jwt.getTokenValue(), t -> fromJwt(jwt, true));
	}

	private Caller fromJwt(Jwt jwt, boolean check) {
		SmartScopes scopes = SmartScopes.parse(scopes(jwt));
		String user = resourceReference(jwt.getClaimAsString("fhirUser"));
		String organization = resourceReference(jwt.getClaimAsString(ORGANIZATION_CLAIM));
		String client = jwt.hasClaim("client_id") ? jwt.getClaimAsString("client_id") : jwt.getClaimAsString("azp");
		String type = user == null ? null : user.substring(0, user.indexOf('/'));
		Caller.Kind kind;
		if (scopes.has(SmartScopes.ADMIN)) {
			kind = Caller.Kind.OPERATOR;
		} else if ("Patient".equals(type)) {
			kind = Caller.Kind.PERSON;
		} else if ("RelatedPerson".equals(type)) {
			kind = Caller.Kind.GUARDIAN;
		} else if ("PractitionerRole".equals(type)) {
			kind = Caller.Kind.STAFF;
		} else if (user == null && organization != null) {
			kind = Caller.Kind.BACKEND;
		} else {
			throw refused("The token names neither a user (fhirUser: Patient, RelatedPerson or PractitionerRole) nor an organisation (claim 'organization').");
		}
		IBaseResource held = !check || user == null || kind == Caller.Kind.OPERATOR ? null : known(user);
		if (kind == Caller.Kind.STAFF && organization == null && held != null) {
			PractitionerRole role = (PractitionerRole) held;
			organization = role.hasOrganization() ? role.getOrganization().getReferenceElement().toUnqualifiedVersionless().getValue() : null;
			if (organization == null) {
				throw refused("The user's PractitionerRole " + user + " names no organisation.");
			}
		}
		if (check && organization != null && kind != Caller.Kind.OPERATOR) {
			known(organization);
		}
		return new Caller(kind, jwt.getSubject(), user, kind == Caller.Kind.OPERATOR ? null : organization, scopes,
				client, jwt.getId());
	}

	/** The resource the token names; refused when the server holds no such resource. */
	private IBaseResource known(String reference) {
		try {
			return daoRegistry.getResourceDao(reference.substring(0, reference.indexOf('/')))
					.read(new IdType(reference), new SystemRequestDetails());
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			throw Refusal.create().issue(IssueType.SECURITY, "Inloggningen gäller en användare eller verksamhet som inte finns här.",
					"The token names " + reference + ", which this server does not hold.", null).forbidden();
		}
	}

	private static Collection<String> scopes(Jwt jwt) {
		Object scope = jwt.getClaim("scope");
		if (scope instanceof String s) {
			return Arrays.asList(s.trim().split("\\s+"));
		}
		Object scp = scope != null ? scope : jwt.getClaim("scp");
		return scp instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
	}

	/** {@code Patient/1} from {@code Patient/1} or {@code https://host/fhir/Patient/1}; null otherwise. */
	static String resourceReference(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		IdType id = new IdType(value.trim());
		if (!id.hasResourceType() || !id.hasIdPart()
				|| !(USER_TYPES.contains(id.getResourceType()) || "Organization".equals(id.getResourceType()))) {
			return null;
		}
		return id.getResourceType() + "/" + id.getIdPart();
	}

	private static BaseServerResponseException refused(String english) {
		return Refusal.create().issue(IssueType.SECURITY, "Inloggningen saknar uppgift om vem du är eller vilken verksamhet du företräder.",
				english, null).forbidden();
	}
}
