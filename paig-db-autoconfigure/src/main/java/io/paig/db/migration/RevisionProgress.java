package io.paig.db.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Follows Liquibase through a run revision by revision: logs one line per revision ({@code n/N}, id,
 * message, time taken), opens and closes each revision's transaction, and notes where it failed.
 *
 * @author paig-db
 */
final class RevisionProgress extends AbstractChangeExecListener {

	private static final Log logger = LogFactory.getLog(MigrationRunner.class);

	private final List<Revision> plan;

	private final Map<String, Revision> revisionByChangeSet = new HashMap<>();

	private final Map<Revision, Integer> positions = new java.util.IdentityHashMap<>();

	private final Map<String, String> lastChangeSetOfRevision = new HashMap<>();

	private final @Nullable RevisionTransaction transaction;

	private final List<Revision> applied = new ArrayList<>();

	private final Map<String, java.time.Duration> durations = new java.util.LinkedHashMap<>();

	private @Nullable Revision current;

	private long currentStart;

	private @Nullable ChangeSetRef failed;

	private @Nullable Revision failedRevision;

	/**
	 * Follow a run.
	 * @param plan the revisions the run applies, in order
	 * @param pending the changesets the run executes, in order
	 * @param transaction the revision transaction, or {@code null} where DDL commits itself
	 */
	RevisionProgress(List<Revision> plan, List<ChangeSetRef> pending, @Nullable RevisionTransaction transaction) {
		this.plan = plan;
		this.transaction = transaction;
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
		if (revision != null && revision != this.current) {
			this.current = revision;
			this.currentStart = System.nanoTime();
			if (this.transaction != null) {
				this.transaction.begin();
			}
		}
	}

	@Override
	public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			ChangeSet.ExecType execType) {
		String key = ChangeSetRef.keyOf(changeSet);
		Revision revision = this.revisionByChangeSet.get(key);
		if (revision == null || !key.equals(this.lastChangeSetOfRevision.get(revision.id()))) {
			return;
		}
		if (this.transaction != null) {
			// Liquibase commits right after this: the whole revision at once.
			this.transaction.end();
		}
		this.applied.add(revision);
		long millis = (System.nanoTime() - this.currentStart) / 1_000_000;
		this.durations.put(revision.id(), java.time.Duration.ofMillis(millis));
		logger.info("Revision " + position(revision) + "/" + this.plan.size() + " " + revision.id()
				+ " '" + revision.message() + "' applied in " + millis + " ms");
	}

	@Override
	public void runFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			Exception exception) {
		ChangeSetRef ref = ChangeSetRef.of(changeSet);
		this.failed = ref;
		this.failedRevision = this.revisionByChangeSet.get(ref.key());
		if (this.transaction != null) {
			this.transaction.rollback();
		}
	}

	List<Revision> applied() {
		return this.applied;
	}

	Map<String, java.time.Duration> durations() {
		return this.durations;
	}

	@Nullable ChangeSetRef failed() {
		return this.failed;
	}

	@Nullable Revision failedRevision() {
		return this.failedRevision;
	}

	int position(Revision revision) {
		return this.positions.getOrDefault(revision, 0);
	}

}
