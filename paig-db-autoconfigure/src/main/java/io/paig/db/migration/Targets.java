package io.paig.db.migration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Alembic's ways of naming where to go: {@code head}, {@code +N} or a revision for an
 * upgrade; {@code -N}, {@code base} or a revision for a downgrade (down to it, not
 * including it). A revision may be given by a unique prefix of its id.
 *
 * @author paig-db authors
 */
public final class Targets {

	private Targets() {
	}

	/**
	 * Whether a target means the head of the history ({@code head} or {@code heads}).
	 * @param target the target as written
	 * @return {@code true} for the head
	 */
	public static boolean isHead(String target) {
		String text = target.strip().toLowerCase(Locale.ROOT);
		return text.equals("head") || text.equals("heads");
	}

	/**
	 * Whether a target means base, before the first revision.
	 * @param target the target as written
	 * @return {@code true} for base
	 */
	public static boolean isBase(String target) {
		return target.strip().equalsIgnoreCase("base");
	}

	/**
	 * The index in the history of the revision a stamp records the database at.
	 * @param history the history
	 * @param target {@code head}, {@code base} or a revision
	 * @return the index, {@code -1} for base
	 */
	public static int stampIndex(RevisionHistory history, String target) {
		if (isBase(target)) {
			return -1;
		}
		if (isHead(target)) {
			return history.getRevisions().size() - 1;
		}
		return history.indexOf(history.find(target.strip()));
	}

	/**
	 * The pending revisions an upgrade applies, in order.
	 * @param status where the database stands
	 * @param target {@code head}, {@code +N} or a revision
	 * @return the revisions to apply
	 */
	public static List<Revision> upgrade(MigrationStatus status, String target) {
		List<Revision> pending = status.getPendingRevisions();
		String text = target.strip().toLowerCase(Locale.ROOT);
		if (isHead(text)) {
			return pending;
		}
		if (text.startsWith("+")) {
			return relative(pending, target,
					"are pending, from " + at(status) + " to head " + idOf(status.getHistory().getHead()),
					pending.isEmpty() ? "The database is at head: there is nothing to upgrade."
							: "Upgrade by at most +" + pending.size() + ", or to 'head'.");
		}
		Revision revision = status.getHistory().find(target.strip());
		int index = status.getHistory().indexOf(revision);
		List<Revision> plan = new ArrayList<>();
		for (Revision candidate : pending) {
			if (status.getHistory().indexOf(candidate) <= index) {
				plan.add(candidate);
			}
		}
		return plan;
	}

	/**
	 * The applied revisions a downgrade reverts, newest first.
	 * @param status where the database stands
	 * @param target {@code -N}, {@code base} or a revision to go down to
	 * @return the revisions to revert
	 */
	public static List<Revision> downgrade(MigrationStatus status, String target) {
		List<Revision> applied = new ArrayList<>(status.getAppliedRevisions());
		Collections.reverse(applied);
		String text = target.strip().toLowerCase(Locale.ROOT);
		if (isBase(text)) {
			return applied;
		}
		if (text.startsWith("-")) {
			return relative(applied, target, "are applied, from base to " + at(status),
					applied.isEmpty() ? "The database is at base: there is nothing to downgrade."
							: "Downgrade by at most -" + applied.size() + ", or to 'base'.");
		}
		Revision revision = status.getHistory().find(target.strip());
		if (!status.isApplied(revision)) {
			throw new InvalidTargetException(
					"Revision " + revision + " is not applied: there is nothing to go down to.",
					"Name an applied revision ('db history' shows them), '-N' or 'base'.");
		}
		int index = status.getHistory().indexOf(revision);
		return applied.stream().filter((candidate) -> status.getHistory().indexOf(candidate) > index).toList();
	}

	/**
	 * The first N of the revisions a relative target ({@code +N}, {@code -N}) moves
	 * through; refused, as Alembic refuses it, when there are fewer.
	 * @param revisions the revisions the target can move through, nearest first
	 * @param target the target as given, such as {@code +2} or {@code -1}
	 * @param which what the revisions are, for the message when there are too few
	 * @param action the fix, for the message when there are too few
	 * @return the first N revisions
	 * @throws InvalidTargetException when there are fewer than N revisions or N is not a
	 * positive number
	 */
	private static List<Revision> relative(List<Revision> revisions, String target, String which, String action) {
		int count = count(target.strip().substring(1), target);
		if (count > revisions.size()) {
			throw new InvalidTargetException("Relative revision " + target.strip() + " didn't produce " + count
					+ " migrations: " + revisions.size() + " revision(s) " + which + ". Nothing was changed.", action);
		}
		return revisions.subList(0, count);
	}

	private static String at(MigrationStatus status) {
		return idOf(status.getCurrent());
	}

	private static String idOf(@Nullable Revision revision) {
		return (revision != null) ? revision.id() : "base";
	}

	private static int count(String digits, String target) {
		try {
			int count = Integer.parseInt(digits);
			if (count > 0) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidTargetException("'" + target + "' is not a number of revisions.",
				"Write it as '+1', '+2', ... for an upgrade or '-1', '-2', ... for a downgrade.");
	}

	/**
	 * A target that names nothing: a mistyped command, not a failed run.
	 */
	public static class InvalidTargetException extends MigrationException {

		InvalidTargetException(String description, String action) {
			super(description, action);
		}

	}

}
