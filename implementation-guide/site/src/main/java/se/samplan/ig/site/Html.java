package se.samplan.ig.site;

/** HTML escaping and the few fragments every page builds from. */
final class Html {

	private Html() {}

	/** Escapes text for element content and double-quoted attribute values; null becomes empty. */
	static String esc(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder b = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> b.append("&amp;");
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '"' -> b.append("&quot;");
				case '\'' -> b.append("&#39;");
				default -> b.append(c);
			}
		}
		return b.toString();
	}

	static String code(String text) {
		return "<code>" + esc(text) + "</code>";
	}

	static String link(String href, String htmlText) {
		return "<a href=\"" + esc(href) + "\">" + htmlText + "</a>";
	}

	/** A definition list of label/value pairs, values already HTML; empty values are left out. */
	static String facts(String... labelsAndValues) {
		StringBuilder b = new StringBuilder("<dl class=\"facts\">\n");
		for (int i = 0; i < labelsAndValues.length; i += 2) {
			if (!labelsAndValues[i + 1].isEmpty()) {
				b.append("<dt>").append(esc(labelsAndValues[i])).append("</dt><dd>").append(labelsAndValues[i + 1])
						.append("</dd>\n");
			}
		}
		return b.append("</dl>\n").toString();
	}

	/** A pretty-printed JSON resource as a code block. */
	static String json(String json) {
		return "<pre class=\"json\"><code>" + esc(json) + "</code></pre>\n";
	}
}
