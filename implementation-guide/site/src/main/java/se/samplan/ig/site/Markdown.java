package se.samplan.ig.site;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Markdown to HTML with GitHub tables: the hand-written pages (trusted, raw HTML kept) and the markdown
 * of the package's resources (untrusted, raw HTML escaped). Headings get GitHub-style ids so fragment
 * links work, links to other pages' {@code .md} files point at their {@code .html}, and tables get
 * header scopes and the scrolling wrapper.
 */
final class Markdown {

	/** A rendered page: its one level-1 heading as text, and its HTML. */
	record Page(String title, String html) {}

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
	private static final Pattern MD_LINK = Pattern.compile("^([^:/?#]+(?:/[^:/?#]+)*)\\.md(#.*)?$");

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
	private final HtmlRenderer trusted = renderer(false, false);
	private final HtmlRenderer untrusted = renderer(true, false);
	private final HtmlRenderer inline = renderer(false, true);

	private static HtmlRenderer renderer(boolean escapeHtml, boolean omitP) {
		return HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(escapeHtml).sanitizeUrls(escapeHtml)
				.omitSingleParagraphP(omitP).attributeProviderFactory(context -> new Attributes()).build();
	}

	/** A hand-written page. */
	Page page(String markdown) {
		Node document = parseHandWritten(markdown);
		Heading h1 = firstH1(document);
		if (h1 == null) {
			throw new IllegalArgumentException("A page needs a level-1 heading");
		}
		return new Page(text(h1), wrapTables(trusted.render(document)));
	}

	/** Markdown from a resource (a FHIR markdown element): any HTML in it is shown as text. */
	String resource(String markdown) {
		return markdown == null ? "" : wrapTables(untrusted.render(parser.parse(markdown)));
	}

	/** One hand-written table cell or phrase, without the paragraph around it. */
	String inline(String markdown) {
		return inline.render(parseHandWritten(markdown)).strip();
	}

	private Node parseHandWritten(String markdown) {
		Node document = parser.parse(markdown);
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Link link) {
				link.setDestination(MD_LINK.matcher(link.getDestination()).replaceFirst("$1.html$2"));
				visitChildren(link);
			}
		});
		return document;
	}

	private static String wrapTables(String html) {
		return html.replace("<table>", "<div class=\"table-scroll\"><table>").replace("</table>", "</table></div>");
	}

	private static Heading firstH1(Node document) {
		for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
			if (n instanceof Heading h && h.getLevel() == 1) {
				return h;
			}
		}
		return null;
	}

	static String text(Node node) {
		StringBuilder b = new StringBuilder();
		node.accept(new AbstractVisitor() {
			@Override
			public void visit(Text text) {
				b.append(text.getLiteral());
			}

			@Override
			public void visit(Code code) {
				b.append(code.getLiteral());
			}
		});
		return b.toString();
	}

	/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens. */
	static String slug(String heading) {
		StringBuilder b = new StringBuilder();
		for (char c : heading.toLowerCase(Locale.ROOT).toCharArray()) {
			if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
				b.append(c);
			} else if (c == ' ') {
				b.append('-');
			}
		}
		return b.toString();
	}

	/** One per rendering, so that repeated headings get -1, -2 as on GitHub. */
	private static final class Attributes implements AttributeProvider {
		private final Set<String> ids = new HashSet<>();

		@Override
		public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
			if (node instanceof Heading heading) {
				String base = slug(text(heading));
				String id = base;
				for (int i = 1; !ids.add(id); i++) {
					id = base + "-" + i;
				}
				attributes.put("id", id);
			} else if (node instanceof TableCell cell && cell.isHeader()) {
				attributes.put("scope", "col");
			}
		}
	}
}
