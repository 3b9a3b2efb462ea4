package se.samplan.server.followup;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipResources;
import se.samplan.server.sip.SipUrls;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Computes the follow-up statistics of a period (followup.md, "Statistics"; Measure/sip-follow-up) from what is
 * stored: each event counted in the period it happened, limited to one principal's plans when asked. Reads as the
 * server; the report names no person, and {@link StatisticsReports} masks small counts for whom it must.
 */
@Component
class Statistics {

	static final String SYSTEM = se.samplan.profiles.SipPackage.codeSystem("sip-statistics");
	private static final int ADULT_AGE = 18;

	private final Stored stored;
	private final PlanRepository plans;
	private final Principals principals;
	private final Clock clock;

	Statistics(Stored stored, PlanRepository plans, Principals principals, Clock clock) {
		this.stored = stored;
		this.plans = plans;
		this.principals = principals;
		this.clock = clock;
	}

	Figures of(LocalDate start, LocalDate end, String principal) {
		RequestDetails system = new SystemRequestDetails();
		Period period = new Period(start.atStartOfDay(clock.getZone()).toInstant(), end.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
		Map<String, CarePlan> sips = new LinkedHashMap<>();
		for (CarePlan plan : stored.search(CarePlan.class, SearchParameterMap.newSynchronous()
				.add(CarePlan.SP_CATEGORY, new TokenParam(SipUrls.CARE_PLAN_TYPE_SYSTEM, "SIP")))) {
			if (principal == null || principals.of(planOrganization(plan, system), system).contains(principal)) {
				sips.put("CarePlan/" + plan.getIdElement().getIdPart(), plan);
			}
		}
		List<Appointment> held = stored.search(Appointment.class, SearchParameterMap.newSynchronous()
				.add(Appointment.SP_STATUS, new TokenParam("fulfilled"))
				.add(Appointment.SP_DATE, new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(period.to()))));
		held = held.stream().filter(m -> sips.containsKey(planOf(m.getSupportingInformation(), system))).toList();

		List<Figures.Group> groups = new ArrayList<>();
		List<CarePlan> initiated = sips.values().stream().filter(p -> period.has(SipPlans.initiativeDate(p).orElse(null))).toList();
		groups.add(Figures.Group.stratified("initiated", initiated.size(), "age-group", strata(initiated.stream()
				.map(p -> coding(SYSTEM, child(p, system) ? "child" : "adult")).toList())));
		groups.add(Figures.Group.count("consented", consented(sips, period, system)));
		List<CarePlan> made = sips.values().stream().filter(p -> period.has(p.getPeriod().getStart())).toList();
		groups.add(Figures.Group.stratified("made", made.size(), "principal-kind", strata(made.stream()
				.map(p -> principals.kind(SipPlans.overallResponsibility(p), system)).toList())));
		List<Appointment> followUps = held.stream().filter(m -> period.has(m.getStart()))
				.filter(m -> m.getAppointmentType().hasCoding(SipUrls.MEETING_TYPE_SYSTEM, "follow-up")).toList();
		groups.add(Figures.Group.count("followed-up", (int) followUps.stream()
				.map(m -> planOf(m.getSupportingInformation(), system)).distinct().count()));
		List<CarePlan> closed = sips.values().stream().filter(p -> period.has(closureDate(p))).toList();
		groups.add(Figures.Group.stratified("closed", closed.size(), "closure-reason",
				strata(closed.stream().map(p -> SipPlans.closureReason(p).orElse(null)).toList())));
		List<Long> days = daysToFirstMeeting(made, held, system);
		groups.add(Figures.Group.score("days-to-first-meeting-median", days.size(), median(days), "d"));
		groups.add(Figures.Group.score("days-to-first-meeting-p90", days.size(), percentile(days, 90), "d"));
		groups.add(invitationsInTime(sips, period, system));
		List<Appointment> withDue = followUps.stream().filter(m -> m.getRequestedPeriodFirstRep().hasEnd()).toList();
		groups.add(Figures.Group.proportion("follow-ups-held-in-time", (int) withDue.stream().filter(m -> !day(m.getStart())
				.isAfter(day(m.getRequestedPeriodFirstRep().getEnd()))).count(), withDue.size()));
		List<DetectedIssue> deviations = stored.search(DetectedIssue.class, SearchParameterMap.newSynchronous()
						.add(DetectedIssue.SP_CODE, new TokenParam(SipUrls.DEVIATION_TYPE_SYSTEM, null))
						.add(DetectedIssue.SP_IDENTIFIED, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(period.from())))
						.add(DetectedIssue.SP_IDENTIFIED, new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(period.to())))).stream()
				.filter(d -> sips.containsKey(planOf(d.getImplicated(), system))).toList();
		groups.add(Figures.Group.stratified("deviations", deviations.size(), "deviation-type",
				strata(deviations.stream().map(d -> d.getCode().getCodingFirstRep()).toList())));
		Map<String, Integer> byOrganization = new TreeMap<>();
		deviations.forEach(d -> d.getImplicated().stream().map(r -> plans.organizationOf(r, system)).filter(Objects::nonNull)
				.distinct().forEach(o -> byOrganization.merge(o, 1, Integer::sum)));
		groups.add(Figures.Group.stratified("deviations-by-organization", byOrganization.values().stream().mapToInt(i -> i).sum(),
				"organization", byOrganization.entrySet().stream().map(e -> new Figures.Stratum(null,
						principals.name(e.getKey(), system), e.getValue())).toList()));
		List<Procedure> kva = stored.search(Procedure.class, SearchParameterMap.newSynchronous()
						.add(Procedure.SP_CODE, new TokenParam(SipUrls.KVA_SYSTEM, null))
						.add(Procedure.SP_DATE, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(period.from())))
						.add(Procedure.SP_DATE, new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(period.to())))).stream()
				.filter(p -> sips.containsKey(planOf(p.getBasedOn(), system))).toList();
		groups.add(Figures.Group.stratified("kva", kva.size(), "kva-code",
				strata(kva.stream().map(p -> p.getCode().getCodingFirstRep()).toList())));
		return new Figures(start, end, principal, groups);
	}

	/** The days between the initiative and the first meeting held, of the plans made. */
	private List<Long> daysToFirstMeeting(List<CarePlan> made, List<Appointment> held, RequestDetails system) {
		Map<String, Date> first = new HashMap<>();
		held.forEach(m -> first.merge(planOf(m.getSupportingInformation(), system), m.getStart(), (a, b) -> a.before(b) ? a : b));
		return made.stream().filter(p -> SipPlans.initiativeDate(p).isPresent() && first.containsKey(key(p)))
				.map(p -> ChronoUnit.DAYS.between(day(SipPlans.initiativeDate(p).get()), day(first.get(key(p))))).sorted().toList();
	}

	/** Plans whose earliest SIP consent falls in the period. */
	private int consented(Map<String, CarePlan> sips, Period period, RequestDetails system) {
		Map<String, Date> earliest = new HashMap<>();
		for (Consent consent : stored.search(Consent.class, SearchParameterMap.newSynchronous()
				.add(Consent.SP_CATEGORY, new TokenParam(SipUrls.CONSENT_CATEGORY_SYSTEM, "sip"))
				.add(Consent.SP_DATE, new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(period.to()))))) {
			if (consent.hasDateTime()) {
				SipResources.plans(consent).stream().map(r -> plans.key(r, system)).filter(sips::containsKey)
						.forEach(plan -> earliest.merge(plan, consent.getDateTime(), (a, b) -> a.before(b) ? a : b));
			}
		}
		return (int) earliest.values().stream().filter(period::has).count();
	}

	/**
	 * Invitations written in the period, not cancelled, answered or past their answer-by date: in time unless the
	 * deadline sweeper recorded them unanswered (a late answer stays late, as the guideline counts it).
	 */
	private Figures.Group invitationsInTime(Map<String, CarePlan> sips, Period period, RequestDetails system) {
		Date now = Date.from(clock.instant());
		List<Task> due = stored.search(Task.class, SearchParameterMap.newSynchronous()
						.add(Task.SP_CODE, new TokenParam(SipUrls.TASK_TYPE_SYSTEM, "invitation"))
						.add(Task.SP_AUTHORED_ON, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(period.from())))
						.add(Task.SP_AUTHORED_ON, new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(period.to())))).stream()
				.filter(t -> sips.containsKey(planOf(t.getBasedOn(), system)) && t.getStatus() != Task.TaskStatus.CANCELLED)
				.filter(t -> !(t.getStatus() == Task.TaskStatus.REQUESTED || t.getStatus() == Task.TaskStatus.RECEIVED)
						|| t.getRestriction().getPeriod().hasEnd() && t.getRestriction().getPeriod().getEnd().before(now))
				.toList();
		Set<String> late = stored.search(DetectedIssue.class, SearchParameterMap.newSynchronous()
						.add(DetectedIssue.SP_CODE, new TokenParam(SipUrls.DEVIATION_TYPE_SYSTEM, DeadlineSweeper.UNANSWERED))).stream()
				.flatMap(d -> d.getImplicated().stream()).map(Reference::getReference).collect(Collectors.toSet());
		int inTime = (int) due.stream().filter(t -> !late.contains("Task/" + t.getIdElement().getIdPart())).count();
		return Figures.Group.proportion("invitations-answered-in-time", inTime, due.size());
	}

	/** The organisation a plan counts under: the one with overall responsibility, else the initiator's. */
	private String planOrganization(CarePlan plan, RequestDetails system) {
		Reference responsible = SipPlans.overallResponsibility(plan);
		Reference initiator = SipPlans.initiatedBy(plan) != null ? SipPlans.initiatedBy(plan) : plan.getAuthor();
		return Optional.ofNullable(responsible).or(() -> Optional.ofNullable(initiator))
				.map(r -> plans.organizationOf(r, system)).orElse(null);
	}

	private boolean child(CarePlan plan, RequestDetails system) {
		LocalDate on = SipPlans.initiativeDate(plan).map(this::day).orElse(LocalDate.now(clock));
		return plans.read(plan.getSubject(), Patient.class, system).filter(Patient::hasBirthDate)
				.map(p -> SipResources.age(p, on) < ADULT_AGE).orElse(false);
	}

	private String planOf(Collection<Reference> references, RequestDetails system) {
		return references.stream().filter(r -> "CarePlan".equals(r.getReferenceElement().getResourceType()))
				.map(r -> plans.key(r, system)).filter(Objects::nonNull).findFirst().orElse(null);
	}

	private static String key(CarePlan plan) {
		return "CarePlan/" + plan.getIdElement().getIdPart();
	}

	private static Date closureDate(CarePlan plan) {
		var closure = plan.getExtensionByUrl(SipUrls.CLOSURE);
		var date = closure == null ? null : closure.getExtensionByUrl("date");
		return date != null && date.getValue() instanceof DateTimeType d ? d.getValue() : null;
	}

	/** Strata by coding (code and system), in order of first appearance; a null coding counts as unknown. */
	private static List<Figures.Stratum> strata(List<Coding> values) {
		Map<String, Coding> codings = new LinkedHashMap<>();
		Map<String, Integer> counts = new HashMap<>();
		for (Coding c : values) {
			String key = c == null ? "" : c.getSystem() + "|" + c.getCode();
			codings.putIfAbsent(key, c);
			counts.merge(key, 1, Integer::sum);
		}
		return codings.entrySet().stream().map(e -> e.getValue() == null ? new Figures.Stratum(null, "okänd", counts.get(e.getKey()))
				: new Figures.Stratum(coding(e.getValue().getSystem(), e.getValue().getCode()), null, counts.get(e.getKey()))).toList();
	}

	private static Coding coding(String system, String code) {
		return new Coding(system, code, null);
	}

	/** The median of sorted values, or null when there are none. */
	static BigDecimal median(List<Long> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int n = sorted.size();
		return n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
				: BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
	}

	/** The p-th percentile of sorted values by nearest rank, or null when there are none. */
	static BigDecimal percentile(List<Long> sorted, int p) {
		return sorted.isEmpty() ? null : BigDecimal.valueOf(sorted.get((int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	private LocalDate day(Date date) {
		return LocalDate.ofInstant(date.toInstant(), clock.getZone());
	}

	/** From the start of the first day to the start of the day after the last. */
	private record Period(Instant from, Instant to) {
		boolean has(Date date) {
			return date != null && !date.toInstant().isBefore(from) && date.toInstant().isBefore(to);
		}
	}
}
