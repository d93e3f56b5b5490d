package io.paig.db.migration;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A revision's changeset failed while it was applied.
 *
 * @author paig-db authors
 */
public class RevisionFailedException extends MigrationException {

	private final Revision revision;

	private final ChangeSetRef changeSet;

	private final List<ChangeSetRef> appliedOfRevision;

	public RevisionFailedException(Revision revision, int index, int total, ChangeSetRef changeSet,
			String databaseError, List<ChangeSetRef> appliedOfRevision, boolean transactional, Throwable cause) {
		super(describe(revision, index, total, changeSet, databaseError, appliedOfRevision, transactional),
				"Fix changeset '" + changeSet.id() + "' in " + revision.file() + " and start again: "
						+ (appliedOfRevision.isEmpty() ? "the revision runs again from its start."
								: "the revision resumes at the first changeset not recorded as applied."),
				cause);
		this.revision = revision;
		this.changeSet = changeSet;
		this.appliedOfRevision = List.copyOf(appliedOfRevision);
	}

	private static String describe(Revision revision, int index, int total, ChangeSetRef changeSet,
			String databaseError, List<ChangeSetRef> applied, boolean transactional) {
		StringBuilder text = new StringBuilder("Revision ").append(index)
			.append('/')
			.append(total)
			.append(' ')
			.append(revision.id())
			.append(" '")
			.append(revision.message())
			.append("' failed in changeset '")
			.append(changeSet.id())
			.append("' by ")
			.append(changeSet.author())
			.append(" (")
			.append(revision.file())
			.append("): ")
			.append(databaseError);
		if (applied.isEmpty()) {
			text.append(transactional ? "\nNothing of the revision was applied: its transaction was rolled back."
					: "\nNone of the revision's changesets was applied.");
		}
		else {
			List<ChangeSetRef> notApplied = revision.changeSets().stream().filter((c) -> !applied.contains(c)).toList();
			text.append("\nThis database commits DDL as it goes, so part of the revision stays applied: changesets ")
				.append(applied.stream().map(ChangeSetRef::id).collect(Collectors.joining(", ", "[", "]")))
				.append(" ran and are recorded; ")
				.append(notApplied.stream().map(ChangeSetRef::id).collect(Collectors.joining(", ", "[", "]")))
				.append(" did not.");
		}
		return text.toString();
	}

	public Revision getRevision() {
		return this.revision;
	}

	public ChangeSetRef getChangeSet() {
		return this.changeSet;
	}

	/**
	 * The revision's changesets that stay applied (only where DDL commits itself).
	 * @return the applied changesets
	 */
	public List<ChangeSetRef> getAppliedOfRevision() {
		return this.appliedOfRevision;
	}

}
