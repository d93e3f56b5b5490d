package io.paig.db.migration;

/**
 * Where migrations stand, at a glance.
 *
 * @author paig-db authors
 */
public enum MigrationState {

	/** Every revision is applied. */
	UP_TO_DATE,

	/** Revisions are waiting to be applied. */
	PENDING,

	/**
	 * A run is in progress in this instance, or another instance holds the lock while
	 * this one's revisions are not all applied (it is migrating what this one needs).
	 */
	RUNNING,

	/** This instance's last run failed and revisions are still pending. */
	FAILED,

	/** There is no changelog: nothing to migrate. */
	DISABLED;

	/**
	 * The state from what the runner knows.
	 * @param runner the runner
	 * @param status where the database stands, or {@code null} when there is no changelog
	 * @param lock who holds the migration lock
	 * @return the state
	 */
	public static MigrationState of(MigrationRunner runner, MigrationStatus status, LockHolder lock) {
		if (!runner.hasChangelog()) {
			return DISABLED;
		}
		// Another instance migrating is no concern of an instance whose own revisions are
		// all applied: during a
		// rolling update the old instances keep serving while the new one migrates.
		if (runner.isRunning() || (lock.held() && !status.isUpToDate())) {
			return RUNNING;
		}
		if (status.isUpToDate()) {
			return UP_TO_DATE;
		}
		MigrationRun last = runner.getLastRun();
		return (last != null && last.outcome() == MigrationRun.Outcome.FAILED) ? FAILED : PENDING;
	}

}
