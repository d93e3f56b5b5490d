package io.paig.db.migration;

import org.jspecify.annotations.Nullable;

/**
 * The database server ended the migration's connection (it was terminated or killed, or
 * the server stopped) while a revision ran or the migration was under way. Nothing in the
 * changelog needs fixing: the next start resumes.
 *
 * @author paig-db authors
 */
public class ConnectionEndedException extends MigrationException {

	private final @Nullable Revision revision;

	/**
	 * Create an exception.
	 * @param revision the revision that ran, or {@code null} when none was running
	 * @param position where it stands in the run, e.g. {@code 2/4}, or {@code null}
	 * @param transactional whether the database runs a revision in one transaction (its
	 * DDL is transactional)
	 * @param databaseError the driver's message
	 * @param cause the failure
	 */
	public ConnectionEndedException(@Nullable Revision revision, @Nullable String position, boolean transactional,
			String databaseError, Throwable cause) {
		super(describe(revision, position, transactional, databaseError),
				"Nothing in the changelog needs fixing. Start the application again once the database accepts "
						+ "connections: the next start takes the migration lock and resumes where this one stopped "
						+ "(if the connection was ended on purpose, find out who ended it first).",
				cause);
		this.revision = revision;
	}

	private static String describe(@Nullable Revision revision, @Nullable String position, boolean transactional,
			String databaseError) {
		if (revision == null) {
			return "The database server ended the migration's connection while no revision was running ("
					+ databaseError + "). Revisions this start applied before stay applied, and the migration lock "
					+ "went with the connection.";
		}
		StringBuilder text = new StringBuilder("The database server ended the connection while revision ");
		if (position != null) {
			text.append(position).append(' ');
		}
		text.append(revision.id())
			.append(" '")
			.append(revision.message())
			.append("' (")
			.append(revision.file())
			.append(") ran: ")
			.append(databaseError)
			.append('\n');
		if (transactional) {
			text.append("The revision's transaction was rolled back by the server: nothing of it is applied or "
					+ "recorded, and the migration lock went with the connection.");
		}
		else {
			text.append("This database commits each DDL statement as it runs: the revision's changesets that "
					+ "completed before the connection ended stay applied and recorded, and the next start runs the "
					+ "rest; a changeset cut off half-way is not recorded, so it runs again (a changeset of several "
					+ "DDL statements may have left some of them applied). The migration lock went with the "
					+ "connection.");
		}
		return text.toString();
	}

	/**
	 * The revision that ran when the connection ended.
	 * @return the revision, or {@code null} when none did
	 */
	public @Nullable Revision getRevision() {
		return this.revision;
	}

}
