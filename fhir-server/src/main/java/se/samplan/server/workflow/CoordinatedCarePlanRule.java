package se.samplan.server.workflow;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.validation.SipCarePlan;

/**
 * R11 (undantag vid ÖPT och ÖRV): for a person in open compulsory or open forensic psychiatric care,
 * coordination happens in a samordnad vårdplan (national type SPLPTLRV), so no SIP is started.
 */
@Component
@Order(30)
class CoordinatedCarePlanRule implements WriteRule {

	private final SipRecords records;

	CoordinatedCarePlanRule(SipRecords records) {
		this.records = records;
	}

	@Override
	public SipRule rule() {
		return SipRule.R11;
	}

	@Override
	public void check(Write write) {
		IBaseResource resource = write.resource();
		if (!write.isCreate() || !SipCarePlan.isSip(resource) || SipPhase.isClosed((CarePlan) resource)) {
			return;
		}
		String subject = ((CarePlan) resource).getSubject().getReference();
		if (subject != null && !records.activeCoordinatedCarePlans(subject).isEmpty()) {
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R11.coding(),
					"Personen har öppen psykiatrisk tvångsvård eller öppen rättspsykiatrisk vård. Samordningen görs i en samordnad vårdplan i stället för en SIP.",
					subject + " has an active plan of national type SPLPTLRV (ÖPT/ÖRV): coordinate in that plan, not a SIP (R11).",
					"CarePlan.subject").unprocessable();
		}
	}
}
