package io.paig.db.migration.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import io.paig.db.migration.LockHolder;

/**
 * The lock that lets one instance at a time migrate a database. It is taken on the very
 * connection that runs the migration, so the database releases it only when that session
 * ends: a killed holder leaves no lock behind, and no one runs beside a statement the
 * dead holder's session is still executing.
 *
 * @author paig-db authors
 */
public interface MigrationLock {

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
	 * @return the holder, {@link LockHolder#FREE} when the lock is free
	 * @throws SQLException on a database error
	 */
	LockHolder holder(Connection connection) throws SQLException;

	/**
	 * Whether the lock keeps out other processes too, and not only this JVM's threads.
	 * Only then may a holder clear a lock Liquibase's own lock table still shows: no
	 * other process can be running beside it.
	 * @return {@code true} when the lock spans processes
	 */
	default boolean spansProcesses() {
		return true;
	}

	/**
	 * A lock held; releasing it twice is harmless.
	 */
	interface Held extends AutoCloseable {

		@Override
		void close() throws SQLException;

	}

}
