package io.paig.db.migration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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
	 * The revisions of a range, as Alembic's {@code history -r} reads it:
	 * {@code start:end} with both ends included. An end is a revision (a unique prefix
	 * will do), {@code base}, {@code head}, {@code heads} or {@code current}; a missing
	 * start is base and a missing end is head; a relative end ({@code -N} at the start,
	 * {@code +N} at the end) counts from the other end, and stops at base or head when it
	 * counts past them, as Alembic's does.
	 * @param status where the database stands
	 * @param range the range
	 * @return the revisions, oldest first
	 * @throws InvalidTargetException when the range is not of that form or its start
	 * comes after its end
	 */
	public static List<Revision> range(MigrationStatus status, String range) {
		String text = range.strip();
		int colon = text.indexOf(':');
		if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
			throw new InvalidTargetException("'" + range + "' is not a range.",
					"Write it as [start]:[end], for example base:head, -3:, current: or 1a2b:3c4d.");
		}
		RevisionHistory history = status.getHistory();
		String start = text.substring(0, colon).strip();
		String end = text.substring(colon + 1).strip();
		int last = history.getRevisions().size() - 1;
		int to;
		int from;
		if (start.startsWith("-") && end.startsWith("+")) {
			throw new InvalidTargetException("'" + range + "' counts both ends from each other.",
					"Name at least one end of the range.");
		}
		if (end.startsWith("+")) {
			from = rangeEnd(status, start, -1, range);
			to = from + count(end.substring(1), range);
		}
		else {
			to = rangeEnd(status, end, last, range);
			from = start.startsWith("-") ? to - count(start.substring(1), range) : rangeEnd(status, start, -1, range);
		}
		// as Alembic's history does, a relative end that counts past base or head stops
		// there
		from = Math.max(from, -1);
		to = Math.min(to, last);
		if (to < from) {
			throw new InvalidTargetException(
					"The range '" + range + "' runs backwards: its start comes after its end in the history.",
					"Write the older end first, for example base:head or -3:current.");
		}
		// base is no revision: a range from base starts at the first one
		return (to < Math.max(from, 0)) ? List.of() : history.getRevisions().subList(Math.max(from, 0), to + 1);
	}

	/**
	 * Whether a target is a range, {@code from:to}, as offline mode ({@code --sql}) takes
	 * it.
	 * @param target the target as written
	 * @return {@code true} for a range
	 */
	public static boolean isRange(String target) {
		return target.contains(":");
	}

	/**
	 * The revisions between the ends of a range, as Alembic's offline mode reads
	 * {@code upgrade <from>:<to> --sql} and {@code downgrade <from>:<to> --sql}: the
	 * start is where the database is taken to be, not where it is. Each end is a revision
	 * (a unique prefix will do), {@code base}, {@code head} or {@code heads}.
	 * @param history the history
	 * @param range the range, {@code from:to}
	 * @param upgrade {@code true} for an upgrade: the revisions after {@code from} up to
	 * and including {@code to}, oldest first; {@code false} for a downgrade: the
	 * revisions after {@code to} up to and including {@code from}, newest first
	 * @return the revisions, in the order they are applied or reverted
	 * @throws InvalidTargetException when the range is not of that form or runs the wrong
	 * way
	 */
	public static List<Revision> offlineRange(RevisionHistory history, String range, boolean upgrade) {
		String text = range.strip();
		int colon = text.indexOf(':');
		String verb = upgrade ? "upgrade" : "downgrade";
		String example = upgrade ? "db upgrade base:head --sql, db upgrade 3f2a:9c4e --sql"
				: "db downgrade head:base --sql, db downgrade 9c4e:3f2a --sql";
		if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
			throw new InvalidTargetException("'" + range + "' is not a range of the form <from>:<to>.",
					"Name both ends, each a revision, base or head: " + example + ".");
		}
		String fromText = text.substring(0, colon).strip();
		String toText = text.substring(colon + 1).strip();
		int from = offlineEnd(history, fromText, range);
		int to = offlineEnd(history, toText, range);
		List<Revision> revisions = history.getRevisions();
		if (upgrade) {
			if (from > to) {
				throw new InvalidTargetException(
						"In '" + range + "', " + fromText + " comes after " + toText
								+ ": an upgrade goes from an older revision to a newer one.",
						"Swap the ends, or write the SQL of going down with: db downgrade " + text + " --sql.");
			}
			return List.copyOf(revisions.subList(from + 1, to + 1));
		}
		if (from < to) {
			throw new InvalidTargetException(
					"In '" + range + "', " + fromText + " comes before " + toText
							+ ": a downgrade goes from a newer revision to an older one.",
					"Swap the ends, or write the SQL of going up with: db upgrade " + text + " --sql.");
		}
		List<Revision> reverted = new ArrayList<>(revisions.subList(to + 1, from + 1));
		Collections.reverse(reverted);
		return Collections.unmodifiableList(reverted);
	}

	private static int offlineEnd(RevisionHistory history, String end, String range) {
		if (isBase(end)) {
			return -1;
		}
		if (isHead(end)) {
			return history.getRevisions().size() - 1;
		}
		if (end.startsWith("-") || end.startsWith("+") || end.equalsIgnoreCase("current")) {
			throw new InvalidTargetException(
					"In '" + range + "', '" + end + "' is relative to the database, which offline mode does not read.",
					"Name each end of the range as a revision, base or head.");
		}
		return history.indexOf(history.find(end));
	}

	private static int rangeEnd(MigrationStatus status, String end, int missing, String range) {
		RevisionHistory history = status.getHistory();
		if (end.isEmpty()) {
			return (missing < 0) ? -1 : history.getRevisions().size() - 1;
		}
		if (isBase(end)) {
			return -1;
		}
		if (isHead(end)) {
			return history.getRevisions().size() - 1;
		}
		if (end.equalsIgnoreCase("current")) {
			Revision current = status.getCurrent();
			return (current != null) ? history.indexOf(current) : -1;
		}
		if (end.startsWith("-") || end.startsWith("+")) {
			throw new InvalidTargetException("In '" + range + "', '" + end + "' counts from the wrong end.",
					"Write -N at the start of the range or +N at its end.");
		}
		return history.indexOf(history.find(end));
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
					"are pending, from " + at(status) + " to head " + Revision.idOf(status.getHistory().getHead()),
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
		return Revision.idOf(status.getCurrent());
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
