package se.samplan.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samplan.profiles.build.PackageBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The package holds every artefact of the contract (design/fhir-model.md) and is byte-reproducible. */
class PackageContentsTest {

	private static NpmPackage npm;

	@BeforeAll
	static void load() throws IOException {
		try (InputStream in = SipPackage.open()) {
			npm = NpmPackage.fromPackage(in);
		}
	}

	@Test
	void packageJsonNamesThePackageAndItsCoreDependency() throws IOException {
		JsonNode p = new ObjectMapper().readTree(npm.load("package", "package.json"));
		assertThat(p.get("name").asText()).isEqualTo("samplan.fhir.sip");
		assertThat(p.get("version").asText()).isEqualTo(SipPackage.VERSION);
		assertThat(p.get("canonical").asText()).isEqualTo(SipPackage.CANONICAL);
		assertThat(p.get("fhirVersions").get(0).asText()).isEqualTo("4.0.1");
		assertThat(p.get("dependencies").get("hl7.fhir.r4.core").asText()).isEqualTo("4.0.1");
		assertThat(tgzEntries()).contains("package/package.json", "package/.index.json", "package/example/.index.json");
	}

	@Test
	void everyProfileOfTheContractIsThereWithASnapshot() throws IOException {
		for (String id : List.of("SipPatient", "SipRelatedPerson", "SipOrganization", "SipPractitionerRole",
				"SipCarePlan", "SipGoal", "SipCareTeam", "SipConsent", "SipAppointment", "SipInvitationTask",
				"SipDeviation")) {
			JsonNode sd = resource("StructureDefinition-" + id + ".json");
			assertThat(sd.get("url").asText()).isEqualTo(SipPackage.structureDefinition(id));
			assertThat(sd.get("snapshot").get("element").size()).as(id).isGreaterThan(10);
		}
	}

	@Test
	void theImplementationGuideListsEveryArtefactAndExample() throws IOException {
		JsonNode ig = resource("ImplementationGuide-samplan.fhir.sip.json");
		assertThat(ig.get("packageId").asText()).isEqualTo(SipPackage.ID);
		assertThat(ig.get("version").asText()).isEqualTo(SipPackage.VERSION);
		List<String> listed = new ArrayList<>();
		ig.get("definition").get("resource").forEach(r -> listed.add(r.get("reference").get("reference").asText()));
		List<String> inPackage = new ArrayList<>();
		for (String folder : List.of("package", "example")) {
			npm.list(folder).stream().filter(f -> f.endsWith(".json") && !f.equals("package.json")
					&& !f.startsWith("ImplementationGuide-")).forEach(f -> inPackage.add(f.replace(".json", "").replaceFirst("-", "/")));
		}
		assertThat(listed).containsExactlyInAnyOrderElementsOf(inPackage);
		// Definitions say they are no example; an example names the profile it illustrates, if it has one.
		List<String> definitions = new ArrayList<>();
		ig.get("definition").get("resource").forEach(r -> {
			if (r.has("exampleBoolean") && !r.get("exampleBoolean").asBoolean()) {
				definitions.add(r.get("reference").get("reference").asText());
			} else if (r.has("exampleCanonical")) {
				assertThat(r.get("exampleCanonical").asText()).as(r.toString()).startsWith(SipPackage.CANONICAL);
			} else {
				assertThat(r.get("exampleBoolean").asBoolean()).as(r.toString()).isTrue();
			}
		});
		assertThat(definitions).hasSize((int) npm.list("package").stream().filter(f -> f.endsWith(".json")
				&& !f.equals("package.json") && !f.startsWith("ImplementationGuide-")).count());
	}

	@Test
	void everyExtensionCodeSystemAndSearchParameterOfTheContractIsThere() throws IOException {
		for (String id : List.of("sip-phase", "sip-overall-responsibility", "sip-next-follow-up", "sip-initiative",
				"sip-closure", "sip-approved-for-patient", "sip-guardian-access", "sip-patient-participation",
				"sip-virtual-meeting", "sip-consent-method", "sip-child-maturity", "sip-municipality-code",
				"sip-county-code")) {
			assertThat(resource("StructureDefinition-" + id + ".json").get("type").asText()).isEqualTo("Extension");
		}
		for (String id : List.of("sip-phase", "sip-organization-kind", "sip-participant-role", "sip-goal-category",
				"sip-care-team", "sip-consent-category", "sip-task-type", "sip-meeting-type", "sip-closure-reason",
				"sip-deviation-type", "sip-rule")) {
			JsonNode cs = resource("CodeSystem-" + id + ".json");
			assertThat(cs.get("url").asText()).isEqualTo(SipPackage.codeSystem(id));
			assertThat(cs.get("concept").get(0).get("display").asText()).as(id).isNotBlank();
			assertThat(cs.get("concept").get(0).get("designation").get(0).get("language").asText()).isEqualTo("en");
			assertThat(resource("ValueSet-" + id + ".json")).isNotNull();
		}
		assertThat(resource("ValueSet-sip-relationship.json")).isNotNull();
		for (String code : List.of("sip-phase", "sip-overall-responsibility", "sip-next-follow-up", "sip-care-plan")) {
			assertThat(resource("SearchParameter-" + code + ".json").get("code").asText()).isEqualTo(code);
		}
		assertThat(npm.list("package")).filteredOn(f -> f.startsWith("NamingSystem-")).hasSizeGreaterThanOrEqualTo(5);
	}

	@Test
	void buildingTwiceGivesTheSameBytes(@TempDir Path tmp) throws IOException {
		Path resources = Path.of("target/sushi/fsh-generated/resources");
		Path a = tmp.resolve("a.tgz");
		Path b = tmp.resolve("b.tgz");
		PackageBuilder.main(new String[] {resources.toString(), SipPackage.ID, SipPackage.VERSION, a.toString()});
		PackageBuilder.main(new String[] {resources.toString(), SipPackage.ID, SipPackage.VERSION, b.toString()});
		assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
		try (InputStream in = SipPackage.open()) {
			assertThat(Files.readAllBytes(a)).as("the package on the classpath").isEqualTo(in.readAllBytes());
		}
	}

	private static List<String> tgzEntries() throws IOException {
		List<String> names = new ArrayList<>();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(SipPackage.open()))) {
			for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
				names.add(e.getName());
			}
		}
		return names;
	}

	private static JsonNode resource(String file) throws IOException {
		try (InputStream in = npm.load("package", file)) {
			assertThat(in).as(file).isNotNull();
			return new ObjectMapper().readTree(in);
		}
	}
}
