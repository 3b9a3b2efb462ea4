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

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A search's page is cut before the {@link ReadFilter} leaves out what the caller may not see, and HAPI finds the
 * page's includes from all its matches: an included resource that only a hidden match refers to, or a revincluded
 * one that refers only to hidden matches, would show that the hidden match exists. When something was hidden, such
 * includes are left out too: an include stays when a shown entry refers to it or it refers to a shown entry. The
 * searches of a batch or transaction are pruned alike, in its answer.
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
		if (!ReadFilter.hidSomething(request) || !(response.getResponseResource() instanceof Bundle bundle)) {
			return;
		}
		if (bundle.getType() == Bundle.BundleType.SEARCHSET) {
			leaveOut(bundle);
		} else if (bundle.getType() == Bundle.BundleType.BATCHRESPONSE || bundle.getType() == Bundle.BundleType.TRANSACTIONRESPONSE) {
			// A batch's searches answer inside its entries; this hook sees only the batch's answer.
			bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
					.filter(r -> r instanceof Bundle page && page.getType() == Bundle.BundleType.SEARCHSET)
					.forEach(page -> leaveOut((Bundle) page));
		}
	}

	private void leaveOut(Bundle bundle) {
		Set<String> shown = new HashSet<>();
		Set<String> referenced = new HashSet<>();
		// Each undecided include with what it refers to, walked once.
		Map<Bundle.BundleEntryComponent, List<String>> undecided = new LinkedHashMap<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (entry.getResource() == null) {
				continue;
			}
			List<String> refers = references(entry.getResource());
			if (entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE) {
				undecided.put(entry, refers);
			} else {
				shown.add(References.key(entry.getResource()));
				referenced.addAll(refers);
			}
		}
		boolean more = true;
		while (more) {
			more = false;
			for (var it = undecided.entrySet().iterator(); it.hasNext(); ) {
				var include = it.next();
				String key = References.key(include.getKey().getResource());
				if (referenced.contains(key) || include.getValue().stream().anyMatch(shown::contains)) {
					shown.add(key);
					referenced.addAll(include.getValue());
					it.remove();
					more = true;
				}
			}
		}
		bundle.getEntry().removeAll(undecided.keySet());
	}

	private List<String> references(Resource resource) {
		return terser.getAllResourceReferences(resource).stream()
				.map(r -> References.key(r.getResourceReference().getReferenceElement().getValue()))
				.filter(Objects::nonNull).toList();
	}
}
