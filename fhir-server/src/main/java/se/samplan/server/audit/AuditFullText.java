package se.samplan.server.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.fulltext.FullTextExtractionRequest;
import ca.uhn.fhir.jpa.searchparam.fulltext.FullTextExtractionResponse;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.StorageInterceptor;

/**
 * AuditEvents stay out of the full-text index: nobody searches the log by {@code _content} or {@code _text},
 * and a Lucene document (committed to disk before the answer) for every read was most of what a read cost.
 * Every other resource is indexed as HAPI does.
 */
@Component
@Interceptor
class AuditFullText implements StorageInterceptor {

	@Hook(Pointcut.JPA_INDEX_EXTRACT_FULLTEXT_CONTENT)
	public FullTextExtractionResponse content(FullTextExtractionRequest request) {
		return decide(request);
	}

	@Hook(Pointcut.JPA_INDEX_EXTRACT_FULLTEXT_TEXT)
	public FullTextExtractionResponse text(FullTextExtractionRequest request) {
		return decide(request);
	}

	private static FullTextExtractionResponse decide(FullTextExtractionRequest request) {
		return "AuditEvent".equals(request.getResourceType()) ? FullTextExtractionResponse.doNotIndex()
				: FullTextExtractionResponse.indexNormally();
	}
}
