package se.samplan.server.workflow;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samplan.profiles.SipPackage;
import se.samplan.server.hapi.Write;
import se.samplan.server.outcome.Refusal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * R3 (barn): an active SIP consent for a person under 18 is valid only when every registered guardian
 * (vårdnadshavare: an active RelatedPerson with GUARD) gives it, or when the child gives it and a
 * documented maturity judgement says the child is mature enough to decide.
 */
@Component
@Order(50)
class ChildConsentRule implements WriteRule {

	static final String CONSENT_CATEGORY_SYSTEM = SipPackage.codeSystem("sip-consent-category");
	static final String CHILD_MATURITY = SipPackage.structureDefinition("sip-child-maturity");
	static final int ADULT_AGE = 18;

	private final SipRecords records;

	ChildConsentRule(SipRecords records) {
		this.records = records;
	}

	@Override
	public SipRule rule() {
		return SipRule.R3;
	}

	@Override
	public void check(Write write) {
		if (!(write.resource() instanceof Consent consent) || consent.getStatus() != Consent.ConsentState.ACTIVE
				|| consent.getCategory().stream().noneMatch(c -> c.hasCoding(CONSENT_CATEGORY_SYSTEM, "sip"))) {
			return;
		}
		Patient person = records.patient(consent.getPatient()).orElse(null);
		if (person == null || !person.hasBirthDate() || !isChild(person)) {
			return;
		}
		String personRef = "Patient/" + person.getIdPart();
		Set<String> performers = consent.getPerformer().stream().map(Reference::getReference).collect(Collectors.toSet());
		if (performers.contains(personRef) && judgedMature(consent)) {
			return;
		}
		List<String> missing = records.guardians(personRef).stream()
				.map(g -> "RelatedPerson/" + g.getIdPart())
				.filter(g -> !performers.contains(g))
				.toList();
		if (!missing.isEmpty()) {
			String who = " Saknas: " + String.join(", ", missing) + ".";
			throw Refusal.create().issue(IssueType.BUSINESSRULE, SipRule.R3.coding(),
					"Barnet är under 18 år: båda vårdnadshavarna måste samtycka, eller barnet självt om det har bedömts moget att ta ställning." + who,
					"The person is under " + ADULT_AGE + ": every registered guardian must give the consent, or the child with a maturity judgement (sip-child-maturity, mature = true) (R3)."
							+ " Missing: " + String.join(", ", missing) + ".",
					"Consent.performer").unprocessable();
		}
	}

	private static boolean isChild(Patient person) {
		LocalDate born = person.getBirthDateElement().getValueAsCalendar().toInstant().atZone(ZoneId.of("Europe/Stockholm")).toLocalDate();
		return born.plusYears(ADULT_AGE).isAfter(LocalDate.now(ZoneId.of("Europe/Stockholm")));
	}

	private static boolean judgedMature(Consent consent) {
		Extension maturity = consent.getExtensionByUrl(CHILD_MATURITY);
		return maturity != null && maturity.getExtensionByUrl("mature") != null
				&& maturity.getExtensionByUrl("mature").getValue() instanceof BooleanType mature && mature.booleanValue();
	}
}
