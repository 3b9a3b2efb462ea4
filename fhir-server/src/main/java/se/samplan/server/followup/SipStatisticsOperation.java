package se.samplan.server.followup;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.access.Caller;
import se.samplan.server.access.Callers;
import se.samplan.server.hapi.OperationProvider;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipRule;
import se.samplan.server.workflow.Params;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * {@code GET [base]/$sip-statistics?periodStart=..&periodEnd=..[&principal=..]} (R14, followup.md "Statistics"): the
 * county's follow-up of a period as a summary MeasureReport, or CSV ({@code _format=text/csv} or
 * {@code Accept: text/csv}). The operator sees the whole county, unmasked; a principal's analyst (scope
 * {@code samplan.statistics}, checked before it runs) sees only their own principal's plans, small counts masked.
 */
@Component
public class SipStatisticsOperation implements OperationProvider {

	private static final String CSV = "text/csv";

	private final Statistics statistics;
	private final StatisticsReports reports;
	private final Principals principals;
	private final PlanRepository plans;
	private final Callers callers;

	SipStatisticsOperation(Statistics statistics, StatisticsReports reports, Principals principals, PlanRepository plans,
			Callers callers) {
		this.statistics = statistics;
		this.reports = reports;
		this.principals = principals;
		this.plans = plans;
		this.callers = callers;
	}

	@Operation(name = "$sip-statistics", idempotent = true, canonicalUrl = SipPackage.CANONICAL + "/OperationDefinition/sip-statistics")
	public IBaseResource statistics(
			@OperationParam(name = "periodStart", min = 1, max = 1) DateType periodStart,
			@OperationParam(name = "periodEnd", min = 1, max = 1) DateType periodEnd,
			@OperationParam(name = "principal", max = 1) Reference principal,
			RequestDetails request) {
		LocalDate start = day(periodStart, "periodStart");
		LocalDate end = day(periodEnd, "periodEnd");
		if (end.isBefore(start)) {
			throw Refusal.create().issue(IssueType.INVALID, "Periodens slut ligger före dess början.",
					"periodEnd must not be before periodStart.", "Parameters.parameter.where(name = 'periodEnd')").invalidRequest();
		}
		Caller caller = callers.of(request);
		String asked = principal == null || !principal.hasReference() ? null
				: plans.organizationOf(principal, new SystemRequestDetails());
		if (principal != null && principal.hasReference() && asked == null) {
			throw Refusal.create().issue(IssueType.NOTFOUND, "Huvudmannen finns inte: " + principal.getReference() + ".",
					"principal must be an Organization the server holds.", "Parameters.parameter.where(name = 'principal')").invalidRequest();
		}
		boolean operator = caller.kind() == Caller.Kind.OPERATOR;
		String limit = operator ? asked : ownPrincipal(caller, asked);
		Figures figures = statistics.of(start, end, limit);
		if (wantsCsv(request)) {
			Binary csv = new Binary().setContentType(CSV + ";charset=UTF-8");
			csv.setData(reports.csv(figures, !operator).getBytes(StandardCharsets.UTF_8));
			return csv;
		}
		return reports.measureReport(figures, !operator);
	}

	/** An analyst's own principal, or a unit of it when asked; 403 for another principal's. */
	private String ownPrincipal(Caller caller, String asked) {
		SystemRequestDetails system = new SystemRequestDetails();
		String own = principals.principalOf(caller.organization(), system);
		if (asked == null) {
			return own;
		}
		if (!principals.of(asked, system).contains(own)) {
			throw Refusal.create().issue(IssueType.FORBIDDEN, SipRule.R15.coding(), "Du kan bara se statistiken för din egen huvudman.",
					asked + " is not " + own + " or one of its units; a principal's analyst sees only its own plans.",
					"Parameters.parameter.where(name = 'principal')").forbidden();
		}
		return asked;
	}

	private static LocalDate day(DateType date, String name) {
		LocalDate day = Params.day(date, name);
		if (day == null) {
			throw Refusal.create().issue(IssueType.REQUIRED, "Ange periodens första och sista dag (ÅÅÅÅ-MM-DD).",
					"Parameter '" + name + "' is required.", "Parameters.parameter.where(name = '" + name + "')").invalidRequest();
		}
		return day;
	}

	private static boolean wantsCsv(RequestDetails request) {
		String[] format = request.getParameters().get("_format");
		String asked = format != null && format.length > 0 ? format[0] : request.getHeader("Accept");
		return asked != null && asked.startsWith(CSV);
	}
}
