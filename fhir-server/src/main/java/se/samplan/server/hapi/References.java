package se.samplan.server.hapi;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;

/** {@code Type/id} keys of resources and references, without base URL or version. */
public final class References {

	private References() {}

	/** {@code Type/id} of a stored resource, or null when it has no id (yet). */
	public static String key(IBaseResource resource) {
		return resource.getIdElement().hasIdPart() && !resource.getIdElement().getIdPart().startsWith("urn:")
				? resource.fhirType() + "/" + resource.getIdElement().getIdPart() : null;
	}

	/** {@code Type/id} of a literal reference (relative or absolute), or null for none, a placeholder or a search. */
	public static String key(Reference reference) {
		return reference == null || !reference.hasReference() ? null : key(reference.getReference());
	}

	public static String key(String reference) {
		if (reference == null || reference.isBlank() || reference.startsWith("urn:") || reference.contains("?")
				|| reference.startsWith("#")) {
			return null;
		}
		IdType id = new IdType(reference);
		return id.hasResourceType() && id.hasIdPart() ? id.getResourceType() + "/" + id.getIdPart() : null;
	}

	/** The resource type a reference names ({@code Patient} of {@code Patient/1} or {@code Patient?identifier=..}), or null. */
	public static String type(String reference) {
		if (reference == null || reference.startsWith("urn:") || reference.startsWith("#")) {
			return null;
		}
		int query = reference.indexOf('?');
		if (query >= 0) {
			String path = reference.substring(0, query);
			return path.substring(path.lastIndexOf('/') + 1);
		}
		return new IdType(reference).getResourceType();
	}
}
