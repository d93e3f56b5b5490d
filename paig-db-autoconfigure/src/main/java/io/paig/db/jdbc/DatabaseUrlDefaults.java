package io.paig.db.jdbc;

/**
 * The database PAIG uses when none is configured.
 *
 * @author paig-db
 */
public final class DatabaseUrlDefaults {

	/** PAIG's default: a SQLite file at {@code db/database.db} below the working directory. */
	public static final String URL = "sqlite+aiosqlite:///db/database.db";

	private DatabaseUrlDefaults() {
	}

}
