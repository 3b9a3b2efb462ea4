package se.samplan.server.workflow;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.validation.SipCarePlan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** R8 (en plan): a person has at most one open SIP; new needs revise the plan they have. */
@Component
@Order(20)
class OnePlanRule implements WriteRule {

	private static final String KEY = OnePlanRule.class.getName();

	private final SipRecords records;

	OnePlanRule(SipRecords records) {
		this.records = records;
	}

	@Override
	public SipRule rule() {
		return SipRule.R8;
	}

	@Override
	public void check(Write write) {
		IBaseResource resource = write.resource();
		if (!SipCarePlan.isSip(resource) || SipPhase.isClosed((CarePlan) resource)) {
			return;
		}
		CarePlan plan = (CarePlan) resource;
		String subject = plan.getSubject().getReference();
		if (subject == null) {
			return; // no subject: the profile refuses it
		}
		String self = plan.getIdElement().getIdPart();
		List<String> others = new ArrayList<>(records.openSips(subject).stream()
				.filter(p -> !p.getIdElement().getIdPart().equals(self))
				.map(p -> "CarePlan/" + p.getIdElement().getIdPart())
				.toList());
		// Plans written earlier in the same transaction are not searchable yet.
		Map<String, String> inThisTransaction = write.transaction().getOrCreateUserData(KEY, HashMap::new);
		String earlier = inThisTransaction.putIfAbsent(subject, self == null ? "(ny plan)" : "CarePlan/" + self);
		if (earlier != null && !earlier.equals("CarePlan/" + self)) {
			others.add(earlier);
		}
		if (!others.isEmpty()) {
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R8.coding(),
					"Personen har redan en öppen SIP (" + others.get(0) + "). Nya behov läggs in i den planen.",
					subject + " already has an open SIP, " + others.get(0) + " (R8): revise that plan instead.",
					"CarePlan.subject").unprocessable();
		}
	}
}
