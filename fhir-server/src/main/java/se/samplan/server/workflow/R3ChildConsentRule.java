package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;
import se.samplan.server.sip.Keeps;
import se.samplan.server.sip.PlanRepository;
import se.samplan.server.sip.RuleStep;
import se.samplan.server.sip.RuleSwitch;
import se.samplan.server.sip.SipResources;
import se.samplan.server.sip.SipRule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * R3 (barn): an active SIP consent for a person under 18 is valid only when every registered guardian
 * (vårdnadshavare: an active RelatedPerson with GUARD) gives it, or when the child gives it and a documented
 * maturity judgement says the child is mature enough to decide. Guardians registered in the same transaction
 * count.
 */
@Component
@Order(250)
@Keeps(appliesTo = {"Consent"}, value = SipRule.R3, where = "any write of an active SIP consent, also by $sip-consent", refusal = "422, names the missing guardians")
class R3ChildConsentRule extends RuleStep {

	static final int ADULT_AGE = 18;

	private final PlanRepository plans;
	private final Clock clock;

	R3ChildConsentRule(RuleSwitch ruleSwitch, PlanRepository plans, Clock clock) {
		super(ruleSwitch);
		this.plans = plans;
		this.clock = clock;
	}

	@Override
	protected void check(Write write) {
		if (!(write.resource() instanceof Consent consent) || consent.getStatus() != Consent.ConsentState.ACTIVE
				|| !SipResources.isSipConsent(consent)) {
			return;
		}
		Patient person = plans.read(consent.getPatient(), Patient.class, write.request()).orElse(null);
		if (person == null || !person.hasBirthDate() || SipResources.age(person, LocalDate.now(clock)) >= ADULT_AGE) {
			return;
		}
		String personKey = plans.keyOf(person, write.request());
		Set<String> performers = consent.getPerformer().stream().map(p -> plans.key(p, write.request()))
				.filter(Objects::nonNull).collect(Collectors.toSet());
		if (performers.contains(personKey) && SipResources.judgedMature(consent)) {
			return;
		}
		List<String> missing = plans.guardians(personKey, write.request()).stream()
				.map(g -> plans.keyOf(g, write.request()))
				.filter(g -> !performers.contains(g))
				.toList();
		if (!missing.isEmpty()) {
			String who = String.join(", ", missing.stream().map(g -> g.startsWith("urn:") ? "(ny vårdnadshavare)" : g).toList());
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R3.coding(),
					"Barnet är under 18 år: båda vårdnadshavarna måste samtycka, eller barnet självt om det har bedömts moget att ta ställning. Saknas: " + who + ".",
					"The person is under " + ADULT_AGE + ": every registered guardian must give the consent, or the child with a maturity judgement (sip-child-maturity, mature = true) (R3)."
							+ " Missing: " + who + ".",
					"Consent.performer").unprocessable();
		}
	}
}
