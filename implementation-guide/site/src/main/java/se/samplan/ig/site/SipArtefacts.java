package se.samplan.ig.site;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What the package holds, parsed, each kind sorted by id so that the pages come out the same every time. */
final class SipArtefacts {

	final String packageId;
	final String version;
	final String canonical;
	final byte[] tgz;
	final List<StructureDefinition> profiles = new ArrayList<>();
	final List<StructureDefinition> extensions = new ArrayList<>();
	final List<CodeSystem> codeSystems = new ArrayList<>();
	final List<ValueSet> valueSets = new ArrayList<>();
	final List<SearchParameter> searchParameters = new ArrayList<>();
	final List<OperationDefinition> operations = new ArrayList<>();
	final List<NamingSystem> namingSystems = new ArrayList<>();
	final List<Measure> measures = new ArrayList<>();
	/** The SubscriptionTopics, in their R4 form. */
	final List<Basic> topics = new ArrayList<>();
	final List<Resource> examples = new ArrayList<>();
	final Optional<ImplementationGuide> implementationGuide;
	private final IParser prettyParser;

	SipArtefacts(FhirContext fhir, byte[] tgz) throws IOException {
		this.tgz = tgz;
		this.prettyParser = fhir.newJsonParser().setPrettyPrint(true);
		NpmPackage npm = NpmPackage.fromPackage(new ByteArrayInputStream(tgz));
		packageId = npm.name();
		version = npm.version();
		canonical = npm.canonical();
		IParser parser = fhir.newJsonParser();
		ImplementationGuide ig = null;
		for (Resource r : resources(npm, "package", parser)) {
			if (r instanceof StructureDefinition sd) {
				("Extension".equals(sd.getType()) ? extensions : profiles).add(sd);
			} else if (r instanceof CodeSystem cs) {
				codeSystems.add(cs);
			} else if (r instanceof ValueSet vs) {
				valueSets.add(vs);
			} else if (r instanceof SearchParameter sp) {
				searchParameters.add(sp);
			} else if (r instanceof OperationDefinition od) {
				operations.add(od);
			} else if (r instanceof NamingSystem ns) {
				namingSystems.add(ns);
			} else if (r instanceof Measure m) {
				measures.add(m);
			} else if (r instanceof Basic topic) {
				topics.add(topic);
			} else if (r instanceof ImplementationGuide g) {
				ig = g;
			} else {
				throw new IllegalStateException("The site has no page for " + key(r));
			}
		}
		implementationGuide = Optional.ofNullable(ig);
		examples.addAll(resources(npm, "example", parser));
		examples.sort(Comparator.comparing(SipArtefacts::key));
	}

	/** A value of a SubscriptionTopic in its R4 form: the cross-version extension of this element, or "". */
	static String topicPart(Basic topic, String element) {
		return topic.getExtension().stream().filter(e -> e.getUrl().endsWith("extension-SubscriptionTopic." + element))
				.map(e -> e.getValue() == null ? "" : e.getValue().primitiveValue()).findFirst().orElse("");
	}

	private static List<Resource> resources(NpmPackage npm, String folder, IParser parser) throws IOException {
		List<Resource> list = new ArrayList<>();
		for (String file : npm.list(folder).stream().sorted().toList()) {
			if (file.endsWith(".json") && !file.equals("package.json") && !file.startsWith(".")) {
				try (InputStream in = npm.load(folder, file)) {
					list.add((Resource) parser.parseResource(in));
				}
			}
		}
		return list;
	}

	/** The plain id of a resource, without type or version. */
	static String id(Resource r) {
		return r.getIdElement().getIdPart();
	}

	/** {@code Type-id}: the file-name stem the package uses, and our anchors and page names. */
	static String key(Resource r) {
		return r.fhirType() + "-" + id(r);
	}

	String prettyJson(Resource r) {
		return prettyParser.encodeResourceToString(r);
	}
}
