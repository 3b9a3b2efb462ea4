package se.samplan.profiles.build;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.ImplementationGuide.GuidePageGeneration;
import org.hl7.fhir.r4.model.ImplementationGuide.ImplementationGuideDefinitionPageComponent;
import org.hl7.fhir.r4.model.ImplementationGuide.ImplementationGuideDefinitionResourceComponent;
import org.hl7.fhir.r4.model.ImplementationGuide.SPDXLicense;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.UrlType;

import java.util.List;

/**
 * The package's ImplementationGuide resource, made from what the package holds so it lists every
 * artefact (definitions, and examples with the profile they illustrate) and the pages of the IG site.
 */
final class ImplementationGuideWriter {

	/** The hand-written and generated pages of the site built by implementation-guide/site. */
	private static final List<String[]> PAGES = List.of(
			new String[] {"workflow.html", "The SIP workflow", "markdown"},
			new String[] {"operations.html", "Operations", "generated"},
			new String[] {"access.html", "Access, patient view and audit", "markdown"},
			new String[] {"artifacts.html", "Artifacts", "generated"},
			new String[] {"terminology.html", "Code systems and value sets", "generated"},
			new String[] {"searchparameters.html", "Search parameters", "generated"},
			new String[] {"downloads.html", "Downloads", "generated"});

	private ImplementationGuideWriter() {}

	static ImplementationGuide of(String canonical, String packageId, String version, List<Resource> definitions,
			List<Resource> examples) {
		ImplementationGuide ig = new ImplementationGuide();
		ig.setId(packageId);
		ig.setUrl(canonical + "/ImplementationGuide/" + packageId);
		ig.setVersion(version);
		ig.setName("SamplanSip");
		ig.setTitle("Samplan – Samordnad individuell plan (SIP)");
		ig.setStatus(PublicationStatus.ACTIVE);
		ig.setPublisher("Samplan");
		ig.setDescription("FHIR R4 profiles, extensions, terminology, search parameters, operations and examples for the "
				+ "Swedish samordnad individuell plan (SIP), HSL 16 kap. 4 § and SoL 2 kap. 7 §.");
		ig.addJurisdiction(new CodeableConcept(new Coding("urn:iso:std:iso:3166", "SE", "Sweden")));
		ig.setPackageId(packageId);
		ig.setLicense(SPDXLicense.APACHE_2_0);
		ig.addFhirVersion(FHIRVersion._4_0_1);
		ImplementationGuide.ImplementationGuideDefinitionComponent definition = ig.getDefinition();
		definitions.forEach(r -> definition.addResource(entry(r).setExample(new BooleanType(false))));
		examples.forEach(r -> {
			ImplementationGuideDefinitionResourceComponent entry = entry(r);
			entry.setExample(r.getMeta().hasProfile() ? new CanonicalType(r.getMeta().getProfile().get(0).getValue())
					: new BooleanType(true));
			definition.addResource(entry);
		});
		ImplementationGuideDefinitionPageComponent home = definition.getPage()
				.setName(new UrlType("index.html"))
				.setTitle("Samplan SIP Implementation Guide").setGeneration(GuidePageGeneration.MARKDOWN);
		PAGES.forEach(p -> home.addPage().setName(new UrlType(p[0])).setTitle(p[1])
				.setGeneration(GuidePageGeneration.fromCode(p[2])));
		return ig;
	}

	private static ImplementationGuideDefinitionResourceComponent entry(Resource r) {
		ImplementationGuideDefinitionResourceComponent entry = new ImplementationGuideDefinitionResourceComponent(
				new Reference(r.fhirType() + "/" + r.getIdElement().getIdPart()));
		if (r instanceof MetadataResource m) {
			entry.setName(m.hasTitle() ? m.getTitle() : m.getName());
			entry.setDescription(m.getDescription());
		} else {
			entry.setName(r.fhirType() + " " + r.getIdElement().getIdPart());
		}
		return entry;
	}
}
