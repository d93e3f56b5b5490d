package io.paig.db.migration;

/**
 * Told about what the migration runner does, for metrics and the like.
 *
 * @author paig-db authors
 */
public interface MigrationListener {

	/**
	 * A run ended, whatever its outcome.
	 * @param run the run
	 */
	default void runFinished(MigrationRun run) {
	}

}
