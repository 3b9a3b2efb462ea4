package se.samplan.server.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.fulltext.FullTextExtractionRequest;
import ca.uhn.fhir.jpa.searchparam.fulltext.FullTextExtractionResponse;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.StorageInterceptor;

import java.util.Set;

/**
 * Definitions and terminology (the package's profiles, value sets, code systems, search parameters, operations) stay
 * out of the full-text index: nobody searches them by {@code _content} or {@code _text}, and a full-text document
 * committed to disk for each of them was most of what installing the package at start-up cost. Personal and
 * directory data is indexed as HAPI does.
 */
@Component
@Interceptor
class DefinitionsOutOfFullText implements StorageInterceptor {

	static final Set<String> DEFINITIONS = Set.of("StructureDefinition", "ValueSet", "CodeSystem", "ConceptMap",
			"SearchParameter", "OperationDefinition", "NamingSystem", "ImplementationGuide", "CapabilityStatement");

	@Hook(Pointcut.JPA_INDEX_EXTRACT_FULLTEXT_CONTENT)
	public FullTextExtractionResponse content(FullTextExtractionRequest request) {
		return decide(request);
	}

	@Hook(Pointcut.JPA_INDEX_EXTRACT_FULLTEXT_TEXT)
	public FullTextExtractionResponse text(FullTextExtractionRequest request) {
		return decide(request);
	}

	private static FullTextExtractionResponse decide(FullTextExtractionRequest request) {
		return DEFINITIONS.contains(request.getResourceType()) ? FullTextExtractionResponse.doNotIndex()
				: FullTextExtractionResponse.indexNormally();
	}
}
