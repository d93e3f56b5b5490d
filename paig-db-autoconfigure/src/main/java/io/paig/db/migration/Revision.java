package io.paig.db.migration;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A revision: one changelog file with an id, a message and a parent, applied and reverted
 * as a unit. In a plain Liquibase changelog without revision headers each changeset is a
 * revision of its own, its id the changeset id.
 *
 * @param id the revision id, for example Alembic's {@code d016d5e1fe5a}
 * @param message what the revision does
 * @param parent the revision before it, or {@code null} for the first
 * @param file the changelog file that holds it
 * @param changeSets its changesets, in order
 * @param declared whether the file declares the revision (otherwise it is a plain
 * changeset)
 * @author paig-db authors
 */
public record Revision(String id, String message, @Nullable String parent, String file, List<ChangeSetRef> changeSets,
		boolean declared) {

	/**
	 * Whether every changeset of the revision can be reverted.
	 * @return {@code true} when the revision can be downgraded
	 */
	public boolean isReversible() {
		return this.changeSets.stream().allMatch(ChangeSetRef::hasRollback);
	}

	/**
	 * The revision's last changeset, the one its tag is recorded on.
	 * @return the last changeset
	 */
	public ChangeSetRef last() {
		return this.changeSets.get(this.changeSets.size() - 1);
	}

	@Override
	public String toString() {
		return this.id + " '" + this.message + "'";
	}

	/**
	 * A revision's id, or {@code base} for none, as Alembic names the state before the
	 * first revision.
	 * @param revision the revision, or {@code null}
	 * @return the id or {@code base}
	 */
	public static String idOf(@Nullable Revision revision) {
		return (revision != null) ? revision.id() : "base";
	}

}
