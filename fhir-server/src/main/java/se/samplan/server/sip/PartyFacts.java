package se.samplan.server.sip;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The facts about one plan that decide who may take part in it (R2) and who may read it (R15), judged at a moment
 * in time because a consent can end.
 *
 * @param parties the organisations taking part ({@link PlanParties#of})
 * @param consents the plan's SIP consents, whatever their status
 * @param initiator the organisation that took the initiative
 * @param responsible the organisation with overall responsibility, or else the initiator
 */
public record PartyFacts(Set<String> parties, List<ConsentFact> consents, String initiator, String responsible) {

	/** A consent as the decisions need it. */
	public record ConsentFact(boolean active, Date end, Set<String> actors) {

		boolean inForce(Date now) {
			return active && (end == null || end.after(now));
		}
	}

	/**
	 * The organisations the person's consent lets take part now: those the consents in force name; before any
	 * consent only the initiator's; once every consent has been withdrawn or has ended, none.
	 */
	public Set<String> consented(Date now) {
		if (consents.isEmpty()) {
			return initiator == null ? Set.of() : Set.of(initiator);
		}
		Set<String> covered = new LinkedHashSet<>();
		consents.stream().filter(c -> c.inForce(now)).forEach(c -> covered.addAll(c.actors()));
		return covered;
	}

	/**
	 * The organisations that may read the plan: those taking part that the consent covers; once every consent has
	 * been withdrawn or has ended, only the responsible organisation, which keeps the closed record.
	 */
	public Set<String> readers(Date now) {
		if (!consents.isEmpty() && consents.stream().noneMatch(c -> c.inForce(now))) {
			return responsible == null ? Set.of() : Set.of(responsible);
		}
		Set<String> readers = new LinkedHashSet<>(parties);
		readers.retainAll(consented(now));
		return readers;
	}

	/** Whether who may read the plan changes by itself at a set time: a consent in force has an end. */
	public boolean endsByItself(Date now) {
		return consents.stream().anyMatch(c -> c.inForce(now) && c.end() != null);
	}
}
