package se.samplan.ig.site;

import java.util.ArrayList;
import java.util.List;

/**
 * A data table whose first cell in each row heads the row, wrapped so that it scrolls sideways on a
 * narrow screen instead of widening the page. Cells are HTML.
 */
final class Table {

	private final String[] headers;
	private final List<String> rows = new ArrayList<>();

	Table(String... headers) {
		this.headers = headers;
	}

	Table row(String... cells) {
		return rowWithId(null, cells);
	}

	/** A row whose header cell is the target of links to {@code #id}. */
	Table rowWithId(String id, String... cells) {
		StringBuilder b = new StringBuilder("<tr>");
		for (int i = 0; i < cells.length; i++) {
			if (i == 0) {
				b.append("<th scope=\"row\"").append(id == null ? "" : " id=\"" + Html.esc(id) + "\"").append('>')
						.append(cells[i]).append("</th>");
			} else {
				b.append("<td>").append(cells[i]).append("</td>");
			}
		}
		rows.add(b.append("</tr>\n").toString());
		return this;
	}

	boolean isEmpty() {
		return rows.isEmpty();
	}

	String html() {
		StringBuilder b = new StringBuilder("<div class=\"table-scroll\"><table>\n<thead><tr>");
		for (String h : headers) {
			b.append("<th scope=\"col\">").append(Html.esc(h)).append("</th>");
		}
		b.append("</tr></thead>\n<tbody>\n");
		rows.forEach(b::append);
		return b.append("</tbody>\n</table></div>\n").toString();
	}
}
