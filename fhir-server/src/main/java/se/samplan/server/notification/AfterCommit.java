package se.samplan.server.notification;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What is done about a Subscription's write once it is committed (never for a write rolled back). */
final class AfterCommit {

	private AfterCommit() {
	}

	/** Runs the action after the current transaction commits, in the order registered; nothing outside a transaction. */
	static void run(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
	}
}
