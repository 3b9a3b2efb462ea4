package se.samplan.profiles;

import org.hl7.fhir.utilities.npm.NpmPackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;

/**
 * The samplan.fhir.sip package as built by this module: its id, version, classpath location and
 * the canonical URLs of its artefacts.
 */
public final class SipPackage {

	public static final String CANONICAL = "https://samplan.github.io/fhir";
	public static final String ID;
	public static final String VERSION;

	static {
		Properties p = new Properties();
		try (InputStream in = SipPackage.class.getResourceAsStream("package.properties")) {
			p.load(in);
		} catch (IOException | NullPointerException e) {
			throw new IllegalStateException("package.properties missing from the profiles jar", e);
		}
		ID = p.getProperty("package.id");
		VERSION = p.getProperty("package.version");
	}

	private SipPackage() {}

	/** Classpath location of the package tgz, without a leading slash. */
	public static String classpathLocation() {
		return "packages/" + ID + "-" + VERSION + ".tgz";
	}

	public static InputStream open() {
		InputStream in = SipPackage.class.getClassLoader().getResourceAsStream(classpathLocation());
		if (in == null) {
			throw new UncheckedIOException(new IOException(classpathLocation() + " is not on the classpath"));
		}
		return in;
	}

	/** The example resources of the package as JSON, by file name ({@code Bundle-sip1-transaction.json}). */
	public static Map<String, String> examples() {
		try (InputStream in = open()) {
			NpmPackage npm = NpmPackage.fromPackage(in);
			Map<String, String> examples = new TreeMap<>();
			for (String file : npm.list("example")) {
				try (InputStream r = npm.load("example", file)) {
					examples.put(file, new String(r.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			return examples;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static String structureDefinition(String id) {
		return CANONICAL + "/StructureDefinition/" + id;
	}

	public static String codeSystem(String id) {
		return CANONICAL + "/CodeSystem/" + id;
	}
}
