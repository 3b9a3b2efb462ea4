package se.samplan.server.sip;

import org.hl7.fhir.r4.model.Coding;

/**
 * A rule of the law, the county guidelines or the workflow that can refuse a request. Its code is the
 * one of the {@code sip-rule} code system, which a client finds in {@code OperationOutcome.issue.details}. The
 * class that keeps a rule says so with {@link Keeps}, from which the IG's rules page is generated.
 */
public enum SipRule {
	/** Samtycke: a plan is drawn up only with the person's consent. */
	R2("Samtycke"),
	/** Barn: both guardians consent, or a mature child. */
	R3("Barn"),
	/** Kallelse: the invited answer; a decline needs a reason. */
	R5("Kallelse"),
	/** Planens innehåll. */
	R6("Planens innehåll"),
	/** Egna beslut: an organisation edits only its own activities. */
	R7("Egna beslut"),
	/** En plan: at most one open SIP per person. */
	R8("En plan"),
	/** Avslut. */
	R10("Avslut"),
	/** Den enskildes åtkomst: the person's and guardians' access to the plan. */
	R13("Den enskildes åtkomst"),
	/** Åtkomst och loggning: only the organisations taking part, within the consent. */
	R15("Åtkomst och loggning"),
	/** Undantag vid ÖPT och ÖRV: a samordnad vårdplan instead. */
	R11("Undantag vid ÖPT och ÖRV"),
	/** Avvikelser. */
	R12("Avvikelser"),
	/** Fasen styrs av servern. */
	W1("Fasen styrs av servern"),
	/** Avslutad plan är slutgiltig. */
	W2("Avslutad plan är slutgiltig"),
	/** Historiken bevaras. */
	W3("Historiken bevaras");

	public static final String SYSTEM = SipUrls.RULE_SYSTEM;

	private final String display;

	SipRule(String display) {
		this.display = display;
	}

	public Coding coding() {
		return new Coding(SYSTEM, name(), display);
	}
}
