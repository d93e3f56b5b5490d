package io.paig.db.test;

import javax.sql.DataSource;

import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.url.JdbcSettings;

/**
 * One fresh database from {@link DatabaseClones}: at head when taken or made cold, empty
 * when asked for empty. Closing it drops it.
 *
 * @author paig-db authors
 */
public final class DatabaseClone implements AutoCloseable {

	private final DatabaseClones owner;

	private final String name;

	private final JdbcSettings jdbc;

	DatabaseClone(DatabaseClones owner, String name, JdbcSettings jdbc) {
		this.owner = owner;
		this.name = name;
		this.jdbc = jdbc;
	}

	/**
	 * The database's name (for SQLite, its file's name without {@code .db}).
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * How to connect to it.
	 * @return the JDBC settings
	 */
	public JdbcSettings jdbcSettings() {
		return this.jdbc;
	}

	/**
	 * A non-pooled DataSource on it.
	 * @return a new DataSource
	 */
	public DataSource dataSource() {
		return DatabaseClones.dataSource(this.jdbc);
	}

	/**
	 * A runner of the changelog on it, to bring it to a revision.
	 * @return a new runner
	 */
	public MigrationRunner runner() {
		return new MigrationRunner(dataSource(), this.owner.settings(), this.owner.resourceLoader());
	}

	/**
	 * Drop the database.
	 */
	@Override
	public void close() {
		this.owner.drop(this);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
