package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.SipUrls;
import se.samplan.server.sip.StatisticsSettings;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * R14: the county's KVÅ codes for "SIP made" and "SIP followed up" recorded as Procedures when a plan is activated or
 * followed up ({@code samplan.statistics.kva.*}; none by default): the person, the day of the meeting, the
 * organisations that attended, based on the plan. Written by the server in the operation's transaction; the
 * follow-up statistics count them.
 */
@Component
class KvaProcedures {


	private final DaoRegistry daoRegistry;
	private final PlanRepository plans;
	private final StatisticsSettings settings;

	KvaProcedures(DaoRegistry daoRegistry, PlanRepository plans, StatisticsSettings settings) {
		this.daoRegistry = daoRegistry;
		this.plans = plans;
		this.settings = settings;
	}

	List<Resource> made(CarePlan plan, Appointment meeting, List<Reference> attended, RequestDetails request) {
		return record(settings.getKva().getMade(), plan, meeting, attended, request);
	}

	List<Resource> followedUp(CarePlan plan, Appointment meeting, List<Reference> attended, RequestDetails request) {
		return record(settings.getKva().getFollowedUp(), plan, meeting, attended, request);
	}

	private List<Resource> record(List<String> codes, CarePlan plan, Appointment meeting, List<Reference> attended,
			RequestDetails request) {
		Set<String> organizations = new LinkedHashSet<>();
		attended.stream().map(a -> plans.organizationOf(a, request)).filter(Objects::nonNull).forEach(organizations::add);
		return codes.stream().map(code -> {
			Procedure procedure = new Procedure();
			procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
			procedure.getCode().addCoding().setSystem(SipUrls.KVA_SYSTEM).setCode(code);
			procedure.setSubject(new Reference(plan.getSubject().getReference()));
			procedure.setPerformed(new DateTimeType(meeting.getStart()));
			procedure.addBasedOn(new Reference("CarePlan/" + plan.getIdPart()));
			organizations.forEach(o -> procedure.addPerformer().setActor(new Reference(o)));
			return (Resource) daoRegistry.getResourceDao(Procedure.class).create(procedure, request).getResource();
		}).toList();
	}
}
