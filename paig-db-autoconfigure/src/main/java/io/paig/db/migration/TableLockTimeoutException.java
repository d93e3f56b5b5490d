package io.paig.db.migration;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A revision's statements gave up waiting for a table lock on every try: another
 * session's transaction kept the table open.
 *
 * @author paig-db authors
 */
public class TableLockTimeoutException extends MigrationException {

	private final @Nullable Revision revision;

	private final List<String> blockers;

	/**
	 * Create an exception.
	 * @param revision the revision that waited, or {@code null} when not known
	 * @param timeout how long each statement waited
	 * @param tries how many times the revision was tried
	 * @param blockers the sessions that held the table, described
	 * @param databaseError the driver's message
	 * @param cause the failure
	 */
	public TableLockTimeoutException(@Nullable Revision revision, Duration timeout, int tries, List<String> blockers,
			String databaseError, Throwable cause) {
		super(describe(revision, timeout, tries, blockers, databaseError),
				"End or commit the blocking session's transaction (or wait for it), then start again: the revision "
						+ "resumes. To wait longer or try more often, raise database.migration.ddl-lock-timeout or "
						+ "database.migration.ddl-lock-retries; both make the queries queued behind the migration "
						+ "wait as long.",
				cause);
		this.revision = revision;
		this.blockers = List.copyOf(blockers);
	}

	private static String describe(@Nullable Revision revision, Duration timeout, int tries, List<String> blockers,
			String databaseError) {
		StringBuilder text = new StringBuilder();
		text.append((revision != null)
				? "Revision " + revision.id() + " '" + revision.message() + "' (" + revision.file() + ")"
				: "The migration");
		text.append(" could not get a table lock: each of ")
			.append(tries)
			.append(" tries gave up after waiting ")
			.append(timeout.toMillis())
			.append(" ms (database.migration.ddl-lock-timeout), so that the queries queued behind it were not held "
					+ "up longer (")
			.append(databaseError)
			.append(").\n");
		if (blockers.isEmpty()) {
			text.append("No session holding the table could be found any more: it may have ended meanwhile.");
		}
		else {
			text.append("Sessions with an open transaction on this database's tables:");
			blockers.forEach((blocker) -> text.append("\n  ").append(blocker));
		}
		return text.toString();
	}

	/**
	 * The revision that waited.
	 * @return the revision, or {@code null} when not known
	 */
	public @Nullable Revision getRevision() {
		return this.revision;
	}

	/**
	 * The sessions that held the table, described.
	 * @return the sessions
	 */
	public List<String> getBlockers() {
		return this.blockers;
	}

}
