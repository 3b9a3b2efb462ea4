package se.samplan.ig.site;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import se.samplan.profiles.SipPackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the IG site from the samplan.fhir.sip package on the classpath and the hand-written pages.
 *
 * <p>Usage: {@code SiteGenerator PAGES_DIR OUTPUT_DIR}. The output directory is emptied first, so the
 * site holds exactly what this run made; nothing in it depends on the time of the build.
 */
public final class SiteGenerator {

	private static final String OPERATIONS_MARKER = "<!-- ig:operations -->";
	private static final String RULES_MARKER = "<!-- ig:rules -->";

	private final SipArtefacts artefacts;
	private final Path pages;
	private final Path out;
	private final Markdown markdown = new Markdown();
	private final Links links;
	private final Layout layout;
	private final FhirContext fhir;
	private int written;

	SiteGenerator(FhirContext fhir, SipArtefacts artefacts, Path pages, Path out) {
		this.fhir = fhir;
		this.artefacts = artefacts;
		this.pages = pages;
		this.out = out;
		this.links = new Links(artefacts);
		this.layout = new Layout(artefacts);
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			throw new IllegalArgumentException("Usage: SiteGenerator PAGES_DIR OUTPUT_DIR");
		}
		long start = System.nanoTime();
		FhirContext fhir = FhirContext.forR4Cached();
		byte[] tgz;
		try (InputStream in = SipPackage.open()) {
			tgz = in.readAllBytes();
		}
		SiteGenerator generator = new SiteGenerator(fhir, new SipArtefacts(fhir, tgz), Path.of(args[0]), Path.of(args[1]));
		generator.generate();
		System.out.printf("IG site: %d files in %s (%d ms)%n", generator.written, args[1],
				(System.nanoTime() - start) / 1_000_000);
	}

	void generate() throws IOException {
		clean();
		Rules rules = new Rules(pages.resolve("rules.md"));
		OperationsPage operations = new OperationsPage(artefacts, links, markdown);

		Markdown.Page index = markdown.page(read("index.md").replace("{{package-id}}", artefacts.packageId)
				.replace("{{package-version}}", artefacts.version).replace("{{canonical}}", artefacts.canonical));
		page("index.html", index.title(), index.html());
		Markdown.Page workflow = markdown.page(read("workflow.md"));
		page("workflow.html", workflow.title(), insert(insert(workflow.html(), OPERATIONS_MARKER, operations.list()),
				RULES_MARKER, rules.table(markdown, artefacts.profiles)));
		for (String name : List.of("access", "apps", "uppfoljning", "drift")) {
			Markdown.Page plain = markdown.page(read(name + ".md"));
			page(name + ".html", plain.title(), plain.html());
		}

		page("operations.html", "Operations", operations.html());
		page("artifacts.html", "Artifacts", new ArtifactsPage(artefacts, links).html());
		page("terminology.html", "Terminology", new TerminologyPage(artefacts, links, markdown).html());
		page("searchparameters.html", "Search parameters", new SearchParametersPage(artefacts, markdown).html());
		DownloadsPage downloads = new DownloadsPage(artefacts);
		page("downloads.html", "Downloads", downloads.html());

		StructureDefinitionPage sdPage = new StructureDefinitionPage(artefacts, links, rules, markdown, fhir.newJsonParser());
		List<StructureDefinition> definitions = new ArrayList<>(artefacts.profiles);
		definitions.addAll(artefacts.extensions);
		for (StructureDefinition sd : definitions) {
			page(Links.page(sd), StructureDefinitionPage.title(sd), sdPage.html(sd));
		}
		ResourcePage resourcePage = new ResourcePage(artefacts, markdown);
		for (Resource example : artefacts.examples) {
			if (links.profileOf(example).isEmpty()) {
				page(links.exampleHref(example), "Example " + SipArtefacts.key(example), resourcePage.example(example));
			}
		}
		for (Measure measure : artefacts.measures) {
			page(Links.href(measure), measure.getTitle(), resourcePage.measure(measure));
		}
		for (Basic topic : artefacts.topics) {
			page(Links.href(topic), "Subscription topic " + SipArtefacts.id(topic), resourcePage.topic(topic));
		}
		artefacts.implementationGuide.ifPresent(ig -> page(Links.href(ig), ig.getTitle(), resourcePage.implementationGuide(ig)));

		file("site.css", Layout.resource("site.css").getBytes(StandardCharsets.UTF_8));
		file("package.tgz", artefacts.tgz);
		file(downloads.versionedFile(), artefacts.tgz);
		try (Stream<Path> assets = Files.list(pages)) {
			for (Path asset : assets.filter(p -> !p.toString().endsWith(".md")).sorted().toList()) {
				file(asset.getFileName().toString(), Files.readAllBytes(asset));
			}
		}
	}

	/** A generated part of a hand-written page goes where the page has its marker. */
	private static String insert(String html, String marker, String part) {
		if (!html.contains(marker)) {
			throw new IllegalStateException("The page has no " + marker);
		}
		return html.replace(marker, part);
	}

	private String read(String page) throws IOException {
		return Files.readString(pages.resolve(page), StandardCharsets.UTF_8);
	}

	private void page(String file, String title, String mainHtml) {
		file(file, layout.page(file, title, mainHtml).getBytes(StandardCharsets.UTF_8));
	}

	private void file(String name, byte[] content) {
		try {
			Files.write(out.resolve(name), content);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		written++;
	}

	private void clean() throws IOException {
		if (Files.exists(out)) {
			try (Stream<Path> old = Files.walk(out)) {
				for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
		Files.createDirectories(out);
	}
}
