package se.samplan.ig.site;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static se.samplan.ig.site.Html.code;
import static se.samplan.ig.site.Html.esc;

/** The package download and how to load it into HAPI, the HL7 validator and the conformance test kit. */
final class DownloadsPage {

	private final SipArtefacts artefacts;

	DownloadsPage(SipArtefacts artefacts) {
		this.artefacts = artefacts;
	}

	/** The versioned name the package is also offered under, as a package cache names it. */
	String versionedFile() {
		return artefacts.packageId + "-" + artefacts.version + ".tgz";
	}

	String html() {
		String pkg = artefacts.packageId + "#" + artefacts.version;
		String sha256;
		try {
			sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artefacts.tgz));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java has SHA-256", e);
		}
		return "<h1>Downloads</h1>\n"
				+ "<p>The FHIR NPM package " + code(pkg) + " holds every profile, extension, code system, value set, "
				+ "search parameter, naming system, operation definition and example described in this guide. "
				+ "It is built reproducibly: the same sources give the same bytes.</p>\n"
				+ new Table("File", "Size", "SHA-256")
						.row(Html.link("package.tgz", code("package.tgz")), esc(artefacts.tgz.length + " bytes"), code(sha256))
						.row(Html.link(versionedFile(), code(versionedFile())), esc(artefacts.tgz.length + " bytes"),
								code(sha256))
						.html()
				+ "<p>Both files are the same package; the second is the name a package cache uses. It depends only on "
				+ code("hl7.fhir.r4.core#4.0.1") + " and the canonical base is " + code(artefacts.canonical) + ".</p>\n"
				+ "<h2 id=\"hapi\">Load it with HAPI FHIR</h2>\n"
				+ "<p>HAPI reads the tgz as an " + code("NpmPackage") + " (from " + code("org.hl7.fhir.utilities") + "):</p>\n"
				+ "<pre><code>" + esc("""
						try (InputStream in = Files.newInputStream(Path.of("package.tgz"))) {
						    NpmPackage npm = NpmPackage.fromPackage(in);
						    for (String file : npm.list("package")) {
						        // StructureDefinition-SipCarePlan.json, CodeSystem-sip-phase.json, ...
						    }
						}""") + "</code></pre>\n"
				+ "<p>To validate with it, put the tgz on the classpath and load it into the validation chain with "
				+ code("NpmPackageValidationSupport.loadPackageFromClasspath(\"classpath:package.tgz\")") + ".</p>\n"
				+ "<h2 id=\"hl7-validator\">Validate with the HL7 validator</h2>\n"
				+ "<p>The official validator loads the package as an implementation guide with " + code("-ig") + ":</p>\n"
				+ "<pre><code>" + esc("java -jar validator_cli.jar -version 4.0.1 -ig package.tgz \\\n"
						+ "  -profile " + artefacts.canonical + "/StructureDefinition/SipCarePlan my-careplan.json")
				+ "</code></pre>\n"
				+ "<p>Leave out " + code("-profile") + " to validate a resource against the profiles in its "
				+ code("meta.profile") + ". Without network, add " + code("-tx n/a") + " (no terminology server): "
				+ "the project's build validates every example of the package this way, with validator 6.5.18 and "
				+ code("-allow-example-urls true") + ", and expects 0 errors.</p>\n"
				+ "<h2 id=\"test-kit\">Run the conformance test kit</h2>\n"
				+ "<p>The test kit checks a SIP server against this guide over HTTP: its CapabilityStatement, the "
				+ "examples, every workflow step and rule, and the access rules. Point it at the server's FHIR base "
				+ "and its token endpoint:</p>\n"
				+ "<pre><code>java -jar implementation-guide/test-kit/target/sip-test-kit-" + esc(artefacts.version)
				+ "-exec.jar --base-url http://localhost:8080/fhir --token-endpoint http://localhost:8080/auth/token"
				+ "</code></pre>\n";
	}
}
