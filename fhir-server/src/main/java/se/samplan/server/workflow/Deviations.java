package se.samplan.server.workflow;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.SipRule;
import se.samplan.server.sip.SipUrls;

import java.time.Clock;
import java.util.Date;
import java.util.List;

/**
 * R12 (avvikelser): records a failure in the cooperation as a SipDeviation, which the yearly follow-up
 * counts (R14). Created by the server, in the transaction of the operation that found it.
 */
@Component
@Keeps(value = SipRule.R12, appliesTo = {"DetectedIssue", "Task"}, where = "respond (decline), activate and follow-up (absent), "
		+ "the deadline sweeper (invitation unanswered, follow-up overdue)", refusal = "none: a SipDeviation created by the server")
public class Deviations {

	private final DaoRegistry daoRegistry;
	private final Clock clock;

	Deviations(DaoRegistry daoRegistry, Clock clock) {
		this.daoRegistry = daoRegistry;
		this.clock = clock;
	}

	/**
	 * @param type a code of sip-deviation-type (invitation-declined, absent-from-meeting, ...)
	 * @param implicated the plan, the invitation or meeting, and the organisation concerned
	 */
	public DetectedIssue record(String type, String patient, List<String> implicated, String detail, RequestDetails request) {
		DetectedIssue deviation = new DetectedIssue();
		deviation.getMeta().addProfile(SipUrls.DEVIATION_PROFILE);
		deviation.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
		deviation.getCode().addCoding(new Coding(SipUrls.DEVIATION_TYPE_SYSTEM, type, null));
		deviation.setPatient(new Reference(patient));
		deviation.setIdentified(new DateTimeType(Date.from(clock.instant())));
		implicated.forEach(ref -> deviation.addImplicated(new Reference(ref)));
		deviation.setDetail(detail);
		return (DetectedIssue) daoRegistry.getResourceDao(DetectedIssue.class).create(deviation, request).getResource();
	}
}
