package se.samplan.server.followup;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipUrls;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The principals (huvudmän) behind organisations: an organisation's units count with it by {@code partOf}, and its
 * principal is the top of that chain. The statistics group and limit plans by them.
 */
@Component
class Principals {

	private static final Set<String> PRINCIPAL_KINDS = Set.of("kommun", "region");

	private final PlanRepository plans;

	Principals(PlanRepository plans) {
		this.plans = plans;
	}

	/** The organisation and every organisation it is part of, nearest first; empty for null. */
	Set<String> of(String organization, RequestDetails request) {
		Set<String> chain = new LinkedHashSet<>();
		String next = organization;
		while (next != null && chain.add(next)) {
			next = plans.organization(new Reference(next), request).filter(Organization::hasPartOf)
					.map(o -> plans.key(o.getPartOf(), request)).orElse(null);
		}
		return chain;
	}

	/** The top of the organisation's partOf chain: its principal. */
	String principalOf(String organization, RequestDetails request) {
		return of(organization, request).stream().reduce((first, second) -> second).orElse(null);
	}

	/** Kommun or region: the kind (sip-organization-kind) of the nearest principal in the chain; null when none. */
	Coding kind(Reference organization, RequestDetails request) {
		if (organization == null) {
			return null;
		}
		for (String o : of(plans.organizationOf(organization, request), request)) {
			Optional<Coding> kind = plans.organization(new Reference(o), request).stream().flatMap(org -> org.getType().stream())
					.flatMap(t -> t.getCoding().stream())
					.filter(c -> SipUrls.ORGANIZATION_KIND_SYSTEM.equals(c.getSystem()) && PRINCIPAL_KINDS.contains(c.getCode()))
					.findFirst();
			if (kind.isPresent()) {
				return new Coding(kind.get().getSystem(), kind.get().getCode(), null);
			}
		}
		return null;
	}

	/** How an organisation is named in a report: its name and reference. */
	String name(String organization, RequestDetails request) {
		return plans.organization(new Reference(organization), request).filter(Organization::hasName)
				.map(o -> o.getName() + " (" + organization + ")").orElse(organization);
	}
}
