package se.samplan.server.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipUrls;
import se.samplan.server.workflow.SipWorkflow;
import se.samplan.server.workflow.SipWorkflow.HeldMeetingRecord;
import se.samplan.server.workflow.SipWorkflow.Invitation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Builds the demo plans the way a client would: each scenario's base data (persons, organisations,
 * staff, care team, goals) from the package's transaction Bundle, then the plan through the
 * {@code $sip-*} operations, taking what is said in them from the package's single examples. Dates are
 * set relative to today, so the demo stays valid whenever it is started.
 */
@Component
class DemoScenarios {


	private final FhirContext ctx;
	private final IFhirSystemDao<Bundle, ?> systemDao;
	private final DaoRegistry daoRegistry;
	private final SipWorkflow workflow;
	private final Map<String, String> examples = SipPackage.examples();

	DemoScenarios(FhirContext ctx, IFhirSystemDao<Bundle, ?> systemDao, DaoRegistry daoRegistry, SipWorkflow workflow) {
		this.ctx = ctx;
		this.systemDao = systemDao;
		this.daoRegistry = daoRegistry;
		this.workflow = workflow;
	}

	/** Loads the base data of scenario n (1..3) unless its person is there already. */
	void loadBase(int n) {
		Bundle bundle = example("Bundle-sip" + n + "-bundle.json", Bundle.class);
		Resource first = bundle.getEntryFirstRep().getResource();
		try {
			daoRegistry.getResourceDao(first.fhirType()).read(first.getIdElement(), new SystemRequestDetails());
		} catch (ResourceNotFoundException e) {
			systemDao.transaction(new SystemRequestDetails(), bundle);
		}
	}

	/** Stores a single example of the package (by PUT with its id) unless it is there already. */
	void loadExample(String file) {
		Resource resource = (Resource) ctx.newJsonParser().parseResource(examples.get(file));
		try {
			daoRegistry.getResourceDao(resource.fhirType()).read(resource.getIdElement(), new SystemRequestDetails());
		} catch (ResourceNotFoundException e) {
			daoRegistry.getResourceDao(resource.fhirType()).update(resource, new SystemRequestDetails());
		}
	}

	/** Whether the person has had a SIP in this database. */
	boolean hasPlan(String patient) {
		SearchParameterMap map = SearchParameterMap.newSynchronous(CarePlan.SP_SUBJECT, new ReferenceParam(patient));
		map.add(CarePlan.SP_CATEGORY, new TokenParam(SipUrls.CARE_PLAN_TYPE_SYSTEM, "SIP"));
		return !daoRegistry.getResourceDao(CarePlan.class).search(map, new SystemRequestDetails()).isEmpty();
	}

	/** Scenario n's plan, active, with {@code followUps} follow-up meetings held. */
	CarePlan activePlan(int n, int followUps) {
		CarePlan model = example("CarePlan-sip" + n + "-careplan.json", CarePlan.class);
		Appointment modelMeeting = example("Appointment-sip" + n + "-meeting.json", Appointment.class);
		List<Task> modelTasks = examples.keySet().stream().filter(f -> f.startsWith("Task-sip" + n + "-"))
				.map(f -> example(f, Task.class)).toList();
		String patient = model.getSubject().getReference();

		IdType plan = initiated(model).getIdElement().toUnqualifiedVersionless();
		consent(plan, example("Consent-sip" + n + "-consent.json", Consent.class));
		List<Reference> invited = modelTasks.stream().map(t -> new Reference(t.getOwner().getReference())).toList();
		List<Reference> participants = modelMeeting.getParticipant().stream().map(p -> p.getActor())
				.filter(a -> !patient.equals(a.getReference())).map(a -> new Reference(a.getReference())).toList();
		List<Resource> first = workflow.invite(plan, Invitation.of(at(-14).getValue(), at(-14, 90).getValue(), invited, "first",
				modelMeeting.getComment()).withParticipants(participants).withVirtualMeetingUrl(virtualMeeting(modelMeeting)),
				request("$sip-invite"));
		Reference meeting = new Reference("Appointment/" + first.get(0).getIdElement().getIdPart());
		List<Reference> attended = modelTasks.stream().filter(t -> t.getStatus() == Task.TaskStatus.COMPLETED)
				.map(t -> new Reference(t.getOwner().getReference())).toList();
		for (Resource r : first) {
			if (r instanceof Task task && attended.stream().anyMatch(a -> a.getReference().equals(task.getOwner().getReference()))) {
				workflow.respond(task.getIdElement().toUnqualifiedVersionless(), SipWorkflow.Answer.accept(), request("$sip-respond"));
			}
		}
		writeContent(plan, model);
		workflow.activate(plan, new HeldMeetingRecord(meeting, attended, participation(modelMeeting), null), request("$sip-activate"));

		for (int i = 1; i <= followUps; i++) {
			List<Resource> followUp = workflow.invite(plan, Invitation.of(at(-3 + i).getValue(), at(-3 + i, 60).getValue(), attended,
					"follow-up", "Hur har insatserna fungerat?"), request("$sip-invite"));
			Reference held = new Reference("Appointment/" + followUp.get(0).getIdElement().getIdPart());
			workflow.followUp(plan, new HeldMeetingRecord(held, attended, null, null),
					"Insatserna fungerar; planen gäller med samma mål.", at(90 + 90 * i), request("$sip-follow-up"));
		}
		// R9: the next follow-up is booked; the person sees it coming in the portal.
		CarePlan active = daoRegistry.getResourceDao(CarePlan.class).read(plan, new SystemRequestDetails());
		Date next = SipPlans.nextFollowUp(active).orElseThrow();
		workflow.invite(plan, Invitation.of(next, new Date(next.getTime() + 60 * 60_000L), attended, "follow-up",
				"Hur har insatserna fungerat?"), request("$sip-invite"));
		return daoRegistry.getResourceDao(CarePlan.class).read(plan, new SystemRequestDetails());
	}

	/** A plan of this person, initiated by scenario 1's district nurse. */
	CarePlan initiatedPlan(String patient) {
		CarePlan model = example("CarePlan-sip1-careplan.json", CarePlan.class);
		model.setSubject(new Reference(patient));
		model.setTitle("Samordnad individuell plan");
		return initiated(model);
	}

	/** A plan of this person, consented with scenario 1's organisations and invited to a coming meeting. */
	CarePlan invitedPlan(String patient) {
		IdType plan = initiatedPlan(patient).getIdElement().toUnqualifiedVersionless();
		consent(plan, consentOf(patient));
		workflow.invite(plan, Invitation.of(at(7).getValue(), at(7, 60).getValue(), List.of(new Reference("Organization/sip1-org-kommun"),
				new Reference("Organization/sip1-org-vardcentral")), "first", "Vad behöver du för att kunna bo kvar hemma?"),
				request("$sip-invite"));
		return daoRegistry.getResourceDao(CarePlan.class).read(plan, new SystemRequestDetails());
	}

	/** A plan of this person, consented and then closed because the person moved. */
	CarePlan closedPlan(String patient) {
		IdType plan = initiatedPlan(patient).getIdElement().toUnqualifiedVersionless();
		consent(plan, consentOf(patient));
		workflow.close(plan, new SipWorkflow.Closing(new Coding(SipUrls.CLOSURE_REASON_SYSTEM, "moved", "Den enskilde har flyttat"),
				"Flyttade till Umeå innan första mötet.", null), request("$sip-close"));
		return daoRegistry.getResourceDao(CarePlan.class).read(plan, new SystemRequestDetails());
	}

	private CarePlan initiated(CarePlan model) {
		Extension initiative = model.getExtensionByUrl(SipUrls.INITIATIVE);
		return workflow.initiate(new SipWorkflow.Initiation(new Reference(model.getSubject().getReference()),
				new Reference(SipPlans.initiatedBy(model).getReference()),
				initiative.getExtensionByUrl("reason").getValue().primitiveValue(),
				initiative.getExtensionByUrl("context").getValue().primitiveValue(), model.getTitle(),
				SipPlans.readyForDischarge(model).orElse(null)), request("$sip-initiate"));
	}

	private void consent(IdType plan, Consent given) {
		given.setId((String) null);
		given.getProvision().getData().clear();
		given.setDateTimeElement(new DateTimeType(at(-20).getValue()));
		workflow.consent(plan, given, request("$sip-consent"));
	}

	private Consent consentOf(String patient) {
		Consent given = example("Consent-sip1-consent.json", Consent.class);
		given.setPatient(new Reference(patient));
		given.getPerformer().clear();
		given.addPerformer(new Reference(patient));
		return given;
	}

	/** What the organisations write into the plan before the meeting agrees it: a plain update, as a client would. */
	private void writeContent(IdType planId, CarePlan model) {
		CarePlan plan = daoRegistry.getResourceDao(CarePlan.class).read(planId, new SystemRequestDetails());
		plan.setDescription(model.getDescription());
		plan.setGoal(model.getGoal());
		plan.setActivity(model.getActivity());
		plan.setCareTeam(model.getCareTeam());
		plan.addExtension(model.getExtensionByUrl(SipUrls.OVERALL_RESPONSIBILITY).copy());
		SipPlans.setNextFollowUp(plan, at(90));
		plan.getPeriod().setStartElement(new DateTimeType(at(-14).getValue()));
		daoRegistry.getResourceDao(CarePlan.class).update(plan, new SystemRequestDetails());
	}

	private static String participation(Appointment meeting) {
		Extension e = meeting.getExtensionByUrl(SipUrls.PATIENT_PARTICIPATION);
		return e == null ? null : e.getExtensionByUrl("participation").getValue().primitiveValue();
	}

	private static String virtualMeeting(Appointment meeting) {
		Extension e = meeting.getExtensionByUrl(SipUrls.VIRTUAL_MEETING);
		return e == null ? null : e.getValue().primitiveValue();
	}

	private static DateTimeType at(int days) {
		return at(days, 0);
	}

	/** Today at 13:00 plus some days and minutes, to the minute. */
	private static DateTimeType at(int days, int minutes) {
		Instant t = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS)
				.plus(days, ChronoUnit.DAYS).plus(minutes, ChronoUnit.MINUTES);
		return new DateTimeType(Date.from(t));
	}

	/** A request as the named operation makes it, so the writes are the operation's own (W1). */
	private static RequestDetails request(String operation) {
		SystemRequestDetails request = new SystemRequestDetails();
		request.setOperation(operation);
		return request;
	}

	private <T extends Resource> T example(String file, Class<T> type) {
		return ctx.newJsonParser().parseResource(type, examples.get(file));
	}
}
