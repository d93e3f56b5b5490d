package io.paig.db.migration;

import java.time.Duration;

/**
 * Another instance held the migration lock for longer than
 * {@code database.migration.lock-timeout}.
 *
 * @author paig-db authors
 */
public class MigrationLockTimeoutException extends MigrationException {

	private final LockHolder holder;

	public MigrationLockTimeoutException(String what, LockHolder holder, Duration timeout) {
		super("Waited " + timeout.toSeconds() + " s for the migration lock on " + what + ", held by " + holder
				+ "; gave up.",
				"Another instance is migrating this database: let it finish, or raise database.migration.lock-timeout. "
						+ "The lock belongs to a database session and ends with it; if that session is stuck, end it "
						+ "(PostgreSQL: SELECT pg_terminate_backend(pid); MySQL/MariaDB: KILL id) and start again.");
		this.holder = holder;
	}

	/**
	 * Who held the lock when the wait ended.
	 * @return the holder
	 */
	public LockHolder getHolder() {
		return this.holder;
	}

}
