package io.paig.db.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A SQLite file database in a folder with a small history of three revisions
 * ({@link #FIRST} creates {@code users}, {@link #SECOND} adds {@code users.email},
 * {@link #THIRD} inserts {@code admin}; each can be reverted), for tests of the classes
 * built on the migration runner.
 *
 * @author paig-db authors
 */
public final class SqliteRevisions {

	/** The first revision: creates {@code users}. */
	public static final String FIRST = "aaaa00000001";

	/** The second revision: adds {@code users.email}. */
	public static final String SECOND = "aaaa00000002";

	/** The third revision, the head: inserts the {@code admin} user. */
	public static final String THIRD = "aaaa00000003";

	/** The changesets of the first revision. */
	public static final String USERS = """
			  - changeSet:
			      id: create-users
			      author: paig
			      changes:
			        - createTable:
			            tableName: users
			            columns:
			              - column: { name: id, type: int, autoIncrement: true, constraints: { primaryKey: true } }
			              - column: { name: name, type: varchar(100), constraints: { nullable: false } }
			""";

	/** The changesets of the second revision. */
	public static final String EMAIL = """
			  - changeSet:
			      id: add-email
			      author: paig
			      changes:
			        - addColumn:
			            tableName: users
			            columns:
			              - column: { name: email, type: varchar(255) }
			""";

	/** The changesets of the third revision. */
	public static final String SEED = """
			  - changeSet:
			      id: seed-admin
			      author: paig
			      changes:
			        - insert:
			            tableName: users
			            columns:
			              - column: { name: name, value: admin }
			      rollback:
			        - delete: { tableName: users, where: "name = 'admin'" }
			""";

	/** Changesets that fail: they insert into a table that does not exist. */
	public static final String BROKEN = """
			  - changeSet:
			      id: fill-nothing
			      author: paig
			      changes:
			        - sql: { sql: "insert into no_such_table values (1)" }
			""";

	private final Changelogs changelogs;

	private final JdbcSettings jdbc;

	private final DataSource dataSource;

	private SqliteRevisions(Changelogs changelogs, Path database) {
		this.changelogs = changelogs;
		this.jdbc = new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate("sqlite:///" + database, null, null);
		this.dataSource = new DriverManagerDataSource(this.jdbc.jdbcUrl());
	}

	/**
	 * The three revisions and an empty database, in a folder.
	 * @param folder where the changelogs and the database file go
	 * @return the revisions
	 */
	public static SqliteRevisions in(Path folder) {
		Changelogs changelogs = new Changelogs(folder.resolve("changelog")).revision(FIRST, "create users", USERS)
			.revision(SECOND, "add email", EMAIL)
			.revision(THIRD, "seed admin", SEED);
		return new SqliteRevisions(changelogs, folder.resolve("database.db"));
	}

	/**
	 * The first revision, then one that fails, and an empty database, in a folder.
	 * @param folder where the changelogs and the database file go
	 * @return the revisions
	 */
	public static SqliteRevisions withBrokenSecond(Path folder) {
		Changelogs changelogs = new Changelogs(folder.resolve("changelog")).revision(FIRST, "create users", USERS)
			.revision(SECOND, "broken", BROKEN);
		return new SqliteRevisions(changelogs, folder.resolve("database.db"));
	}

	/**
	 * A new runner on the database and the changelogs.
	 * @return the runner
	 */
	public MigrationRunner runner() {
		return new MigrationRunner(this.dataSource, MigrationSettings.of(this.changelogs.location()),
				new DefaultResourceLoader());
	}

	public Changelogs changelogs() {
		return this.changelogs;
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * The JDBC settings of the database.
	 * @return the settings
	 */
	public JdbcSettings jdbc() {
		return this.jdbc;
	}

	/**
	 * Whether a table exists.
	 * @param table its name
	 * @return {@code true} when it does
	 * @throws SQLException on a database error
	 */
	public boolean tableExists(String table) throws SQLException {
		return "1".equals(query("select count(*) from sqlite_master where type = 'table' and name = '" + table + "'"));
	}

	/**
	 * The first column of the first row of a query.
	 * @param sql the query
	 * @return the value as text, or {@code null}
	 * @throws SQLException on a database error
	 */
	public @Nullable String query(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			return result.next() ? result.getString(1) : null;
		}
	}

	/**
	 * Run a statement.
	 * @param sql the statement
	 * @throws SQLException on a database error
	 */
	public void execute(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
