package io.paig.db.url;

import java.time.Duration;

/**
 * The connection settings that make SQLite safe behind a connection pool, applied unless
 * the URL's own query parameters say otherwise.
 *
 * @param busyTimeout how long a connection waits for another's write lock before failing
 * @param journalMode the journal mode of file databases ({@code WAL} lets readers work
 * beside a writer)
 * @param foreignKeys whether foreign keys are enforced
 * @author paig-db authors
 */
public record SqliteOptions(Duration busyTimeout, String journalMode, boolean foreignKeys) {

	/** The defaults: 30 seconds, WAL, foreign keys on. */
	public static final SqliteOptions DEFAULTS = new SqliteOptions(Duration.ofSeconds(30), "WAL", true);

}
