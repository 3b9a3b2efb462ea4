package se.samplan.server.patientview;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The person's view as one accessible, printable HTML page (XHTML: lang sv, landmarks, one h1, an h2 per
 * section, tables with header cells, readable at 375 px and on paper), and the same page as PDF, rendered
 * by openhtmltopdf.
 */
final class SummaryPage {

	private static final String STYLE = """
			body{font-family:sans-serif;line-height:1.5;margin:0;padding:1rem;color:#1a1a1a;max-width:48rem}
			h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #888}
			table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem;border-bottom:1px solid #ccc}
			@media (max-width:40rem){table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-9999px}td{border:0}tr{border-bottom:1px solid #ccc;padding:.4rem 0}}
			@media print{body{max-width:none}a{color:#000}}
			""";

	private SummaryPage() {}

	static String html(PlanForPerson view, List<SummarySections.Section> sections) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < sections.size(); i++) {
			SummarySections.Section s = sections.get(i);
			body.append("<section aria-labelledby=\"s").append(i).append("\"><h2 id=\"s").append(i).append("\">")
					.append(SummarySections.esc(s.title())).append("</h2>").append(s.xhtml()).append("</section>\n");
		}
		String printed = DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH.mm", Locale.forLanguageTag("sv-SE"))
				.format(ZonedDateTime.now(ZoneId.of("Europe/Stockholm")));
		String heading = SummarySections.esc(SummarySections.heading(view));
		return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"sv\" xml:lang=\"sv\"><head><meta charset=\"UTF-8\"/>"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>" + heading + "</title>"
				+ "<style>" + STYLE + "</style></head><body><main><h1>" + heading + "</h1><p>"
				+ SummarySections.status(view.plan()) + "</p>\n" + body + "</main><footer><p>Utskriven " + printed
				+ " från Samplan.</p></footer></body></html>";
	}

	static byte[] pdf(String html) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
