package se.samplan.testkit;

/**
 * The parties the checks act as, from the package's example directory (scenario 1 and 2), which a server
 * under test must hold: load the package's Organization and PractitionerRole examples first.
 */
public final class Parties {

	/** The district nurse (distriktssköterska) at the health centre, who takes the initiative. */
	public static final String INITIATOR = "PractitionerRole/sip1-role-distriktsskoterska";
	public static final String INITIATOR_ORGANIZATION = "Organization/sip1-org-vardcentral";
	/** The municipality (kommun), invited to the plan; it acts as a backend client bound to the organisation. */
	public static final String PARTNER = "Organization/sip1-org-kommun";
	/** Child psychiatry (BUP) of another scenario, which takes no part in the kit's plans. */
	public static final String OUTSIDER = "Organization/sip2-org-bup";
	/** The server's operator (admin scope), who writes directory data. */
	public static final String OPERATOR = "operator";

	private Parties() {}
}
