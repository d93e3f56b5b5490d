package io.paig.db.migration.liquibase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.Revision;
import io.paig.db.migration.runner.MigrationRunner;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Follows Liquibase through a run revision by revision: logs one line per revision
 * ({@code n/N}, id, message, time taken), opens and closes each revision's transaction
 * (or, where DDL commits itself, holds each changeset's first commit back until its
 * history row is written), and notes where it failed.
 *
 * @author paig-db authors
 */
public final class RevisionProgress extends AbstractChangeExecListener {

	private static final Log logger = LogFactory.getLog(RevisionProgress.class);

	private final List<Revision> plan;

	private final Map<String, Revision> revisionByChangeSet = new HashMap<>();

	private final Map<Revision, Integer> positions = new IdentityHashMap<>();

	private final Map<String, String> lastChangeSetOfRevision = new HashMap<>();

	private final RevisionTransaction transaction;

	private final boolean wholeRevisions;

	private final List<Revision> applied = new ArrayList<>();

	private final Map<String, Duration> durations = new LinkedHashMap<>();

	private @Nullable Revision current;

	private long currentStart;

	private @Nullable ChangeSetRef failed;

	private @Nullable Revision failedRevision;

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
		this.plan = plan;
		this.transaction = transaction;
		this.wholeRevisions = wholeRevisions;
		for (Revision revision : plan) {
			this.positions.put(revision, this.positions.size() + 1);
			for (ChangeSetRef changeSet : revision.changeSets()) {
				this.revisionByChangeSet.put(changeSet.key(), revision);
			}
		}
		for (ChangeSetRef changeSet : pending) {
			Revision revision = this.revisionByChangeSet.get(changeSet.key());
			if (revision != null) {
				this.lastChangeSetOfRevision.put(revision.id(), changeSet.key());
			}
		}
	}

	@Override
	public void willRun(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			ChangeSet.RunStatus runStatus) {
		Revision revision = this.revisionByChangeSet.get(ChangeSetRef.keyOf(changeSet));
		if (!this.wholeRevisions) {
			this.transaction.holdCommits();
		}
		if (revision != null && revision != this.current) {
			this.current = revision;
			this.currentStart = System.nanoTime();
			if (this.wholeRevisions) {
				this.transaction.begin();
			}
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
		Revision revision = this.revisionByChangeSet.get(key);
		if (revision == null || !key.equals(this.lastChangeSetOfRevision.get(revision.id()))) {
			return;
		}
		if (this.wholeRevisions) {
			// Liquibase commits right after this: the whole revision at once.
			this.transaction.end();
		}
		this.applied.add(revision);
		long millis = (System.nanoTime() - this.currentStart) / 1_000_000;
		this.durations.put(revision.id(), Duration.ofMillis(millis));
		logger.info("Revision " + position(revision) + "/" + this.plan.size() + " " + revision.id() + " '"
				+ revision.message() + "' applied in " + millis + " ms");
	}

	@Override
	public void runFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			Exception exception) {
		ChangeSetRef ref = ChangeSetRef.of(changeSet);
		this.failed = ref;
		this.failedRevision = this.revisionByChangeSet.get(ref.key());
		this.transaction.rollback();
	}

	public List<Revision> applied() {
		return this.applied;
	}

	public Map<String, Duration> durations() {
		return this.durations;
	}

	public @Nullable ChangeSetRef failed() {
		return this.failed;
	}

	public @Nullable Revision failedRevision() {
		return this.failedRevision;
	}

	public int position(Revision revision) {
		return this.positions.getOrDefault(revision, 0);
	}

}
