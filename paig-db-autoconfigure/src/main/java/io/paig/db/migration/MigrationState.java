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
	DISABLED

}
