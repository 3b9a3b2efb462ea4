package se.samplan.ig.site;

import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each artefact and example of the package is shown in the site, and links to it by canonical
 * URL. All links are relative, so the site works from the file system as well as under /ig/.
 */
final class Links {

	private final Map<String, MetadataResource> byCanonical = new HashMap<>();

	Links(SipArtefacts artefacts) {
		for (List<? extends MetadataResource> kind : List.of(artefacts.profiles, artefacts.extensions,
				artefacts.codeSystems, artefacts.valueSets, artefacts.searchParameters, artefacts.operations)) {
			kind.forEach(r -> byCanonical.put(r.getUrl(), r));
		}
	}

	static String page(StructureDefinition sd) {
		return SipArtefacts.key(sd) + ".html";
	}

	/** The page, and anchor where it shares one, of an artefact of the package. */
	static String href(Resource r) {
		String key = SipArtefacts.key(r);
		return switch (r.fhirType()) {
			case "CodeSystem", "ValueSet", "NamingSystem" -> "terminology.html#" + key;
			case "SearchParameter" -> "searchparameters.html#" + key;
			case "OperationDefinition" -> "operations.html#" + key;
			default -> key + ".html";
		};
	}

	/** An example is shown on the page of the profile it claims, or on a page of its own. */
	String exampleHref(Resource example) {
		return profileOf(example).map(sd -> page(sd) + "#" + SipArtefacts.key(example))
				.orElse(SipArtefacts.key(example) + ".html");
	}

	Optional<StructureDefinition> profileOf(Resource example) {
		return example.getMeta().getProfile().stream().map(p -> byCanonical.get(p.getValue()))
				.filter(StructureDefinition.class::isInstance).map(StructureDefinition.class::cast).findFirst();
	}

	boolean claims(Resource example, StructureDefinition sd) {
		return example.getMeta().getProfile().stream().anyMatch(p -> sd.getUrl().equals(p.getValue()));
	}

	/** A canonical reference: a link to our page for our artefacts, else the URL's last part, titled with the URL. */
	String canonical(String url) {
		String plain = url.contains("|") ? url.substring(0, url.indexOf('|')) : url;
		MetadataResource ours = byCanonical.get(plain);
		if (ours != null) {
			return Html.link(href(ours), Html.esc(SipArtefacts.id(ours)));
		}
		return "<span title=\"" + Html.esc(url) + "\">" + Html.esc(plain.substring(plain.lastIndexOf('/') + 1))
				+ "</span>";
	}

	String canonicals(List<CanonicalType> urls) {
		return String.join(" | ", urls.stream().map(u -> canonical(u.getValue())).toList());
	}
}
