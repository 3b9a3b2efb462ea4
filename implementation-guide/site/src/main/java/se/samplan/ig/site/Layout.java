package se.samplan.ig.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The one template every page is put into: header with the IG title and package, the menu, main, footer. */
final class Layout {

	/** The menu: file and label. */
	static final List<String[]> NAV = List.of(
			new String[] {"index.html", "Home"},
			new String[] {"workflow.html", "Workflow"},
			new String[] {"operations.html", "Operations"},
			new String[] {"access.html", "Access"},
			new String[] {"apps.html", "Connecting an app"},
			new String[] {"uppfoljning.html", "Uppföljning"},
			new String[] {"drift.html", "Drift"},
			new String[] {"artifacts.html", "Artifacts"},
			new String[] {"terminology.html", "Terminology"},
			new String[] {"searchparameters.html", "Search parameters"},
			new String[] {"downloads.html", "Downloads"});

	private final String template;
	private final String packageRef;
	private final String canonical;

	Layout(SipArtefacts artefacts) {
		this.template = resource("page.html");
		this.packageRef = artefacts.packageId + "#" + artefacts.version;
		this.canonical = artefacts.canonical;
	}

	static String resource(String name) {
		try (InputStream in = Layout.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing from the generator's resources");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A whole page; {@code title} is text, {@code mainHtml} starts with the page's one h1. */
	String page(String file, String title, String mainHtml) {
		StringBuilder nav = new StringBuilder();
		for (String[] item : NAV) {
			nav.append("<li><a href=\"").append(item[0]).append('"')
					.append(item[0].equals(file) ? " aria-current=\"page\"" : "").append('>').append(item[1])
					.append("</a></li>\n");
		}
		// Replaced one at a time, content last, so text in the content is never taken for a placeholder.
		return template.replace("{{title}}", Html.esc(title)).replace("{{package}}", Html.esc(packageRef))
				.replace("{{canonical}}", Html.esc(canonical)).replace("{{nav}}", nav)
				.replace("{{content}}", mainHtml);
	}
}
