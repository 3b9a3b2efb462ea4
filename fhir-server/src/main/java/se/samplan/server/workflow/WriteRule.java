package se.samplan.server.workflow;

import se.samplan.server.hapi.Write;

/** One rule about what may be stored, checked by {@link SipRules} on every create and update. */
interface WriteRule {

	/** The rule this check keeps. */
	SipRule rule();

	/** Refuses the write by throwing a HAPI exception that carries an OperationOutcome naming this rule. */
	void check(Write write);
}
