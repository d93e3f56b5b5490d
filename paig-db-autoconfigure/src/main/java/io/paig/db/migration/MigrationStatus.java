package io.paig.db.migration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Where the database stands against the revision history: which revisions are applied,
 * which are pending, and which applied changesets were edited since.
 *
 * @author paig-db authors
 */
public final class MigrationStatus {

	private final RevisionHistory history;

	private final List<AppliedChangeSet> applied;

	private final List<Revision> appliedRevisions;

	private final List<Revision> pendingRevisions;

	private final List<ChangeSetRef> pendingChangeSets;

	private final List<EditedChangeSet> edited;

	private final Map<String, AppliedChangeSet> appliedByKey;

	private final Set<String> appliedIds = new HashSet<>();

	private final Set<ChangeSetRef> pendingSet;

	/**
	 * Compute the status.
	 * @param history the revisions
	 * @param applied the rows of the history table
	 * @param runs which changesets this database would run (contexts, labels and dbms)
	 * @param edited the applied changesets whose checksums no longer match their files
	 */
	public MigrationStatus(RevisionHistory history, List<AppliedChangeSet> applied, Predicate<ChangeSetRef> runs,
			List<EditedChangeSet> edited) {
		this.history = history;
		this.applied = Collections.unmodifiableList(applied);
		this.edited = Collections.unmodifiableList(edited);
		List<Revision> appliedRevisions = new ArrayList<>();
		List<Revision> pendingRevisions = new ArrayList<>();
		List<ChangeSetRef> pendingChangeSets = new ArrayList<>();
		Map<String, AppliedChangeSet> ran = new HashMap<>();
		applied.forEach((row) -> ran.putIfAbsent(ChangeSetRef.key(row.id(), row.author(), row.file()), row));
		for (Revision revision : history.getRevisions()) {
			List<ChangeSetRef> missing = revision.changeSets()
				.stream()
				.filter(runs)
				.filter((changeSet) -> !ran.containsKey(changeSet.key()))
				.toList();
			if (missing.isEmpty()) {
				appliedRevisions.add(revision);
			}
			else {
				pendingRevisions.add(revision);
				pendingChangeSets.addAll(missing);
			}
		}
		this.appliedRevisions = Collections.unmodifiableList(appliedRevisions);
		this.pendingRevisions = Collections.unmodifiableList(pendingRevisions);
		this.pendingChangeSets = Collections.unmodifiableList(pendingChangeSets);
		this.appliedByKey = ran;
		appliedRevisions.forEach((revision) -> this.appliedIds.add(revision.id()));
		this.pendingSet = new HashSet<>(pendingChangeSets);
	}

	public RevisionHistory getHistory() {
		return this.history;
	}

	/**
	 * The history table's rows, in the order they ran.
	 * @return the applied changesets
	 */
	public List<AppliedChangeSet> getApplied() {
		return this.applied;
	}

	/**
	 * The revisions whose changesets have all run, base first.
	 * @return the applied revisions
	 */
	public List<Revision> getAppliedRevisions() {
		return this.appliedRevisions;
	}

	/**
	 * The revisions with a changeset still to run, in the order they will run.
	 * @return the pending revisions
	 */
	public List<Revision> getPendingRevisions() {
		return this.pendingRevisions;
	}

	/**
	 * The changesets still to run, in order.
	 * @return the pending changesets
	 */
	public List<ChangeSetRef> getPendingChangeSets() {
		return this.pendingChangeSets;
	}

	/**
	 * The history table's row of a changeset.
	 * @param changeSet the changeset
	 * @return its row, or {@code null} when it has not run
	 */
	public @Nullable AppliedChangeSet appliedRow(ChangeSetRef changeSet) {
		return this.appliedByKey.get(changeSet.key());
	}

	/**
	 * Whether every changeset of a revision of this status's history has run.
	 * @param revision the revision
	 * @return {@code true} when it is applied
	 */
	public boolean isApplied(Revision revision) {
		// ids are unique within a history
		return this.appliedIds.contains(revision.id());
	}

	/**
	 * Whether a changeset is still to run.
	 * @param changeSet the changeset
	 * @return {@code true} when it is pending
	 */
	public boolean isPending(ChangeSetRef changeSet) {
		return this.pendingSet.contains(changeSet);
	}

	/**
	 * Applied changesets whose files changed since they ran.
	 * @return the edited changesets
	 */
	public List<EditedChangeSet> getEdited() {
		return this.edited;
	}

	/**
	 * The revision the database is at: the last one in the history with every revision up
	 * to it applied.
	 * @return the current revision, or {@code null} at base
	 */
	public @Nullable Revision getCurrent() {
		Revision current = null;
		for (Revision revision : this.history.getRevisions()) {
			if (!isApplied(revision)) {
				break;
			}
			current = revision;
		}
		return current;
	}

	/**
	 * Whether nothing is pending.
	 * @return {@code true} at head
	 */
	public boolean isUpToDate() {
		return this.pendingRevisions.isEmpty();
	}

	/**
	 * An applied changeset whose file no longer gives the checksum recorded when it ran.
	 *
	 * @param revision the revision it belongs to
	 * @param changeSet the changeset
	 * @param recorded the checksum in the history table
	 * @param current the checksum of the file now
	 */
	public record EditedChangeSet(Revision revision, ChangeSetRef changeSet, String recorded, String current) {

		@Override
		public String toString() {
			return "revision " + this.revision.id() + ", changeset " + this.changeSet.id() + " by "
					+ this.changeSet.author() + " in " + this.changeSet.file() + " (recorded checksum " + this.recorded
					+ ", now " + this.current + ")";
		}

	}

}
