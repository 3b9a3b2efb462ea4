package se.samplan.server.hapi;

import ca.uhn.fhir.jpa.dao.IFulltextSearchSvc;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.jpa.interceptor.ForceOffsetSearchModeInterceptor;
import ca.uhn.fhir.jpa.search.builder.SearchBuilder;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;
import se.samplan.server.outcome.Refusal;

/**
 * Every search is answered in one go and paged by {@code _offset} (HAPI's offset mode): HAPI would otherwise write
 * each search and its result ids to {@code HFJ_SEARCH} tables in commits of their own, which on a durable database cost
 * a search as much as the search itself, and hand the search to a thread of its own. Nothing is kept between requests,
 * so a client finds its writes at once; a page's next link repeats the search from the next offset, and
 * {@code Bundle.total} is given on the last page or when {@code _total=accurate} asks for it. {@code _count} is capped
 * at the largest page size, as the paging of stored searches does.
 * <p>
 * A full-text search ({@code _content}, {@code _text}) too, while the full-text index matches at most one of the
 * batches of {@link SearchBuilder#getMaximumPageSize()} in which HAPI 8.8 checks its matches against the rest of the
 * search in the database: it applies the offset to each batch, so a later page of more batches would leave out
 * matches. A broader one keeps HAPI's stored paging, and is refused with an offset past its first page.
 */
@Component
class OffsetSearches extends ForceOffsetSearchModeInterceptor implements StorageInterceptor {

	private final int largestPage;
	private final IFulltextSearchSvc fullText;
	private final IHapiTransactionService transactions;

	OffsetSearches(SamplanProperties properties, IFulltextSearchSvc fullText, IHapiTransactionService transactions) {
		setDefaultCount(properties.getDefaultPageSize());
		this.largestPage = properties.getMaxPageSize();
		this.fullText = fullText;
		this.transactions = transactions;
	}

	/** A client's search (also a transaction's GET entry); the server's own searches ask for what they need. */
	@Override
	public void storagePreSearchRegistered(SearchParameterMap map, RequestDetails request) {
		if (request == null || request instanceof SystemRequestDetails) {
			return;
		}
		if (fullText(map)) {
			if (request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE) {
				return; // a conditional URL's full-text terms: HAPI's stored paging, as before
			}
			long matches = transactions.withRequest(request).readOnly()
					.execute(() -> fullText.count(request.getResourceName(), map.clone())); // the count takes the terms off its copy
			if (matches > SearchBuilder.getMaximumPageSize()) {
				if (map.getOffset() != null && map.getOffset() > 0) {
					throw pastFirstPage();
				}
				return;
			}
		}
		super.storagePreSearchRegistered(map, request);
		if (map.getCount() != null && map.getCount() > largestPage) {
			map.setCount(largestPage);
		}
	}

	private static BaseServerResponseException pastFirstPage() {
		return Refusal.create().issue(IssueType.TOOCOSTLY,
				"Fritextsökningen träffar för många resurser för att bläddras med _offset. Följ sökresultatets länk till nästa sida, eller sök snävare.",
				"A full-text search whose index matches more than " + SearchBuilder.getMaximumPageSize()
						+ " resources cannot be paged by _offset (HAPI 8.8 applies the offset per batch of that size); "
						+ "follow the first page's next link, or narrow the search.", "_offset").invalidRequest();
	}

	private static boolean fullText(SearchParameterMap map) {
		return map.containsKey(Constants.PARAM_CONTENT) || map.containsKey(Constants.PARAM_TEXT);
	}
}
