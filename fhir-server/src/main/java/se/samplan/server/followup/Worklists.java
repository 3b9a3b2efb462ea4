package se.samplan.server.followup;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import se.samplan.server.access.AccessPolicy;
import se.samplan.server.access.Caller;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipPhase;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipUrls;
import se.samplan.server.workflow.R4Deadlines;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What waits for a caller (followup.md, "Worklists"): each kind a question to the store, its answers narrowed to
 * those that concern the caller's organisation (or the person) and then to what the caller may read (access.md),
 * each with its due date, earliest first.
 */
@Component
class Worklists {

	/** One thing that waits, and when it is due (null: no date; a deadline of the plan is a whole day). */
	record Item(Resource resource, DateTimeType due) {

		Item(Resource resource, Date due) {
			this(resource, due == null ? null : new DateTimeType(due));
		}

		Date at() {
			return due == null ? null : due.getValue();
		}
	}

	private final Stored stored;
	private final PlanRepository plans;
	private final AccessPolicy access;
	private final Clock clock;

	Worklists(Stored stored, PlanRepository plans, AccessPolicy access, Clock clock) {
		this.stored = stored;
		this.plans = plans;
		this.access = access;
		this.clock = clock;
	}

	List<Item> of(Worklist kind, Caller caller, int days, RequestDetails request) {
		String org = caller.organization();
		Date now = Date.from(clock.instant());
		Stream<Item> items = switch (kind) {
			case INVITATIONS_TO_ANSWER -> stored.search(Task.class, SearchParameterMap.newSynchronous()
							.add(Task.SP_CODE, new TokenParam(SipUrls.TASK_TYPE_SYSTEM, "invitation"))
							.add(Task.SP_STATUS, new TokenOrListParam().add(null, "requested").add(null, "received"))
							.add(Task.SP_OWNER, new ReferenceParam(org))).stream()
					.map(t -> new Item(t, t.getRestriction().getPeriod().getEndElement()));
			case FOLLOW_UPS_DUE -> followUps(new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, now),
					new DateParam(ParamPrefixEnum.LESSTHAN, startOf(LocalDate.now(clock).plusDays(days + 1L)))).stream()
					.filter(p -> responsibleOrPerforming(p, org, request)).map(p -> new Item(p, SipPlans.nextFollowUp(p).orElse(null)));
			case FOLLOW_UPS_OVERDUE -> followUps(new DateParam(ParamPrefixEnum.LESSTHAN, now), null).stream()
					.filter(p -> responsibleOrPerforming(p, org, request)).map(p -> new Item(p, SipPlans.nextFollowUp(p).orElse(null)));
			case WAITING_FOR_CONSENT -> inPhase("initiated").stream()
					.filter(p -> org.equals(initiatorOrganization(p, request)))
					.map(p -> new Item(p, due(p, R4Deadlines.INVITATION)));
			case WAITING_FOR_MEETING -> inPhase("consented", "invited").stream()
					.map(p -> new Item(p, due(p, SipPhase.of(p).orElse(null) == SipPhase.INVITED
							? R4Deadlines.FIRST_MEETING : R4Deadlines.INVITATION)));
			case DEVIATIONS_OPEN -> stored.search(DetectedIssue.class, SearchParameterMap.newSynchronous()
							.add(DetectedIssue.SP_IMPLICATED, new ReferenceParam(org))).stream()
					.filter(d -> d.getStatus() != DetectedIssue.DetectedIssueStatus.ENTEREDINERROR && ofOpenPlan(d, request))
					.map(d -> new Item(d, d.getIdentified() instanceof DateTimeType t ? t : null));
			case MEETINGS_TO_ANSWER -> meetingsToAnswer(caller, now, request);
		};
		return items.filter(i -> access.canRead(caller, i.resource(), request))
				.sorted(Comparator.comparing(Item::at, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
	}

	private List<CarePlan> followUps(DateParam from, DateParam to) {
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add(CarePlan.SP_STATUS, new TokenParam("active")).add("sip-next-follow-up", from);
		if (to != null) {
			query.add("sip-next-follow-up", to);
		}
		return stored.search(CarePlan.class, query);
	}

	private List<CarePlan> inPhase(String... phases) {
		TokenOrListParam any = new TokenOrListParam();
		Stream.of(phases).forEach(p -> any.add(null, p));
		return stored.search(CarePlan.class, SearchParameterMap.newSynchronous().add("sip-phase", any));
	}

	/** The organisation holds overall responsibility for the plan, or performs one of its services. */
	private boolean responsibleOrPerforming(CarePlan plan, String org, RequestDetails request) {
		Reference responsible = SipPlans.overallResponsibility(plan);
		return responsible != null && org.equals(plans.organizationOf(responsible, request))
				|| plan.getActivity().stream().flatMap(a -> a.getDetail().getPerformer().stream())
						.anyMatch(p -> org.equals(plans.organizationOf(p, request)));
	}

	private String initiatorOrganization(CarePlan plan, RequestDetails request) {
		Reference initiator = SipPlans.initiatedBy(plan) != null ? SipPlans.initiatedBy(plan) : plan.getAuthor();
		return initiator == null ? null : plans.organizationOf(initiator, request);
	}

	private boolean ofOpenPlan(DetectedIssue deviation, RequestDetails request) {
		return deviation.getImplicated().stream().filter(r -> "CarePlan".equals(r.getReferenceElement().getResourceType()))
				.map(r -> plans.read(r, CarePlan.class, request)).flatMap(Optional::stream)
				.noneMatch(SipPhase::isClosed);
	}

	/** Booked meetings from now on where the person (or the guardian themself) has not answered. */
	private Stream<Item> meetingsToAnswer(Caller caller, Date now, RequestDetails request) {
		Set<String> actors = new HashSet<>(access.personsOf(caller, request));
		actors.add(caller.user());
		return actors.stream().filter(Objects::nonNull).flatMap(actor -> stored.search(Appointment.class,
						SearchParameterMap.newSynchronous().add(Appointment.SP_ACTOR, new ReferenceParam(actor))
								.add(Appointment.SP_STATUS, new TokenParam("booked"))
								.add(Appointment.SP_DATE, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, now))).stream()
				.filter(m -> m.getParticipant().stream().anyMatch(p -> actor.equals(p.getActor().getReference())
						&& p.getStatus() == Appointment.ParticipationStatus.NEEDSACTION)))
				.collect(Collectors.toMap(m -> m.getIdElement().getIdPart(), m -> m, (a, b) -> a)).values().stream()
				.map(m -> new Item(m, m.getStart()));
	}

	private DateTimeType due(CarePlan plan, String kind) {
		return SipPlans.due(plan, kind).map(day -> new DateTimeType(day.toString())).orElse(null);
	}

	private Date startOf(LocalDate day) {
		return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
	}
}
