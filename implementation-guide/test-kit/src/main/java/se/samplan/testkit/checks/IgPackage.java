package se.samplan.testkit.checks;

import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import se.samplan.profiles.SipPackage;
import se.samplan.testkit.FhirServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The samplan.fhir.sip package the kit checks against: its definitions and its examples, parsed. */
final class IgPackage {

	static final List<Resource> DEFINITIONS = load("package");
	static final List<Resource> EXAMPLES = load("example");

	private IgPackage() {}

	static <T extends Resource> List<T> definitions(Class<T> type) {
		return DEFINITIONS.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static List<Resource> load(String folder) {
		try (InputStream in = SipPackage.open()) {
			NpmPackage npm = NpmPackage.fromPackage(in);
			List<Resource> resources = new ArrayList<>();
			for (String file : npm.list(folder)) {
				if (file.endsWith(".json") && !file.equals("package.json")) {
					try (InputStream r = npm.load(folder, file)) {
						resources.add((Resource) FhirServer.FHIR.newJsonParser().parseResource(r));
					}
				}
			}
			return List.copyOf(resources);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
