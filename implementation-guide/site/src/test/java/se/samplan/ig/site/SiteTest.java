package se.samplan.ig.site;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samplan.profiles.SipPackage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/** Checks the site the build generated into target/classes against the package it was made from. */
class SiteTest {

	private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

	private static Path site;
	private static Map<String, String> pages;
	private static NpmPackage npm;
	private static byte[] tgz;
	private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

	@BeforeAll
	static void readSiteAndPackage() throws IOException, URISyntaxException {
		URL index = SiteTest.class.getClassLoader().getResource("META-INF/resources/ig/index.html");
		assertThat(index).as("the generated site on the classpath").isNotNull();
		site = Path.of(index.toURI()).getParent();
		pages = new HashMap<>();
		try (Stream<Path> files = Files.list(site)) {
			for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				pages.put(p.getFileName().toString(), Files.readString(p));
			}
		}
		try (InputStream in = SipPackage.open()) {
			tgz = in.readAllBytes();
		}
		npm = NpmPackage.fromPackage(new java.io.ByteArrayInputStream(tgz));
	}

	private static List<Resource> resources(String folder, String prefix) throws IOException {
		List<Resource> list = new ArrayList<>();
		for (String file : npm.list(folder)) {
			if (file.startsWith(prefix) && file.endsWith(".json")) {
				try (InputStream in = npm.load(folder, file)) {
					list.add((Resource) JSON.parseResource(in));
				}
			}
		}
		return list;
	}

	private static String page(String name) {
		assertThat(pages).as("generated pages").containsKey(name);
		return pages.get(name);
	}

	@Test
	void everyArtefactOfThePackageHasItsPageOrAnchor() throws IOException {
		List<Resource> examples = resources("example", "");
		List<Resource> structureDefinitions = resources("package", "StructureDefinition-");
		assertThat(structureDefinitions).hasSizeGreaterThanOrEqualTo(20);
		assertSoftly(soft -> {
			for (Resource r : structureDefinitions) {
				StructureDefinition sd = (StructureDefinition) r;
				String html = page("StructureDefinition-" + sd.getIdElement().getIdPart() + ".html");
				for (ElementDefinition e : sd.getDifferential().getElement()) {
					soft.assertThat(html).as(sd.getId()).contains("<code>" + Html.esc(e.getId()) + "</code>");
					e.getConstraint().forEach(c -> soft.assertThat(html).as(sd.getId()).contains(c.getKey()));
				}
				examples.stream().filter(ex -> ex.getMeta().getProfile().stream()
								.anyMatch(p -> p.getValue().equals(sd.getUrl())))
						.forEach(ex -> soft.assertThat(html).as(sd.getId())
								.contains("id=\"" + ex.fhirType() + "-" + ex.getIdElement().getIdPart() + "\">"
										+ ex.getIdElement().getIdPart() + "</h3>"));
			}
			Map<String, String> pageOf = Map.of("CodeSystem-", "terminology.html", "ValueSet-", "terminology.html",
					"NamingSystem-", "terminology.html", "SearchParameter-", "searchparameters.html",
					"OperationDefinition-", "operations.html");
			pageOf.forEach((prefix, file) -> {
				try {
					List<Resource> kind = resources("package", prefix);
					soft.assertThat(kind).as(prefix).isNotEmpty();
					for (Resource r : kind) {
						String anchor = "id=\"" + r.fhirType() + "-" + r.getIdElement().getIdPart() + "\"";
						soft.assertThat(page(file)).as(file).contains(anchor);
						soft.assertThat(page("artifacts.html")).contains(file + "#" + r.fhirType() + "-"
								+ r.getIdElement().getIdPart());
					}
				} catch (IOException e) {
					throw new IllegalStateException(e);
				}
			});
		});
	}

	@Test
	void theMainPagesExistWithOneH1AndTheWorkflowHasItsDiagramOperationsAndRules() throws IOException {
		for (String name : List.of("index.html", "workflow.html", "operations.html", "access.html", "apps.html", "uppfoljning.html",
				"drift.html", "artifacts.html",
				"terminology.html", "searchparameters.html", "downloads.html")) {
			assertThat(page(name)).as(name).contains("<html lang=\"en\">").contains("<main id=\"main\">");
		}
		pages.forEach((name, html) -> assertThat(html.split("<h1[ >]", -1)).as(name + ": h1 count").hasSize(2));
		String workflow = page("workflow.html");
		assertThat(workflow).contains("<img src=\"workflow-phases.svg\"").doesNotContain("mermaid")
				.doesNotContain("<!-- ig:");
		assertThat(Files.readString(site.resolve("workflow-phases.svg"))).contains("<title").contains("<desc");
		for (Resource od : resources("package", "OperationDefinition-")) {
			assertThat(workflow).contains("href=\"operations.html#OperationDefinition-" + od.getIdElement().getIdPart() + "\"");
		}
		for (String rule : List.of("R2", "R3", "R5", "R6", "R7", "R8", "R11", "R13", "R15", "W1", "W2", "W3")) {
			assertThat(workflow).contains("id=\"rule-" + rule + "\"");
		}
		assertThat(page("StructureDefinition-SipCarePlan.html")).contains("href=\"workflow.html#rule-W1\"")
				.contains("href=\"workflow.html#rule-R8\"");
	}

	@Test
	void everyRelativeLinkAndImageResolvesToAGeneratedFileAndAnchor() {
		List<String> broken = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<String, String> page : pages.entrySet()) {
			Matcher m = LINK.matcher(page.getValue());
			while (m.find()) {
				String target = m.group(1).replace("&amp;", "&");
				if (SCHEME.matcher(target).find()) {
					continue;
				}
				checked++;
				int hash = target.indexOf('#');
				String file = hash < 0 ? target : target.substring(0, hash);
				String fragment = hash < 0 ? null : target.substring(hash + 1);
				String targetFile = file.isEmpty() ? page.getKey() : file;
				if (target.startsWith("/") || !Files.isRegularFile(site.resolve(targetFile))) {
					broken.add(page.getKey() + " -> " + target);
				} else if (fragment != null && !(pages.containsKey(targetFile)
						&& pages.get(targetFile).contains("id=\"" + fragment + "\""))) {
					broken.add(page.getKey() + " -> " + target + " (no anchor)");
				}
			}
		}
		assertThat(checked).isGreaterThan(500);
		assertThat(broken).isEmpty();
	}

	@Test
	void thePackageIsOfferedByteForByte() throws IOException {
		assertThat(Files.readAllBytes(site.resolve("package.tgz"))).isEqualTo(tgz);
		assertThat(Files.readAllBytes(site.resolve(SipPackage.ID + "-" + SipPackage.VERSION + ".tgz"))).isEqualTo(tgz);
		assertThat(page("downloads.html")).contains("href=\"package.tgz\"")
				.contains("sip-test-kit-0.1.0-exec.jar --base-url http://localhost:8080/fhir");
	}
}
