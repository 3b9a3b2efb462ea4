package se.samplan.server.patientview;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The markup of the person's view, from the Thymeleaf templates in {@code templates/summary/}: the HTML page,
 * each section's narrative and the Composition's. XML mode, so that every text from the store is escaped by
 * construction and the output is well-formed XHTML, as FHIR narratives and openhtmltopdf need.
 */
@Component
class SummaryTemplates {

	private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH.mm",
			Locale.forLanguageTag("sv-SE"));

	private final TemplateEngine engine = new TemplateEngine();

	SummaryTemplates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/summary/");
		resolver.setSuffix(".xhtml");
		resolver.setTemplateMode(TemplateMode.XML);
		resolver.setCharacterEncoding("UTF-8");
		engine.setTemplateResolver(resolver);
	}

	String page(PlanForPerson view, List<SummarySections.Section> sections) {
		return render("page", Map.of("heading", SummarySections.heading(view), "status", SummarySections.status(view.plan()),
				"sections", sections, "printed", PRINTED.format(ZonedDateTime.now(ZoneId.of("Europe/Stockholm")))));
	}

	String narrative(SummarySections.Section section) {
		return render("narrative", Map.of("section", section));
	}

	String compositionNarrative(PlanForPerson view) {
		return render("composition", Map.of("heading", SummarySections.heading(view), "status", SummarySections.status(view.plan())));
	}

	private String render(String template, Map<String, Object> variables) {
		return engine.process(template, new Context(Locale.forLanguageTag("sv-SE"), variables)).strip();
	}
}
