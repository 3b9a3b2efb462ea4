package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipUrls;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R4: the county's day limits kept as deadlines on the plan ({@code sip-due}) and the invitations (answer-by),
 * whichever way the plan and its invitations arrive: the operations, a plain POST, a transaction.
 */
@Tag("R4")
class R4DeadlinesTest extends WorkflowTestSupport {

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	@Test
	void aPlanIsDueForItsInvitationFourteenDaysAfterTheInitiative() {
		CarePlan plan = initiated(newPatient());
		LocalDate today = LocalDate.now(SWEDEN);
		assertThat(SipPlans.due(plan, R4Deadlines.INVITATION)).contains(today.plusDays(14));
		assertThat(SipPlans.due(plan, R4Deadlines.FIRST_MEETING)).isEmpty();
	}

	@Test
	void afterDischargeTheInvitationIsDueThreeDaysAfterTheReadyDay() {
		LocalDate ready = LocalDate.now(SWEDEN).minusDays(1);
		HttpResponse<String> r = postJson("/CarePlan/$sip-initiate", initiation(newPatient(), new DateType(ready.toString()), null));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		CarePlan plan = CTX.newJsonParser().parseResource(CarePlan.class, r.body());
		assertThat(SipPlans.due(plan, R4Deadlines.INVITATION)).contains(ready.plusDays(3));
		assertThat(SipPlans.readyForDischarge(plan)).contains(ready);
		assertThat(plan.getExtensionByUrl(SipUrls.INITIATIVE).getExtensionByUrl("context").getValue().primitiveValue())
				.as("a ready-for-discharge day makes it a discharge initiative").isEqualTo("discharge");
	}

	@Test
	void aReadyDayOutsideADischargeOrWithoutADayIsABadRequest() {
		assertRefused(postJson("/CarePlan/$sip-initiate", initiation(newPatient(), new DateType("2026-12-01"), "school")),
				400, "Parameters.parameter.where(name = 'readyForDischarge')");
		assertRefused(postJson("/CarePlan/$sip-initiate", initiation(newPatient(), new DateType("2026-12"), null)),
				400, "Parameters.parameter.where(name = 'readyForDischarge')");
	}

	@Test
	void theFirstMeetingIsDueThirtyDaysAfterTheInvitationAndStaysDue() {
		Bundle invited = invitedPlan();
		CarePlan plan = (CarePlan) invited.getEntry().get(3).getResource();
		LocalDate today = LocalDate.now(SWEDEN);
		assertThat(SipPlans.due(plan, R4Deadlines.FIRST_MEETING)).contains(today.plusDays(30));
		Task invitation = (Task) invited.getEntry().get(1).getResource();
		assertThat(invitation.getRestriction().getPeriod().getEnd().toInstant())
				.as("answer by: five days").isAfter(today.plusDays(4).atStartOfDay(SWEDEN).toInstant());

		CarePlan written = writeContent(plan.getIdPart()); // a plain update that leaves sip-due as it was read
		assertThat(SipPlans.due(written, R4Deadlines.FIRST_MEETING)).contains(today.plusDays(30));
	}

	@Test
	void aPlainPostKeepsTheServersDeadlinesNotTheClients() {
		CarePlan plan = plainSip(newPatient());
		SipPlans.setInitiative(plan, new Reference(INITIATOR), new DateTimeType("2026-11-20T09:00:00+01:00").getValue(), null, null);
		SipPlans.setDue(plan, Map.of(R4Deadlines.INVITATION, LocalDate.parse("2030-01-01"),
				R4Deadlines.FIRST_MEETING, LocalDate.parse("2030-02-01")));
		HttpResponse<String> r = postJson("/CarePlan", plan);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		CarePlan stored = CTX.newJsonParser().parseResource(CarePlan.class, r.body());
		assertThat(SipPlans.due(stored, R4Deadlines.INVITATION)).contains(LocalDate.parse("2026-12-04"));
		assertThat(SipPlans.due(stored, R4Deadlines.FIRST_MEETING)).as("not invited yet").isEmpty();
	}

	@Test
	void anInvitationWrittenInATransactionWithoutAnAnswerByDateGetsTheCountys() {
		Bundle invited = invitedPlan();
		Task task = ((Task) invited.getEntry().get(1).getResource()).copy(); // to the same meeting, for social services
		task.setId((String) null);
		task.getRestriction().setPeriod(null);
		task.setAuthoredOnElement(new DateTimeType("2026-12-01T10:00:00+01:00"));
		task.setOwner(new Reference("Organization/sip2-org-socialtjanst"));
		HttpResponse<String> r = postJson("/", transaction(task));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		String location = CTX.newJsonParser().parseResource(Bundle.class, r.body()).getEntryFirstRep().getResponse().getLocation();
		Task stored = client.read().resource(Task.class).withUrl(location).execute();
		assertThat(stored.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-12-06T10:00:00+01:00");
	}

	private static Parameters initiation(String patient, DateType ready, String context) {
		Parameters in = new Parameters();
		in.addParameter().setName("patient").setValue(new Reference(patient));
		in.addParameter().setName("initiator").setValue(new Reference(INITIATOR));
		in.addParameter().setName("readyForDischarge").setValue(ready);
		if (context != null) {
			in.addParameter().setName("context").setValue(new CodeType(context));
		}
		return in;
	}
}
