package io.paig.db.migration.liquibase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.Revision;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

/**
 * Follows Liquibase through a run revision by revision: logs one line per revision
 * ({@code n/N}, id, message, time taken), opens and closes each revision's transaction
 * (or, where DDL commits itself, holds each changeset's first commit back until its
 * history row is written), and notes where it failed.
 *
 * @author paig-db authors
 */
public final class RevisionProgress extends RevisionListener {

	private final Map<String, String> lastChangeSetOfRevision = new HashMap<>();

	private final RevisionTransaction transaction;

	private final boolean wholeRevisions;

	/**
	 * Follow a run.
	 * @param plan the revisions the run applies, in order
	 * @param pending the changesets the run executes, in order
	 * @param transaction the connection's transaction calls
	 * @param wholeRevisions whether each revision is one transaction (the database's DDL
	 * is transactional); otherwise each changeset and its history row are committed
	 * together
	 */
	public RevisionProgress(List<Revision> plan, List<ChangeSetRef> pending, RevisionTransaction transaction,
			boolean wholeRevisions) {
		super(plan);
		this.transaction = transaction;
		this.wholeRevisions = wholeRevisions;
		for (Revision revision : plan) {
			for (ChangeSetRef changeSet : revision.changeSets()) {
				follow(changeSet, revision);
			}
		}
		for (ChangeSetRef changeSet : pending) {
			Revision revision = revisionOf(changeSet.key());
			if (revision != null) {
				this.lastChangeSetOfRevision.put(revision.id(), changeSet.key());
			}
		}
	}

	@Override
	public void willRun(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			ChangeSet.RunStatus runStatus) {
		Revision revision = revisionOf(ChangeSetRef.keyOf(changeSet));
		if (!this.wholeRevisions) {
			this.transaction.holdCommits();
		}
		if (revision != null && starting(revision) && this.wholeRevisions) {
			this.transaction.begin();
		}
	}

	@Override
	public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			ChangeSet.ExecType execType) {
		if (!this.wholeRevisions) {
			// Liquibase has recorded the changeset and commits right after this: changes
			// and row at once.
			this.transaction.releaseCommits();
		}
		String key = ChangeSetRef.keyOf(changeSet);
		Revision revision = revisionOf(key);
		if (revision == null || !key.equals(this.lastChangeSetOfRevision.get(revision.id()))) {
			return;
		}
		if (this.wholeRevisions) {
			// Liquibase commits right after this: the whole revision at once.
			this.transaction.end();
		}
		finished(revision, "applied");
	}

	@Override
	public void runFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			Exception exception) {
		failedAt(changeSet);
		this.transaction.rollback();
	}

}
