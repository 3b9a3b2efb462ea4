package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;

/** What a {@code $sip-*} operation answers: the resources it changed, as a collection Bundle. */
final class Changes {

	private Changes() {}

	static Bundle bundle(List<? extends Resource> changed) {
		Bundle out = new Bundle().setType(Bundle.BundleType.COLLECTION);
		changed.forEach(r -> out.addEntry().setFullUrl(r.getIdElement().toVersionless().getValue()).setResource(r));
		return out;
	}
}
