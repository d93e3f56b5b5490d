package io.paig.db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The lock that lets one instance at a time migrate a database. It is taken on the very
 * connection that runs the migration, so the database releases it only when that session
 * ends: a killed holder leaves no lock behind, and no one runs beside a statement the
 * dead holder's session is still executing.
 *
 * @author paig-db authors
 */
interface MigrationLock {

	/**
	 * Wait for the lock.
	 * @param connection the connection the migration will run on
	 * @param timeout how long to wait
	 * @return the held lock, to release when done
	 * @throws MigrationLockTimeoutException when another instance held it for longer than
	 * the timeout
	 * @throws SQLException on a database error
	 * @throws InterruptedException when interrupted while waiting
	 */
	Held acquire(Connection connection, Duration timeout) throws SQLException, InterruptedException;

	/**
	 * Who holds the lock now, as far as the database tells.
	 * @param connection any connection to the database
	 * @return the holder, or {@code null} when the lock is free
	 * @throws SQLException on a database error
	 */
	LockHolder holder(Connection connection) throws SQLException;

	/**
	 * A lock held; releasing it twice is harmless.
	 */
	interface Held extends AutoCloseable {

		@Override
		void close() throws SQLException;

	}

}
