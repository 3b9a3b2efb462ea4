package se.samplan.server.sip;

import org.hl7.fhir.r4.model.Coding;

/**
 * A rule of the law, the county guidelines or the workflow that the server keeps, most by refusing a request. Its code is the
 * one of the {@code sip-rule} code system, which a client finds in {@code OperationOutcome.issue.details}. The
 * class that keeps a rule says so with {@link Keeps}, from which the IG's rules page is generated.
 */
public enum SipRule {
	/** Samtycke: a plan is drawn up only with the person's consent. */
	R2("Samtycke", "consent"),
	/** Barn: both guardians consent, or a mature child. */
	R3("Barn", "children"),
	/** Utan dröjsmål: the county's day limits, kept as deadlines on the plan and the invitations. */
	R4("Utan dröjsmål", "without delay"),
	/** Kallelse: the invited answer; a decline needs a reason. */
	R5("Kallelse", "invitation"),
	/** Planens innehåll. */
	R6("Planens innehåll", "content"),
	/** Egna beslut: an organisation edits only its own activities. */
	R7("Egna beslut", "own services"),
	/** En plan: at most one open SIP per person. */
	R8("En plan", "one plan"),
	/** Avslut. */
	R10("Avslut", "closing"),
	/** Den enskildes åtkomst: the person's and guardians' access to the plan. */
	R13("Den enskildes åtkomst", "patient access"),
	/** Åtkomst och loggning: only the organisations taking part, within the consent. */
	R15("Åtkomst och loggning", "access and logging"),
	/** Undantag vid ÖPT och ÖRV: a samordnad vårdplan instead. */
	R11("Undantag vid ÖPT och ÖRV", "ÖPT/ÖRV"),
	/** Avvikelser. */
	R12("Avvikelser", "deviations"),
	/** Fasen styrs av servern. */
	W1("Fasen styrs av servern", "managed phase"),
	/** Avslutad plan är slutgiltig. */
	W2("Avslutad plan är slutgiltig", "closed is final"),
	/** Historiken bevaras. */
	W3("Historiken bevaras", "history kept");

	public static final String SYSTEM = SipUrls.RULE_SYSTEM;

	private final String display;
	private final String englishName;

	SipRule(String display, String englishName) {
		this.display = display;
		this.englishName = englishName;
	}

	/** The rule's short English name, for the IG. */
	public String englishName() {
		return englishName;
	}

	public Coding coding() {
		return new Coding(SYSTEM, name(), display);
	}
}
