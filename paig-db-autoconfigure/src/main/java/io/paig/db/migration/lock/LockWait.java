package io.paig.db.migration.lock;

import java.sql.SQLException;
import java.time.Duration;

import io.paig.db.migration.LockHolder;
import io.paig.db.migration.MigrationLockTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The wait for a migration lock: try, log who holds it now and then, give up after the
 * timeout.
 *
 * @author paig-db authors
 */
final class LockWait {

	private static final Log logger = LogFactory.getLog(LockWait.class);

	private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

	private LockWait() {
	}

	static void until(Attempt attempt, Holder holder, Duration timeout, String what)
			throws SQLException, InterruptedException {
		long start = System.nanoTime();
		long nextReport = 0;
		long pause = 50;
		while (!attempt.tryAcquire()) {
			long waited = System.nanoTime() - start;
			if (waited >= timeout.toNanos()) {
				throw new MigrationLockTimeoutException(what, holder.get(), timeout);
			}
			if (waited >= nextReport) {
				logger.info("Waiting for the migration lock on " + what + ", held by " + holder.get()
						+ ((nextReport == 0) ? "" : " (waited " + Duration.ofNanos(waited).toSeconds() + " s)"));
				nextReport = waited + REPORT_EVERY.toNanos();
			}
			Thread.sleep(pause);
			pause = Math.min(1000, pause * 2);
		}
	}

	@FunctionalInterface
	interface Attempt {

		boolean tryAcquire() throws SQLException;

	}

	@FunctionalInterface
	interface Holder {

		LockHolder get() throws SQLException;

	}

}
