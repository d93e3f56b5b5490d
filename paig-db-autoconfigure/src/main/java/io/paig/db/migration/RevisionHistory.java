package io.paig.db.migration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The revisions of a master changelog, in the order they are applied: one line from the
 * first (base) to the last (head), each revision's parent the one before it.
 *
 * @author paig-db authors
 */
public final class RevisionHistory {

	private final String changelog;

	private final List<Revision> revisions;

	private final Map<String, Revision> byId = new HashMap<>();

	private final Map<Revision, Integer> positions = new IdentityHashMap<>();

	/**
	 * Create a history and check that it is one line.
	 * @param changelog the master changelog, for messages
	 * @param revisions the revisions in changelog order
	 * @throws MigrationException when two revisions share an id or a declared parent is
	 * not the revision before
	 */
	public RevisionHistory(String changelog, List<Revision> revisions) {
		this.changelog = changelog;
		this.revisions = Collections.unmodifiableList(new ArrayList<>(revisions));
		Revision previous = null;
		for (Revision revision : revisions) {
			this.positions.putIfAbsent(revision, this.positions.size());
			Revision clash = this.byId.putIfAbsent(revision.id(), revision);
			if (clash != null) {
				throw new MigrationException(
						"Two revisions in " + changelog + " have the id '" + revision.id() + "': " + clash.file()
								+ " and " + revision.file() + ".",
						"Give one of them a new id (db revision generates unique ones).");
			}
			String expected = (previous != null) ? previous.id() : null;
			if (revision.declared() && !Objects.equals(revision.parent(), expected)) {
				boolean branched = revision.parent() != null && this.byId.containsKey(revision.parent());
				throw new MigrationException(
						"Revision " + revision.id() + " in " + revision.file() + " names '" + revision.parent()
								+ "' as its parent, but it follows "
								+ ((expected != null) ? "'" + expected + "'" : "nothing (it is the first)") + " in "
								+ changelog + ": the history must be one line"
								+ (branched ? " (two branches each added revisions after '" + revision.parent()
										+ "': the history has two heads)." : "."),
						(branched
								? "Run 'db merge' to put " + revision.id() + " after " + expected
										+ " (it rewrites its parent), or set its parent to '" + expected + "' by hand."
								: "Set its parent to " + ((expected != null) ? "'" + expected + "'" : "none")
										+ ", or include the revision files in the master changelog in parent order."));
			}
			previous = revision;
		}
	}

	/**
	 * The master changelog these revisions come from.
	 * @return the changelog location
	 */
	public String getChangelog() {
		return this.changelog;
	}

	/**
	 * All revisions, base first.
	 * @return the revisions
	 */
	public List<Revision> getRevisions() {
		return this.revisions;
	}

	/**
	 * The newest revision.
	 * @return the head, or {@code null} when there are no revisions
	 */
	public @Nullable Revision getHead() {
		return this.revisions.isEmpty() ? null : this.revisions.get(this.revisions.size() - 1);
	}

	/**
	 * The revision with an id.
	 * @param id the exact id
	 * @return the revision, if any
	 */
	public Optional<Revision> get(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	/**
	 * The revision whose id starts with a prefix, as Alembic accepts.
	 * @param prefix a unique prefix of a revision id
	 * @return the revision
	 * @throws MigrationException when no revision or more than one matches
	 */
	public Revision find(String prefix) {
		Revision exact = this.byId.get(prefix);
		if (exact != null) {
			return exact;
		}
		List<Revision> candidates = this.revisions.stream()
			.filter((revision) -> revision.id().startsWith(prefix))
			.toList();
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		if (candidates.isEmpty()) {
			throw new UnknownRevisionException(prefix, List.of());
		}
		throw new UnknownRevisionException(prefix, candidates);
	}

	/**
	 * The position of a revision, 0 for the base.
	 * @param revision the revision
	 * @return its index
	 */
	public int indexOf(Revision revision) {
		Integer index = this.positions.get(revision);
		return (index != null) ? index : this.revisions.indexOf(revision);
	}

	/**
	 * The revision a changeset belongs to.
	 * @param id the changeset id
	 * @param author the changeset author
	 * @param file the changelog path as recorded
	 * @return the revision, if the changeset is in this history
	 */
	public Optional<Revision> revisionOf(String id, String author, String file) {
		for (Revision revision : this.revisions) {
			for (ChangeSetRef changeSet : revision.changeSets()) {
				if (changeSet.is(id, author, file)) {
					return Optional.of(revision);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Where revisions as the master changelog lists them stop being one line: each
	 * declared revision whose parent is not the revision before it, as happens when two
	 * branches each added revisions after the same parent.
	 * @param revisions the revisions in the master changelog's order
	 * @return the forks, in that order
	 */
	public static List<Fork> forks(List<Revision> revisions) {
		List<Fork> forks = new ArrayList<>();
		String previous = null;
		for (Revision revision : revisions) {
			if (revision.declared() && !Objects.equals(revision.parent(), previous)) {
				forks.add(new Fork(revision, previous));
			}
			previous = revision.id();
		}
		return forks;
	}

	/**
	 * A revision that does not follow the one before it.
	 *
	 * @param revision the revision
	 * @param previous the revision before it in the master changelog, its parent once the
	 * history is one line again; {@code null} when it is the first
	 */
	public record Fork(Revision revision, @Nullable String previous) {
	}

	/**
	 * A revision id that is not in the history, or a prefix that fits several.
	 */
	public static final class UnknownRevisionException extends MigrationException {

		private final List<Revision> candidates;

		UnknownRevisionException(String prefix, List<Revision> candidates) {
			super(candidates.isEmpty() ? "No revision has an id starting with '" + prefix + "'."
					: "'" + prefix + "' fits " + candidates.size() + " revisions: "
							+ String.join(", ", candidates.stream().map(Revision::id).toList()) + ".",
					candidates.isEmpty() ? "List the revisions with 'db history'." : "Give more characters of the id.");
			this.candidates = candidates;
		}

		/**
		 * The revisions the prefix fits; empty when none does.
		 * @return the candidates
		 */
		public List<Revision> getCandidates() {
			return this.candidates;
		}

	}

}
