package io.paig.db.migration.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import io.paig.db.migration.lock.MigrationLock;
import io.paig.db.migration.lock.MigrationLocks;

/**
 * Holds a runner's migration lock from another connection, as another instance would, for
 * tests outside this package.
 *
 * @author paig-db authors
 */
public final class LockHolding {

	private LockHolding() {
	}

	/**
	 * Take the lock.
	 * @param connection the connection to hold it on
	 * @param runner the runner whose lock to take
	 * @return the lock, to close to release it
	 * @throws Exception when it cannot be taken within ten seconds
	 */
	public static AutoCloseable hold(Connection connection, MigrationRunner runner) throws Exception {
		MigrationLock.Held held = MigrationLocks.forConnection(connection, runner.getSettings())
			.acquire(connection, Duration.ofSeconds(10));
		return () -> {
			try {
				held.close();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

}
