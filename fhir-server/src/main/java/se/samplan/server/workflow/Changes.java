package se.samplan.server.workflow;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;

/** What a {@code $sip-*} operation answers: the resources it changed, as a collection Bundle. */
final class Changes {

	private Changes() {}

	/** Each entry with its absolute URL on this server (relative when the request has no base: internal calls). */
	static Bundle bundle(List<? extends Resource> changed, RequestDetails request) {
		String base = request == null ? null : request.getFhirServerBase();
		Bundle out = new Bundle().setType(Bundle.BundleType.COLLECTION);
		changed.forEach(r -> {
			IIdType id = r.getIdElement().toUnqualifiedVersionless();
			out.addEntry().setFullUrl(base == null ? id.getValue() : id.withServerBase(base, r.fhirType()).getValue()).setResource(r);
		});
		return out;
	}
}
