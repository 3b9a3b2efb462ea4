package se.samplan.server.followup;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipPhase;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipUrls;
import se.samplan.server.workflow.Deviations;
import se.samplan.server.workflow.R4Deadlines;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records each lapsed deadline once as a SipDeviation (followup.md, "Deadlines"): an invitation still unanswered
 * after its answer-by date ({@code invitation-unanswered}, implicating the invitation, its owner and the plan; the
 * Task stays open), an active plan whose agreed follow-up date has passed ({@code follow-up-overdue}, implicating the plan and
 * the organisation with overall responsibility), a plan not invited by its invitation deadline or whose first meeting
 * was not held by its deadline ({@code start-delayed}, implicating the plan, the initiator and the initiator's
 * organisation; the deadlines are those {@code R4Deadlines} keeps on the plan). Every
 * {@code samplan.followup.sweep-interval} (five minutes), on one node of the cluster per turn. It decides from what is
 * stored, so a second run, a restart or another node records nothing twice: an invitation gets one such deviation
 * ever, a plan one per follow-up date that passed and one per start deadline.
 */
@Component
public class DeadlineSweeper {

	static final String UNANSWERED = "invitation-unanswered";
	static final String OVERDUE = "follow-up-overdue";
	static final String START_DELAYED = "start-delayed";
	private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);
	private static final String INTERVAL = "${samplan.followup.sweep-interval:PT5M}";

	private final Stored stored;
	private final Deviations deviations;
	private final PlanRepository plans;
	private final Clock clock;

	DeadlineSweeper(Stored stored, Deviations deviations, PlanRepository plans, Clock clock) {
		this.stored = stored;
		this.plans = plans;
		this.deviations = deviations;
		this.clock = clock;
	}

	/** A turn of the schedule, taken by one node of the cluster. */
	@Scheduled(initialDelayString = INTERVAL, fixedDelayString = INTERVAL)
	@SchedulerLock(name = "follow-up-deadlines", lockAtLeastFor = INTERVAL)
	public void scheduled() {
		sweep();
	}

	/** Records what has lapsed and is not recorded yet. */
	public void sweep() {
		Date now = Date.from(clock.instant());
		RequestDetails system = new SystemRequestDetails();
		AtomicInteger recorded = new AtomicInteger();
		stored.forEach(Task.class, SearchParameterMap.newSynchronous()
				.add(Task.SP_CODE, new TokenParam(SipUrls.TASK_TYPE_SYSTEM, "invitation"))
				.add(Task.SP_STATUS, new TokenOrListParam().add(null, "requested").add(null, "received")), invitation -> {
			Date answerBy = invitation.getRestriction().getPeriod().getEnd();
			String task = "Task/" + invitation.getIdElement().getIdPart();
			if (answerBy != null && answerBy.before(now) && none(UNANSWERED, task, null)) {
				List<String> implicated = List.of(task, invitation.getOwner().getReference(),
						invitation.getBasedOnFirstRep().getReference());
				deviations.record(UNANSWERED, invitation.getFor().getReference(), implicated,
						"Kallelsen besvarades inte senast " + day(answerBy) + ".", system);
				recorded.incrementAndGet();
			}
		});
		stored.forEach(CarePlan.class, SearchParameterMap.newSynchronous()
				.add(CarePlan.SP_STATUS, new TokenParam("active"))
				.add("sip-next-follow-up", new DateParam(ParamPrefixEnum.LESSTHAN, now)), plan -> {
			Date due = SipPlans.nextFollowUp(plan).orElse(null);
			String planRef = "CarePlan/" + plan.getIdElement().getIdPart();
			if (due != null && due.before(now) && none(OVERDUE, planRef, due)) {
				List<String> implicated = new ArrayList<>(List.of(planRef));
				Reference responsible = SipPlans.overallResponsibility(plan);
				if (responsible != null) {
					implicated.add(responsible.getReference());
				}
				deviations.record(OVERDUE, plan.getSubject().getReference(), implicated,
						"Planen följdes inte upp senast " + day(due) + ".", system);
				recorded.incrementAndGet();
			}
		});
		LocalDate today = LocalDate.now(clock);
		stored.forEach(CarePlan.class, SearchParameterMap.newSynchronous()
				.add("sip-phase", new TokenOrListParam().add(null, "initiated").add(null, "consented").add(null, "invited")), plan -> {
			String planRef = "CarePlan/" + plan.getIdElement().getIdPart();
			boolean invited = SipPhase.of(plan).orElse(null) == SipPhase.INVITED;
			LocalDate due = SipPlans.due(plan, invited ? R4Deadlines.FIRST_MEETING : R4Deadlines.INVITATION).orElse(null);
			// a plan whose invitations were written as plain Tasks has been invited all the same
			boolean lapsed = due != null && today.isAfter(due) && (invited || noInvitation(planRef));
			if (lapsed && none(START_DELAYED, planRef, invited ? Date.from(due.atStartOfDay(clock.getZone()).toInstant()) : null)) {
				deviations.record(START_DELAYED, plan.getSubject().getReference(), initiatorAndPlan(plan, planRef, system),
						(invited ? "Det första SIP-mötet hölls inte senast " : "Ingen kallelse till SIP-möte skickades senast ") + due + ".",
						system);
				recorded.incrementAndGet();
			}
		});
		if (recorded.get() > 0) {
			log.info("Deadline sweep: {} lapsed deadlines recorded as deviations", recorded);
		}
	}

	private boolean noInvitation(String planRef) {
		return stored.none(Task.class, SearchParameterMap.newSynchronous()
				.add(Task.SP_CODE, new TokenParam(SipUrls.TASK_TYPE_SYSTEM, "invitation"))
				.add(Task.SP_BASED_ON, new ReferenceParam(planRef)));
	}

	/** The plan, who took the initiative, and their organisation (when the initiator is a person's role). */
	private List<String> initiatorAndPlan(CarePlan plan, String planRef, RequestDetails system) {
		Set<String> implicated = new LinkedHashSet<>(List.of(planRef));
		Reference initiator = SipPlans.initiatedBy(plan) != null ? SipPlans.initiatedBy(plan) : plan.getAuthor();
		if (initiator != null && initiator.hasReference()) {
			implicated.add(initiator.getReference());
			String organization = plans.organizationOf(initiator, system);
			if (organization != null) {
				implicated.add(organization);
			}
		}
		return List.copyOf(implicated);
	}

	/** Whether no deviation of this type implicates the resource (identified since {@code since}, when given). */
	private boolean none(String type, String implicated, Date since) {
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add(DetectedIssue.SP_CODE, new TokenParam(SipUrls.DEVIATION_TYPE_SYSTEM, type))
				.add(DetectedIssue.SP_IMPLICATED, new ReferenceParam(implicated));
		if (since != null) {
			query.add(DetectedIssue.SP_IDENTIFIED, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, since));
		}
		return stored.none(DetectedIssue.class, query);
	}

	/** The day in the county's time zone, as Swedish dates are written (2026-12-05). */
	private LocalDate day(Date date) {
		return LocalDate.ofInstant(date.toInstant(), clock.getZone());
	}
}
