package se.samplan.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.RestInterceptor;
import se.samplan.server.outcome.Refusal;

import java.nio.charset.StandardCharsets;

/**
 * Refuses (400) a FHIR request body that HAPI's lenient parser would accept by dropping what it does not
 * understand: unknown elements, values of the wrong type, invalid primitives. Storing such a body would
 * silently lose what the client sent.
 */
@Component
@Interceptor
public class StrictParsingInterceptor implements RestInterceptor {

	private final FhirContext ctx;

	public StrictParsingInterceptor(FhirContext ctx) {
		this.ctx = ctx;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void parseStrictly(RequestDetails request) {
		String contentType = request.getHeader("Content-Type");
		EncodingEnum encoding = contentType == null ? null : EncodingEnum.forContentType(contentType);
		byte[] body = encoding == null ? null : request.loadRequestContents();
		if (body == null || body.length == 0) {
			return;
		}
		IParser parser = encoding.newParser(ctx).setParserErrorHandler(new StrictErrorHandler());
		try {
			parser.parseResource(new String(body, StandardCharsets.UTF_8));
		} catch (DataFormatException e) {
			throw Refusal.create().issue(IssueType.STRUCTURE,
					"Innehållet kunde inte tolkas som en giltig FHIR-resurs.", e.getMessage(), null).invalidRequest();
		}
	}
}
