package se.samplan.server.sip;

import org.springframework.core.annotation.AnnotationUtils;
import se.samplan.server.hapi.Delete;
import se.samplan.server.hapi.Write;
import se.samplan.server.hapi.WriteStep;

/**
 * One rule in the write pipeline: it checks every create, update and delete, whichever way it arrives, unless the
 * test-only {@link RuleSwitch} has it off. The rule it keeps is the one its {@link Keeps} names first.
 */
public abstract class RuleStep implements WriteStep {

	private final RuleSwitch ruleSwitch;
	private final SipRule rule;

	protected RuleStep(RuleSwitch ruleSwitch) {
		this.ruleSwitch = ruleSwitch;
		Keeps keeps = AnnotationUtils.findAnnotation(getClass(), Keeps.class);
		if (keeps == null) {
			throw new IllegalStateException(getClass() + " must say which rule it keeps (@Keeps)");
		}
		this.rule = keeps.value()[0];
	}

	public SipRule rule() {
		return rule;
	}

	/** Whether the rule is kept (always, but in the conformance kit's rule-off runs). */
	protected boolean holds() {
		return ruleSwitch.holds(rule);
	}

	@Override
	public final void beforeStore(Write write) {
		if (holds()) {
			check(write);
		}
	}

	@Override
	public final void beforeDelete(Delete delete) {
		if (holds()) {
			checkDelete(delete);
		}
	}

	/** Refuses a create or update by throwing a HAPI exception that carries an OperationOutcome naming the rule. */
	protected void check(Write write) {
	}

	protected void checkDelete(Delete delete) {
	}
}
