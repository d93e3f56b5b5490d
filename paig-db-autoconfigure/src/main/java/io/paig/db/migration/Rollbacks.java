package io.paig.db.migration;

import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;

/**
 * Whether a changeset can be reverted: it has an explicit rollback, or every change in it
 * is one Liquibase knows how to reverse (create table, add column, ...).
 *
 * @author paig-db authors
 */
final class Rollbacks {

	private Rollbacks() {
	}

	static boolean isReversible(ChangeSet changeSet) {
		if (changeSet.getRollback() != null && !changeSet.getRollback().getChanges().isEmpty()) {
			return true;
		}
		if (changeSet.getChanges().isEmpty()) {
			return true;
		}
		for (Change change : changeSet.getChanges()) {
			if (!supportsRollback(change)) {
				return false;
			}
		}
		return true;
	}

	private static boolean supportsRollback(Change change) {
		try {
			return change.supportsRollback((Database) null);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
