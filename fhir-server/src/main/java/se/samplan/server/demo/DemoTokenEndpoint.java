package se.samplan.server.demo;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samplan.server.sip.SipResources;
import se.samplan.server.access.AccessProperties;
import se.samplan.server.access.Callers;
import se.samplan.server.access.SmartScopes;
import se.samplan.server.access.TokenChecks;
import se.samplan.server.authserver.SigningKeys;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's scriptable token endpoint, for curl and the conformance kit: {@code POST /auth/token} hands a token of
 * the built-in authorization server, signed with its key, to any demo user, no password asked
 * ({@code user=Patient/sip1-patient}, {@code RelatedPerson/...} for a guardian, {@code PractitionerRole/...} for staff,
 * {@code Organization/...} for a backend client, {@code operator}, or {@code statistics} for Region Värmland's analyst; {@code scope} narrows the default scopes);
 * {@code GET /auth/users} who can log in, for the portal's demo login. Only with the demo profile.
 */
@RestController
@Profile("demo")
@RequestMapping("/auth")
class DemoTokenEndpoint {

	static final String OPERATOR = "operator";
	/** The statistics user: an analyst of Region Värmland (scenario 1's region), for $sip-statistics. */
	static final String STATISTICS = "statistics";
	static final String STATISTICS_ORGANIZATION = "Organization/sip1-org-region";
	static final String PERSON_SCOPES = "openid fhirUser launch/patient patient/*.rs patient/AppointmentResponse.c "
			+ "patient/Goal.cu patient/Consent.u";
	static final String STAFF_SCOPES = "openid fhirUser user/*.cruds";
	static final String BACKEND_SCOPES = "system/*.cruds";
	static final String OPERATOR_SCOPES = "system/*.cruds " + SmartScopes.ADMIN;
	private static final long LIFETIME_SECONDS = 3600;

	private final SigningKeys keys;
	private final AccessProperties access;
	private final DaoRegistry daoRegistry;

	DemoTokenEndpoint(SigningKeys keys, AccessProperties access, DaoRegistry daoRegistry) {
		this.keys = keys;
		this.access = access;
		this.daoRegistry = daoRegistry;
	}

	@PostMapping("/token")
	ResponseEntity<Map<String, Object>> token(@RequestParam(required = false) String user,
			@RequestParam(required = false) String scope, HttpServletRequest request) {
		if (user == null || user.isBlank()) {
			return error("invalid_request", "Name the demo user: user=Patient/<id>, RelatedPerson/<id>, "
					+ "PractitionerRole/<id>, Organization/<id>, operator or statistics (see GET /auth/users).");
		}
		// From the built-in authorization server, for the FHIR base at the address the client used, as its tokens are.
		String issuer = access.getIssuer() == null || access.getIssuer().isBlank() ? TokenChecks.root(request) : access.getIssuer();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(TokenChecks.fhirBase(request)).subject(user)
				.issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(LIFETIME_SECONDS, ChronoUnit.SECONDS)))
				.jwtID(UUID.randomUUID().toString()).claim("client_id", "samplan-demo");
		String scopes;
		Map<String, Object> body = new LinkedHashMap<>();
		if (OPERATOR.equals(user)) {
			scopes = OPERATOR_SCOPES;
		} else if (STATISTICS.equals(user)) {
			scopes = SmartScopes.STATISTICS;
			claims.claim(Callers.ORGANIZATION_CLAIM, STATISTICS_ORGANIZATION).claim("client_id", "samplan-demo-statistics");
		} else {
			IBaseResource resource = read(user);
			if (resource == null) {
				return error("invalid_grant", "No demo user " + user + " (see GET /auth/users).");
			}
			String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
			if (resource instanceof Patient p) {
				scopes = PERSON_SCOPES;
				claims.claim("fhirUser", reference).claim("patient", p.getIdElement().getIdPart());
				body.put("patient", p.getIdElement().getIdPart());
			} else if (resource instanceof RelatedPerson r) {
				scopes = PERSON_SCOPES;
				String child = r.getPatient().getReferenceElement().getIdPart();
				claims.claim("fhirUser", reference).claim("patient", child);
				body.put("patient", child);
			} else if (resource instanceof PractitionerRole r) {
				scopes = STAFF_SCOPES;
				claims.claim("fhirUser", reference)
						.claim(Callers.ORGANIZATION_CLAIM, r.getOrganization().getReferenceElement().toUnqualifiedVersionless().getValue());
			} else {
				scopes = BACKEND_SCOPES;
				claims.claim(Callers.ORGANIZATION_CLAIM, reference).claim("client_id", "samplan-demo-" + resource.getIdElement().getIdPart());
			}
		}
		String granted = scope == null || scope.isBlank() ? scopes : scope.trim();
		claims.claim("scope", granted);
		body.put("access_token", keys.sign(claims.build()));
		body.put("token_type", "Bearer");
		body.put("expires_in", LIFETIME_SECONDS);
		body.put("scope", granted);
		return ResponseEntity.ok(body);
	}

	/** The people and organisations one can log in as, with Swedish labels for the portal. */
	@GetMapping("/users")
	List<Map<String, String>> users() {
		List<Map<String, String>> users = new ArrayList<>();
		for (IBaseResource r : all("Patient")) {
			Patient p = (Patient) r;
			users.add(user("person", "Patient/" + p.getIdElement().getIdPart(), SipResources.displayName(p.getNameFirstRep()),
					"född " + p.getBirthDateElement().getValueAsString()));
		}
		for (IBaseResource r : all("RelatedPerson")) {
			RelatedPerson g = (RelatedPerson) r;
			boolean guardian = g.getRelationship().stream().anyMatch(c -> c.hasCoding("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "GUARD"));
			IBaseResource child = read(g.getPatient().getReferenceElement().toUnqualifiedVersionless().getValue());
			users.add(user(guardian ? "guardian" : "related-person", "RelatedPerson/" + g.getIdElement().getIdPart(),
					SipResources.displayName(g.getNameFirstRep()), (guardian ? "vårdnadshavare till " : "närstående till ")
							+ (child instanceof Patient p ? SipResources.displayName(p.getNameFirstRep()) : "")));
		}
		for (IBaseResource r : all("PractitionerRole")) {
			PractitionerRole role = (PractitionerRole) r;
			users.add(user("staff", "PractitionerRole/" + role.getIdElement().getIdPart(),
					role.getCodeFirstRep().getCodingFirstRep().getDisplay(), role.getOrganization().getDisplay()));
		}
		for (IBaseResource r : all("Organization")) {
			Organization o = (Organization) r;
			users.add(user("backend", "Organization/" + o.getIdElement().getIdPart(), o.getName(), "systemklient"));
		}
		users.add(user("operator", OPERATOR, "Driftansvarig", "ser allt, ändrar konfiguration"));
		users.add(user("statistics", STATISTICS, "Analytiker, Region Värmland", "uppföljningsstatistik för regionen"));
		return users;
	}

	private static Map<String, String> user(String kind, String user, String name, String about) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("user", user);
		m.put("kind", kind);
		m.put("name", name == null ? user : name);
		m.put("about", about == null ? "" : about);
		return m;
	}

	private List<IBaseResource> all(String type) {
		return daoRegistry.getResourceDao(type).search(SearchParameterMap.newSynchronous(), new SystemRequestDetails()).getAllResources();
	}

	private IBaseResource read(String reference) {
		IdType id = new IdType(reference);
		if (!id.hasResourceType() || !id.hasIdPart() || !List.of("Patient", "RelatedPerson", "PractitionerRole", "Organization")
				.contains(id.getResourceType())) {
			return null;
		}
		try {
			return daoRegistry.getResourceDao(id.getResourceType()).read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
		} catch (BaseServerResponseException e) {
			return null;
		}
	}

	private static ResponseEntity<Map<String, Object>> error(String code, String description) {
		return ResponseEntity.badRequest().body(Map.of("error", code, "error_description", description));
	}
}
