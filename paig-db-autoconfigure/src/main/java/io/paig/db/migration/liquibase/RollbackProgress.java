package io.paig.db.migration.liquibase;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.paig.db.migration.AppliedChangeSet;
import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.Revision;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import org.jspecify.annotations.Nullable;

/**
 * Follows Liquibase through a rollback revision by revision, newest first: one log line
 * per revision, one transaction per revision where the database allows it.
 *
 * @author paig-db authors
 */
public final class RollbackProgress extends RevisionListener {

	private final Map<String, Set<String>> remaining = new HashMap<>();

	private final @Nullable RevisionTransaction transaction;

	/**
	 * Follow a rollback.
	 * @param plan the revisions to revert, newest first
	 * @param rows the history rows of their changesets
	 * @param transaction the connection's transaction calls, when each revision is one
	 * transaction
	 */
	public RollbackProgress(List<Revision> plan, List<AppliedChangeSet> rows,
			@Nullable RevisionTransaction transaction) {
		super(plan);
		this.transaction = transaction;
		Set<String> ran = new HashSet<>();
		rows.forEach((row) -> ran.add(row.key()));
		for (Revision revision : plan) {
			Set<String> keys = new HashSet<>();
			for (ChangeSetRef changeSet : revision.changeSets()) {
				if (ran.contains(changeSet.key())) {
					keys.add(changeSet.key());
					follow(changeSet, revision);
				}
			}
			this.remaining.put(revision.id(), keys);
		}
	}

	@Override
	public void willRollback(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database) {
		Revision revision = revisionOf(ChangeSetRef.keyOf(changeSet));
		if (revision != null && starting(revision) && this.transaction != null) {
			this.transaction.begin();
		}
	}

	@Override
	public void rolledBack(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database) {
		String key = ChangeSetRef.keyOf(changeSet);
		Revision revision = revisionOf(key);
		if (revision == null) {
			return;
		}
		Set<String> left = this.remaining.get(revision.id());
		left.remove(key);
		if (!left.isEmpty()) {
			return;
		}
		if (this.transaction != null) {
			this.transaction.end();
		}
		finished(revision, "reverted");
	}

	@Override
	public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			Exception exception) {
		failedAt(changeSet);
		if (this.transaction != null) {
			this.transaction.rollback();
		}
	}

}
