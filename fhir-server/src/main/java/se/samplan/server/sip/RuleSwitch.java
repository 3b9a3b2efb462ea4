package se.samplan.server.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Test only: the rules switched off by {@code samplan.testing.rules-off} (for example {@code R7,W2}), so that the
 * conformance test kit can be shown to fail the tests of a rule a server does not keep: the workflow's
 * preconditions, and who sees what for organisations (R15) and for persons and guardians (R13). Unset, every
 * rule holds; a server with a rule off logs an error.
 */
@Component
public class RuleSwitch {

	private static final Logger log = LoggerFactory.getLogger(RuleSwitch.class);

	private volatile Set<SipRule> off = Set.of();

	RuleSwitch(@Value("${samplan.testing.rules-off:}") List<SipRule> off) {
		switchOff(off);
	}

	public boolean holds(SipRule rule) {
		return !off.contains(rule);
	}

	/** Replaces the rules switched off; empty switches every rule on again. */
	public void switchOff(Collection<SipRule> rules) {
		off = rules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rules));
		if (!off.isEmpty()) {
			log.error("samplan.testing.rules-off: the rules {} are NOT enforced. Never use this outside tests.", off);
		}
	}
}
