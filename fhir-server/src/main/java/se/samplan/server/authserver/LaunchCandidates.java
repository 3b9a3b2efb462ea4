package se.samplan.server.authserver;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import org.hl7.fhir.instance.model.api.IBaseResource;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.springframework.stereotype.Component;
import se.samplan.server.access.AccessPolicy;
import se.samplan.server.access.Caller;
import se.samplan.server.access.SmartScopes;
import se.samplan.server.identifier.IdentifierSystem;
import se.samplan.server.sip.SipResources;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whom a signed-in person may launch an app for (R13): themself, when their own plans are theirs to read (from 16),
 * and each child they are a guardian of whose plans the guardian may read (under 13, or 13–15 where the plan grants
 * it; never a child with protected identity). Decided by the same policy that filters every read.
 */
@Component
class LaunchCandidates {

	/** One choice on the picker: act as {@code fhirUser} for {@code patient} ({@code Patient/<id>}). */
	record Candidate(String fhirUser, String patient, String name, boolean self) {}

	private final DaoRegistry daoRegistry;
	private final AccessPolicy policy;

	LaunchCandidates(DaoRegistry daoRegistry, AccessPolicy policy) {
		this.daoRegistry = daoRegistry;
		this.policy = policy;
	}

	List<Candidate> of(String identityNumber) {
		List<Candidate> candidates = new ArrayList<>();
		for (IBaseResource r : byIdentityNumber("Patient", identityNumber)) {
			String user = "Patient/" + r.getIdElement().getIdPart();
			if (readable(Caller.Kind.PERSON, user)) {
				candidates.add(new Candidate(user, user, SipResources.displayName(((Patient) r).getNameFirstRep()), true));
			}
		}
		for (IBaseResource r : byIdentityNumber("RelatedPerson", identityNumber)) {
			RelatedPerson guardian = (RelatedPerson) r;
			String user = "RelatedPerson/" + r.getIdElement().getIdPart();
			if (SipResources.isGuardian(guardian) && readable(Caller.Kind.GUARDIAN, user)) {
				String child = guardian.getPatient().getReferenceElement().toUnqualifiedVersionless().getValue();
				candidates.add(new Candidate(user, child, read(child).map(p -> SipResources.displayName(p.getNameFirstRep())).orElse(child), false));
			}
		}
		return candidates;
	}

	Optional<Candidate> find(String identityNumber, String fhirUser) {
		return of(identityNumber).stream().filter(c -> c.fhirUser().equals(fhirUser)).findFirst();
	}

	private boolean readable(Caller.Kind kind, String user) {
		Caller caller = new Caller(kind, user, user, null, SmartScopes.parse(List.of("patient/*.rs")), null, null);
		return !policy.personsOf(caller, new SystemRequestDetails()).isEmpty();
	}

	private List<IBaseResource> byIdentityNumber(String type, String number) {
		TokenOrListParam identifier = new TokenOrListParam()
				.add(IdentifierSystem.PERSONNUMMER.canonical(), number)
				.add(IdentifierSystem.SAMORDNINGSNUMMER.canonical(), number);
		return daoRegistry.getResourceDao(type).searchForResources(SearchParameterMap.newSynchronous().add("identifier", identifier),
				new SystemRequestDetails());
	}

	private Optional<Patient> read(String reference) {
		try {
			return Optional.of((Patient) daoRegistry.getResourceDao("Patient").read(new IdType(reference), new SystemRequestDetails()));
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return Optional.empty();
		}
	}

}
