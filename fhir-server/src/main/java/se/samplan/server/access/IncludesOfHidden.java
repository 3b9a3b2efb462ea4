package se.samplan.server.access;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.References;
import se.samplan.server.hapi.RestInterceptor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A search's page is cut before the {@link ReadFilter} leaves out what the caller may not see, and HAPI finds the
 * page's includes from all its matches: an included resource that only a hidden match refers to, or a revincluded
 * one that refers only to hidden matches, would show that the hidden match exists. When something was hidden, such
 * includes are left out too: an include stays when a shown entry refers to it or it refers to a shown entry.
 */
@Component
@Interceptor
class IncludesOfHidden implements RestInterceptor {

	private final FhirTerser terser;

	IncludesOfHidden(FhirContext ctx) {
		this.terser = ctx.newTerser();
	}

	// Before the audit trail records who was shown.
	@Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = 500)
	public void leaveOut(RequestDetails request, ResponseDetails response) {
		if (!ReadFilter.hidSomething(request) || !(response.getResponseResource() instanceof Bundle bundle)
				|| bundle.getType() != Bundle.BundleType.SEARCHSET) {
			return;
		}
		Set<String> shown = new HashSet<>();
		Set<String> referenced = new HashSet<>();
		List<Bundle.BundleEntryComponent> undecided = new ArrayList<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE && entry.getResource() != null) {
				undecided.add(entry);
			} else if (entry.getResource() != null) {
				show(entry.getResource(), shown, referenced);
			}
		}
		boolean more = true;
		while (more) {
			more = false;
			for (var it = undecided.iterator(); it.hasNext(); ) {
				Resource include = it.next().getResource();
				if (referenced.contains(References.key(include)) || references(include).stream().anyMatch(shown::contains)) {
					show(include, shown, referenced);
					it.remove();
					more = true;
				}
			}
		}
		bundle.getEntry().removeAll(undecided);
	}

	private void show(Resource resource, Set<String> shown, Set<String> referenced) {
		shown.add(References.key(resource));
		referenced.addAll(references(resource));
	}

	private List<String> references(Resource resource) {
		return terser.getAllResourceReferences(resource).stream()
				.map(r -> References.key(r.getResourceReference().getReferenceElement().getValue()))
				.filter(Objects::nonNull).toList();
	}
}
