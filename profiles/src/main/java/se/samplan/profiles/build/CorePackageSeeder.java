package se.samplan.profiles.build;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.npm.NpmPackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the package {@code hl7.fhir.r4.core#4.0.1} into a FHIR package cache folder from the
 * definitions HAPI ships in hapi-fhir-validation-resources-r4, so SUSHI never downloads it.
 * Does nothing when the package is already there.
 */
public final class CorePackageSeeder {

	private static final String BASE = "/org/hl7/fhir/r4/model/";
	private static final List<String> BUNDLES = List.of(
			"profile/profiles-types.xml", "profile/profiles-resources.xml", "profile/profiles-others.xml",
			"extension/extension-definitions.xml", "valueset/valuesets.xml", "valueset/v3-codesystems.xml",
			"valueset/v2-tables.xml", "sp/search-parameters.json");

	private CorePackageSeeder() {}

	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args[0]).resolve("hl7.fhir.r4.core#4.0.1");
		Path pkg = folder.resolve("package");
		if (Files.exists(pkg.resolve(".index.json"))) {
			return;
		}
		Files.createDirectories(pkg);
		FhirContext ctx = FhirContext.forR4Cached();
		IParser json = ctx.newJsonParser();
		int count = 0;
		for (String name : BUNDLES) {
			try (InputStream in = CorePackageSeeder.class.getResourceAsStream(BASE + name)) {
				IParser parser = name.endsWith(".json") ? ctx.newJsonParser() : ctx.newXmlParser();
				Bundle bundle = parser.parseResource(Bundle.class, new InputStreamReader(in, StandardCharsets.UTF_8));
				for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
					Resource r = e.getResource();
					if (r == null || !r.hasIdElement()) {
						continue;
					}
					String file = r.fhirType() + "-" + r.getIdElement().getIdPart() + ".json";
					Files.writeString(pkg.resolve(file), json.encodeResourceToString(r));
					count++;
				}
			}
		}
		Files.writeString(pkg.resolve("package.json"), """
				{"name":"hl7.fhir.r4.core","version":"4.0.1","type":"Core","fhirVersions":["4.0.1"],\
				"canonical":"http://hl7.org/fhir","dependencies":{}}
				""");
		NpmPackage.fromFolder(folder.toString()); // writes .index.json, which later readers expect
		System.out.println("Seeded hl7.fhir.r4.core#4.0.1 with " + count + " resources in " + folder);
	}
}
