package se.samplan.server.followup;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.access.Caller;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.OperationProvider;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.SipUrls;

import java.util.List;

/**
 * {@code GET [base]/$sip-worklist?kind=..} (followup.md, "Worklists"): what waits for the caller's organisation, or
 * the person's own meetings to answer, earliest due first, as a searchset Bundle with each due date in
 * {@code entry.search.extension}, a page at a time ({@code _count}, {@code _offset}, with next and previous links). Who may call it was checked before it runs; {@link Worklists} leaves out what the
 * caller may not read.
 */
@Component
public class SipWorklistOperation implements OperationProvider {

	private static final int DEFAULT_DAYS = 14;
	private static final int DEFAULT_COUNT = 50;
	private static final int MAX_COUNT = 500;

	private final Worklists worklists;
	private final Callers callers;

	SipWorklistOperation(Worklists worklists, Callers callers) {
		this.worklists = worklists;
		this.callers = callers;
	}

	@Operation(name = "$sip-worklist", idempotent = true, canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-worklist")
	public Bundle worklist(
			@OperationParam(name = "kind", min = 1, max = 1) CodeType kind,
			@OperationParam(name = "days", max = 1) IntegerType days,
			@OperationParam(name = "_count", max = 1) IntegerType count,
			@OperationParam(name = "_offset", max = 1) IntegerType offset,
			RequestDetails request) {
		Worklist list = Worklist.of(kind == null ? null : kind.getValue()).orElseThrow(() -> Refusal.create()
				.issue(IssueType.CODEINVALID, "Okänd arbetslista: " + (kind == null ? "ingen angiven" : kind.getValue()) + ".",
						"Parameter 'kind' must be one of invitations-to-answer, follow-ups-due, follow-ups-overdue, "
								+ "waiting-for-consent, waiting-for-meeting, deviations-open, meetings-to-answer.",
						"Parameters.parameter.where(name = 'kind')").invalidRequest());
		Caller caller = callers.of(request);
		if (list.personal() != caller.isPersonal()) {
			throw Refusal.create().issue(IssueType.NOTSUPPORTED, list.personal()
							? "Den här arbetslistan är för den enskilde och vårdnadshavare." : "Den här arbetslistan är för verksamheter.",
					"The worklist " + list.code() + " is for " + (list.personal() ? "the person or a guardian" : "an organisation's staff and systems") + ".",
					"Parameters.parameter.where(name = 'kind')").invalidRequest();
		}
		int ahead = positive(days, DEFAULT_DAYS, "days");
		int limit = Math.min(positive(count, DEFAULT_COUNT, "_count"), MAX_COUNT);
		int from = positive(offset, 0, "_offset");
		List<Worklists.Item> items = worklists.of(list, caller, ahead, request);
		Bundle answer = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(items.size());
		String page = request.getFhirServerBase() + "/$sip-worklist?kind=" + list.code() + (days != null ? "&days=" + ahead : "")
				+ "&_count=" + limit + "&_offset=";
		answer.addLink().setRelation("self").setUrl(page + from);
		if (from + limit < items.size()) {
			answer.addLink().setRelation("next").setUrl(page + (from + limit));
		}
		if (from > 0) {
			answer.addLink().setRelation("previous").setUrl(page + Math.max(0, from - limit));
		}
		for (Worklists.Item item : items.subList(Math.min(from, items.size()), Math.min(from + limit, items.size()))) {
			Bundle.BundleEntryComponent entry = answer.addEntry()
					.setFullUrl(request.getFhirServerBase() + "/" + item.resource().fhirType() + "/" + item.resource().getIdElement().getIdPart())
					.setResource(item.resource());
			entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
			if (item.due() != null && item.due().hasValue()) {
				entry.getSearch().addExtension(SipUrls.WORKLIST_DUE, item.due());
			}
		}
		return answer;
	}

	private static int positive(IntegerType value, int otherwise, String name) {
		if (value == null || !value.hasValue()) {
			return otherwise;
		}
		if (value.getValue() < 0) {
			throw Refusal.create().issue(IssueType.VALUE, "Ange ett tal som inte är negativt.",
					"Parameter '" + name + "' must not be negative.",
					"Parameters.parameter.where(name = '" + name + "')").invalidRequest();
		}
		return value.getValue();
	}
}
