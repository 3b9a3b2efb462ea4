package se.samplan.server.patientview;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.OperationProvider;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET [base]/CarePlan/[id]/$sip-summary} (R13): the plan for the person, as a FHIR document Bundle,
 * or as HTML ({@code Accept: text/html} or {@code _format=html}) or PDF ({@code Accept: application/pdf}
 * or {@code _format=pdf}), which HAPI sends as the Binary's own content. Who may call it was checked by
 * the access rules before it runs; the call is logged like any read.
 */
@Component
public class SipSummaryOperation implements OperationProvider {

	private final PlanReader reader;
	private final SummaryTemplates templates;

	SipSummaryOperation(PlanReader reader, SummaryTemplates templates) {
		this.reader = reader;
		this.templates = templates;
	}

	@Operation(name = "$sip-summary", type = CarePlan.class, idempotent = true,
			canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-summary")
	public IBaseResource summary(@IdParam IdType id, RequestDetails request) {
		PlanForPerson view = reader.read(id, request);
		List<SummarySections.Section> sections = SummarySections.of(view);
		String wanted = wanted(request);
		if (wanted.equals("html") || wanted.equals("pdf")) {
			String html = templates.page(view, sections);
			Binary binary = new Binary();
			binary.setSecurityContext(new org.hl7.fhir.r4.model.Reference("CarePlan/" + id.getIdPart()));
			if (wanted.equals("pdf")) {
				binary.setContentType("application/pdf").setData(SummaryPdf.of(html));
			} else {
				binary.setContentType("text/html;charset=UTF-8").setData(html.getBytes(StandardCharsets.UTF_8));
			}
			return binary;
		}
		return SummaryDocument.of(view, sections, templates, request.getFhirServerBase());
	}

	/** html, pdf, or fhir: from _format first, else from Accept. */
	private static String wanted(RequestDetails request) {
		String[] format = request.getParameters().get("_format");
		String asked = format != null && format.length > 0 ? format[0] : request.getHeader("Accept");
		if (asked == null) {
			return "fhir";
		}
		asked = asked.toLowerCase();
		if (asked.contains("fhir") || asked.contains("json") || asked.contains("xml") && !asked.contains("xhtml")) {
			return "fhir";
		}
		return asked.contains("pdf") ? "pdf" : asked.contains("html") ? "html" : "fhir";
	}
}
