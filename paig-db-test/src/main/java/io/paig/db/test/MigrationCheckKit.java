package io.paig.db.test;

import java.util.List;

import javax.sql.DataSource;

import io.paig.db.autogenerate.SchemaComparison;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationStatus;
import io.paig.db.migration.Revision;
import io.paig.db.migration.RevisionHistory;
import io.paig.db.migration.runner.MigrationRunner;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * The checks themselves, on a runner and its database; {@link MigrationChecks} runs them
 * as tests. Each failure names the revision and the object that differs.
 *
 * @author paig-db authors
 */
public class MigrationCheckKit {

	private final MigrationRunner runner;

	private final SchemaSnapshots snapshots;

	private final @Nullable SchemaComparison comparison;

	/**
	 * Create the kit.
	 * @param runner the runner whose revisions to check
	 * @param dataSource its database
	 * @param comparison compares the JPA entities with the database, or {@code null}
	 * without JPA
	 */
	public MigrationCheckKit(MigrationRunner runner, DataSource dataSource, @Nullable SchemaComparison comparison) {
		this.runner = runner;
		this.snapshots = new SchemaSnapshots(dataSource, runner.getSettings().bookkeepingTables());
		this.comparison = comparison;
	}

	/**
	 * The history is one line: every revision's parent is the one before it, every parent
	 * exists, no two revisions share an id.
	 */
	public void singleHead() {
		RevisionHistory history;
		try {
			history = this.runner.status().getHistory();
		}
		catch (MigrationException ex) {
			throw new AssertionFailedError("The history is not one line: " + ex.getDescription(), ex);
		}
		for (Revision revision : history.getRevisions()) {
			if (revision.parent() != null && history.get(revision.parent()).isEmpty()) {
				throw new AssertionFailedError("Revision " + revision + " names '" + revision.parent()
						+ "' as its parent, which is not in the history.");
			}
		}
		if (history.getRevisions().isEmpty()) {
			throw new AssertionFailedError("The changelog " + history.getChangelog() + " holds no revision.");
		}
	}

	/**
	 * An empty database upgrades to head.
	 */
	public void upgradeFromBase() {
		toBase();
		List<String> before;
		try (SchemaSnapshots.Snapshot snapshot = this.snapshots.take()) {
			before = this.snapshots.tables(snapshot);
		}
		if (!before.isEmpty()) {
			throw new AssertionFailedError("The database is not empty at base (tables " + before
					+ "): the checks need a database of their own.");
		}
		try {
			this.runner.upgrade("head");
		}
		catch (MigrationException ex) {
			throw new AssertionFailedError("Upgrading an empty database to head failed: " + ex.getDescription(), ex);
		}
		MigrationStatus status = this.runner.status();
		if (!status.isUpToDate()) {
			throw new AssertionFailedError(
					"After 'upgrade head' revisions are still pending: " + status.getPendingRevisions());
		}
	}

	/**
	 * From base (or a given revision), for each revision in turn: upgrade one, downgrade
	 * one, upgrade one again; the schema after each downgrade is the schema before that
	 * upgrade.
	 * @param startAt the revision to start from, or {@code null} for base
	 */
	public void stairway(@Nullable String startAt) {
		toBase();
		List<Revision> revisions = this.runner.status().getHistory().getRevisions();
		int first = 0;
		if (startAt != null) {
			Revision start = this.runner.status().getHistory().find(startAt);
			this.runner.upgrade(start.id());
			first = revisions.indexOf(start) + 1;
		}
		for (Revision revision : revisions.subList(first, revisions.size())) {
			if (!revision.isReversible()) {
				throw new AssertionFailedError("Revision " + revision + " has no rollback for changeset(s) "
						+ revision.changeSets()
							.stream()
							.filter((changeSet) -> !changeSet.hasRollback())
							.map((c) -> c.id())
							.toList()
						+ ": it cannot be downgraded.");
			}
			List<String> differences;
			try (SchemaSnapshots.Snapshot before = this.snapshots.take()) {
				step("upgrade", revision, () -> this.runner.upgrade("+1"));
				step("downgrade", revision, () -> this.runner.downgrade("-1"));
				try (SchemaSnapshots.Snapshot after = this.snapshots.take()) {
					differences = this.snapshots.differences(before, after);
				}
			}
			if (!differences.isEmpty()) {
				throw new AssertionFailedError("Revision " + revision + " does not undo itself: after its downgrade "
						+ String.join("; ", differences));
			}
			step("upgrade again", revision, () -> this.runner.upgrade("+1"));
		}
	}

	/**
	 * {@code downgrade base} leaves none of the revisions' objects behind.
	 */
	public void downgradeLeavesNoTrace() {
		toBase();
		List<String> differences;
		try (SchemaSnapshots.Snapshot empty = this.snapshots.take()) {
			this.runner.upgrade("head");
			try {
				this.runner.downgrade("base");
			}
			catch (MigrationException ex) {
				throw new AssertionFailedError("'downgrade base' failed: " + ex.getDescription(), ex);
			}
			try (SchemaSnapshots.Snapshot after = this.snapshots.take()) {
				differences = this.snapshots.differences(empty, after);
			}
		}
		if (!differences.isEmpty()) {
			throw new AssertionFailedError("'downgrade base' left behind: " + String.join("; ", differences));
		}
	}

	/**
	 * At head, the JPA entities and the database agree (the comparison of
	 * {@code db check}).
	 */
	public void modelsMatchSchema() {
		if (this.comparison == null) {
			throw new AssertionFailedError(
					"There are no JPA entities to compare with (no Hibernate EntityManagerFactory).");
		}
		this.runner.upgrade("head");
		SchemaComparison.Result result = this.comparison.compare("check");
		if (!result.isEmpty()) {
			throw new AssertionFailedError(
					"The JPA entities and the database at head differ: " + String.join("; ", result.differences())
							+ ". Write a revision for them: db revision --autogenerate -m \"...\"");
		}
	}

	private void toBase() {
		MigrationStatus status = this.runner.status();
		if (status.getCurrent() != null || !status.getAppliedRevisions().isEmpty()) {
			try {
				this.runner.downgrade("base");
			}
			catch (MigrationException ex) {
				throw new AssertionFailedError(
						"Could not bring the database back to base to start the check: " + ex.getDescription(), ex);
			}
		}
	}

	private static void step(String what, Revision revision, Runnable step) {
		try {
			step.run();
		}
		catch (MigrationException ex) {
			throw new AssertionFailedError("Revision " + revision + ": " + what + " failed: " + ex.getDescription(),
					ex);
		}
	}

}
