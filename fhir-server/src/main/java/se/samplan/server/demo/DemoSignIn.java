package se.samplan.server.demo;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.samplan.server.authserver.SignedIn;
import se.samplan.server.identifier.IdentifierSystem;
import se.samplan.server.sip.SipResources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's sign-in to the built-in authorization server: a Swedish page listing the demo's people (by personal
 * identity number, as e-legitimation would name them) and staff (by role), and no password asked. Only in demo
 * mode; a county's server signs people in through its own identity provider.
 */
@Controller
@Profile("demo")
class DemoSignIn implements AuthenticationProvider {

	/** One account on the sign-in page. */
	record Account(String username, String name, String about) {}

	private final DaoRegistry daoRegistry;

	DemoSignIn(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	@GetMapping("/login")
	String page(Model model) {
		Map<String, Account> people = new LinkedHashMap<>();
		for (IBaseResource r : all("Patient")) {
			Patient p = (Patient) r;
			identityNumber(p.getIdentifier()).ifPresent(n -> people.putIfAbsent(n, new Account(n, SipResources.displayName(p.getNameFirstRep()),
					"född " + p.getBirthDateElement().getValueAsString())));
		}
		for (IBaseResource r : all("RelatedPerson")) {
			RelatedPerson g = (RelatedPerson) r;
			if (SipResources.isGuardian(g)) {
				identityNumber(g.getIdentifier()).ifPresent(n -> people.putIfAbsent(n, new Account(n, SipResources.displayName(g.getNameFirstRep()),
						"vårdnadshavare")));
			}
		}
		List<Account> staff = new ArrayList<>();
		for (IBaseResource r : all("PractitionerRole")) {
			PractitionerRole role = (PractitionerRole) r;
			staff.add(new Account("PractitionerRole/" + role.getIdElement().getIdPart(),
					role.getCodeFirstRep().getCodingFirstRep().getDisplay(), role.getOrganization().getDisplay()));
		}
		model.addAttribute("people", people.values());
		model.addAttribute("staff", staff);
		return "auth/login";
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String who = authentication.getName();
		if (who.startsWith("PractitionerRole/")) {
			PractitionerRole role = read(who).map(PractitionerRole.class::cast)
					.orElseThrow(() -> new BadCredentialsException("No demo user " + who));
			return SignedIn.staff(who, role.getOrganization().getReferenceElement().toUnqualifiedVersionless().getValue());
		}
		boolean known = !byIdentityNumber("Patient", who).isEmpty() || !byIdentityNumber("RelatedPerson", who).isEmpty();
		if (!known) {
			throw new BadCredentialsException("No demo person " + who);
		}
		return SignedIn.person(who);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static Optional<String> identityNumber(List<Identifier> identifiers) {
		return identifiers.stream().filter(i -> IdentifierSystem.of(i.getSystem())
						.filter(s -> s == IdentifierSystem.PERSONNUMMER || s == IdentifierSystem.SAMORDNINGSNUMMER).isPresent())
				.map(Identifier::getValue).findFirst();
	}

	private List<IBaseResource> byIdentityNumber(String type, String number) {
		return daoRegistry.getResourceDao(type).searchForResources(SearchParameterMap.newSynchronous("identifier",
				new TokenParam(number)), new SystemRequestDetails());
	}

	private List<IBaseResource> all(String type) {
		return daoRegistry.getResourceDao(type).search(SearchParameterMap.newSynchronous(), new SystemRequestDetails()).getAllResources();
	}

	private Optional<IBaseResource> read(String reference) {
		try {
			return Optional.of(daoRegistry.getResourceDao("PractitionerRole").read(new IdType(reference), new SystemRequestDetails()));
		} catch (BaseServerResponseException e) {
			return Optional.empty();
		}
	}

}
