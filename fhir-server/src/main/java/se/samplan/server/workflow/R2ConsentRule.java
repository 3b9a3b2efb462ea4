package se.samplan.server.workflow;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.PlanParties;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.RuleStep;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipPhase;
import se.samplan.server.sip.SipPlans;
import se.samplan.server.sip.SipResources;
import se.samplan.server.sip.SipRule;

import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * R2 (samtycke): a plan is drawn up only with the person's consent, and only the organisations it names take part.
 * On every write path, no write makes an organisation a party of a SIP ({@link PlanParties}: the plan's author,
 * initiator, overall responsibility, activity performers and care teams, a care team's members, an invitation's
 * owner and requester, a meeting's participants) unless the consent in force covers it; before any consent only
 * the initiator's organisation takes part. A SIP consent is the plan's person's. The operations that need a
 * consent in force ({@code $sip-invite}, {@code $sip-activate}, {@code $sip-follow-up},
 * {@code $sip-withdraw-consent}) ask {@link #requireConsent}, and {@code $sip-invite} asks {@link #requireCovered}
 * for all its organisations at once.
 */
@Component
@Order(270)
@Keeps(appliesTo = {"CarePlan", "Consent", "CareTeam", "Appointment", "Task"}, value = SipRule.R2, where = "any write that makes an organisation a party of a plan; invite, activate, follow-up, withdraw",
		refusal = "422: without a consent in force; one issue per organisation the consent does not cover")
public class R2ConsentRule extends RuleStep {

	private final PlanRepository plans;
	private final PlanParties parties;
	private final Clock clock;

	R2ConsentRule(RuleSwitch ruleSwitch, PlanRepository plans, PlanParties parties, Clock clock) {
		super(ruleSwitch);
		this.plans = plans;
		this.parties = parties;
		this.clock = clock;
	}

	@Override
	protected void check(Write write) {
		RequestDetails request = write.request();
		if (write.resource() instanceof Consent consent && SipResources.isSipConsent(consent)) {
			checkPerson(consent, request);
		}
		Resource resource = (Resource) write.resource();
		if (!PlanParties.namesParties(resource)) {
			return;
		}
		Set<String> before = new HashSet<>();
		if (write.previous() != null) {
			parties.namedBy(write.previous(), request).forEach(p -> before.add(p.organization()));
		}
		List<PlanParties.Party> added = parties.namedBy(resource, request).stream()
				.filter(p -> !before.contains(p.organization())).toList();
		if (added.isEmpty()) {
			return;
		}
		Refusal refusal = Refusal.create();
		Set<String> refused = new HashSet<>();
		for (CarePlan plan : plansOf(resource, request)) {
			Set<String> consented = parties.facts(plan, request).consented(Date.from(clock.instant()));
			for (PlanParties.Party party : added) {
				if (!consented.contains(party.organization()) && refused.add(party.organization())) {
					notCovered(refusal, party.organization(), party.expression());
				}
			}
		}
		if (!refusal.isEmpty()) {
			throw refusal.unprocessable();
		}
	}

	/** 422 when the plan has no consent in force. */
	public void requireConsent(CarePlan plan, RequestDetails request) {
		if (holds() && plans.consentsInForce(plans.keyOf(plan, request), request).isEmpty()) {
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R2.coding(),
					"Det finns inget giltigt samtycke till planen.",
					"CarePlan/" + plan.getIdPart() + " has no consent in force; record it with $sip-consent first (R2).",
					"CarePlan").unprocessable();
		}
	}

	/** 422 naming each organisation the plan's consent does not cover; {@code expression} gives each one's place. */
	public void requireCovered(CarePlan plan, List<Reference> organizations, java.util.function.IntFunction<String> expression,
			RequestDetails request) {
		if (!holds()) {
			return;
		}
		Set<String> consented = parties.facts(plan, request).consented(Date.from(clock.instant()));
		Refusal refusal = Refusal.create();
		for (int i = 0; i < organizations.size(); i++) {
			String organization = plans.organizationOf(organizations.get(i), request);
			if (organization == null || !consented.contains(organization)) {
				notCovered(refusal, organizations.get(i).getReference(), expression.apply(i));
			}
		}
		if (!refusal.isEmpty()) {
			throw refusal.unprocessable();
		}
	}

	/** The open SIPs a resource belongs to; a plan being written is judged as written. */
	private List<CarePlan> plansOf(Resource resource, RequestDetails request) {
		if (resource instanceof CarePlan plan) {
			return SipPlans.isSip(plan) && !SipPhase.isClosed(plan) ? List.of(plan) : List.of();
		}
		return plans.plansOf(resource, request).stream().map(key -> plans.read(key, request))
				.flatMap(java.util.Optional::stream).map(CarePlan.class::cast)
				.filter(p -> SipPlans.isSip(p) && !SipPhase.isClosed(p)).toList();
	}

	/** A SIP consent is given for the plans of its own person. */
	private void checkPerson(Consent consent, RequestDetails request) {
		String person = plans.key(consent.getPatient(), request);
		for (String key : plans.plansOf(consent, request)) {
			plans.read(key, request).map(CarePlan.class::cast).filter(SipPlans::isSip).ifPresent(plan -> {
				String subject = plans.key(plan.getSubject(), request);
				if (subject != null && !subject.equals(person)) {
					throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R2.coding(),
							"Samtycket gäller en annan person än planen.",
							"Consent.patient is not the subject " + subject + " of the plan " + key + " (R2).",
							"Consent.patient").unprocessable();
				}
			});
		}
	}

	private static void notCovered(Refusal refusal, String organization, String expression) {
		refusal.issue(IssueType.BUSINESSRULE, SipRule.R2.coding(),
				"Samtycket omfattar inte " + organization + ", som därför inte kan delta i planen.",
				organization + " is not covered by the plan's consent in force (Consent.provision.actor), so it cannot take part;"
						+ " before any consent only the initiator's organisation takes part (R2).",
				expression);
	}
}
