package se.samplan.server.sip;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one class that keeps a rule (or the rules) of {@link SipRule}: the IG's rules page lists it, and the
 * tests tagged with the rule's id, so the map from rule to code and tests is read from the code itself.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Keeps {

	SipRule[] value();

	/** The resource types the rule applies to (the IG lists the rule on their profiles' pages). */
	String[] appliesTo();

	/** Where the rule is checked, in a few words (for the rules page). */
	String where();

	/** What a refused request gets, in a few words (for the rules page). */
	String refusal();
}
