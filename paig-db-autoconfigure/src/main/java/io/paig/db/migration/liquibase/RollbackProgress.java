package io.paig.db.migration.liquibase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.paig.db.migration.AppliedChangeSet;
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
 * Follows Liquibase through a rollback revision by revision, newest first: one log line
 * per revision, one transaction per revision where the database allows it.
 *
 * @author paig-db authors
 */
public final class RollbackProgress extends AbstractChangeExecListener {

	private static final Log logger = LogFactory.getLog(RollbackProgress.class);

	private final List<Revision> plan;

	private final Map<String, Revision> revisionByChangeSet = new HashMap<>();

	private final Map<String, Set<String>> remaining = new HashMap<>();

	private final @Nullable RevisionTransaction transaction;

	private final List<Revision> reverted = new ArrayList<>();

	private final Map<String, Duration> durations = new LinkedHashMap<>();

	private @Nullable Revision current;

	private long currentStart;

	private @Nullable ChangeSetRef failed;

	public RollbackProgress(List<Revision> plan, List<AppliedChangeSet> rows,
			@Nullable RevisionTransaction transaction) {
		this.plan = plan;
		this.transaction = transaction;
		Set<String> ran = new HashSet<>();
		rows.forEach((row) -> ran.add(row.key()));
		for (Revision revision : plan) {
			Set<String> keys = new HashSet<>();
			for (ChangeSetRef changeSet : revision.changeSets()) {
				if (ran.contains(changeSet.key())) {
					keys.add(changeSet.key());
					this.revisionByChangeSet.put(changeSet.key(), revision);
				}
			}
			this.remaining.put(revision.id(), keys);
		}
	}

	@Override
	public void willRollback(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database) {
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
	public void rolledBack(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database) {
		String key = ChangeSetRef.keyOf(changeSet);
		Revision revision = this.revisionByChangeSet.get(key);
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
		this.reverted.add(revision);
		long millis = (System.nanoTime() - this.currentStart) / 1_000_000;
		this.durations.put(revision.id(), Duration.ofMillis(millis));
		logger.info("Revision " + (this.plan.indexOf(revision) + 1) + "/" + this.plan.size() + " " + revision.id()
				+ " '" + revision.message() + "' reverted in " + millis + " ms");
	}

	@Override
	public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			Exception exception) {
		this.failed = ChangeSetRef.of(changeSet);
		if (this.transaction != null) {
			this.transaction.rollback();
		}
	}

	public List<Revision> reverted() {
		return this.reverted;
	}

	public Map<String, Duration> durations() {
		return this.durations;
	}

	public @Nullable ChangeSetRef failed() {
		return this.failed;
	}

	public @Nullable Revision failedRevision() {
		return (this.failed != null) ? this.revisionByChangeSet.get(this.failed.key()) : null;
	}

}
