package io.paig.db.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database server the benchmark creates its databases on: PostgreSQL or MariaDB from a
 * paig-db URL (the tests' {@code PAIG_TEST_POSTGRES_URL} and
 * {@code PAIG_TEST_MYSQL_URL}), or SQLite files in a folder.
 *
 * @author paig-db authors
 */
public final class Server {

	private final String key;

	private final String name;

	private final @Nullable String serverUrl;

	private final @Nullable Path sqliteFolder;

	private Server(String key, String name, @Nullable String serverUrl, @Nullable Path sqliteFolder) {
		this.key = key;
		this.name = name;
		this.serverUrl = serverUrl;
		this.sqliteFolder = sqliteFolder;
	}

	/**
	 * PostgreSQL.
	 * @param serverUrl a paig-db URL of any database on the server, e.g.
	 * {@code postgresql://root@127.0.0.1:5432/test}
	 * @return the server
	 */
	public static Server postgresql(String serverUrl) {
		return new Server("postgresql", "PostgreSQL", serverUrl, null);
	}

	/**
	 * MariaDB (or MySQL).
	 * @param serverUrl a paig-db URL of any database on the server, e.g.
	 * {@code mysql://root@127.0.0.1:3306/test}
	 * @return the server
	 */
	public static Server mariadb(String serverUrl) {
		return new Server("mariadb", "MariaDB", serverUrl, null);
	}

	/**
	 * SQLite files.
	 * @param folder where the files go
	 * @return the server
	 */
	public static Server sqlite(Path folder) {
		return new Server("sqlite", "SQLite", null, folder);
	}

	/**
	 * The short name, as on the command line.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * The name to print.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Whether this is SQLite.
	 * @return {@code true} for SQLite files
	 */
	public boolean isSqlite() {
		return this.sqliteFolder != null;
	}

	/**
	 * The tools measured here: paig-db against Liquibase only on SQLite, everything on
	 * the servers.
	 * @return the tools
	 */
	public Set<Tool> tools() {
		return isSqlite() ? EnumSet.of(Tool.RAW_JDBC, Tool.PAIG_DB, Tool.LIQUIBASE)
				: EnumSet.of(Tool.RAW_JDBC, Tool.PAIG_DB, Tool.LIQUIBASE, Tool.FLYWAY);
	}

	/**
	 * Whether a workload of this size can run here. On SQLite, Liquibase's
	 * {@code addColumn} (stock and under paig-db alike) fails once the database has about
	 * 160 tables: it rebuilds the table after reading the columns of all tables in one
	 * compound SELECT, and SQLite allows 500 terms ("too many terms in compound SELECT").
	 * So SQLite is measured up to 500 changes (125 tables).
	 * @param changes the workload's size
	 * @return {@code true} when it is measured here
	 */
	public boolean fits(int changes) {
		return !isSqlite() || changes <= SQLITE_MAX_CHANGES;
	}

	/** The largest workload measured on SQLite: see {@link #fits(int)}. */
	public static final int SQLITE_MAX_CHANGES = 500;

	/**
	 * The paig-db URL of one database (what {@code database.url} would say).
	 * @param database the database's name
	 * @return the URL
	 */
	public String paigUrl(String database) {
		if (this.sqliteFolder != null) {
			return "sqlite:///" + file(database);
		}
		String url = this.serverUrl;
		int start = url.indexOf("://") + 3;
		int slash = url.indexOf('/', start);
		if (slash < 0) {
			return url + "/" + database;
		}
		int query = url.indexOf('?', slash);
		return url.substring(0, slash + 1) + database + ((query < 0) ? "" : url.substring(query));
	}

	/**
	 * The JDBC settings of one database, as paig-db translates its URL.
	 * @param database the database's name
	 * @return the settings
	 */
	public JdbcSettings jdbc(String database) {
		return new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(paigUrl(database), null, null);
	}

	/**
	 * A DataSource that opens a new connection each time it is asked: every measurement
	 * starts cold.
	 * @param database the database's name
	 * @return the DataSource
	 */
	public DataSource dataSource(String database) {
		JdbcSettings jdbc = jdbc(database);
		return new DriverManagerDataSource(jdbc.jdbcUrl(), nullToEmpty(jdbc.username()), nullToEmpty(jdbc.password()));
	}

	/**
	 * A new connection to one database.
	 * @param database the database's name
	 * @return the connection
	 * @throws SQLException when it cannot be opened
	 */
	public Connection connect(String database) throws SQLException {
		return dataSource(database).getConnection();
	}

	/**
	 * Environment variables that hand the password to a child JVM without putting it on a
	 * command line.
	 * @return the variables, empty when there is no password
	 */
	public Map<String, String> passwordEnvironment() {
		Map<String, String> environment = new HashMap<>();
		if (this.serverUrl != null) {
			String password = jdbc("x").password();
			if (password != null) {
				environment.put("BENCH_DB_PASSWORD", password);
				environment.put("SPRING_DATASOURCE_PASSWORD", password);
				environment.put("DATABASE_PASSWORD", password);
			}
		}
		return environment;
	}

	/**
	 * Create an empty database, dropping one of the same name first.
	 * @param database the name
	 */
	public void create(String database) {
		drop(database);
		if (this.sqliteFolder != null) {
			return;
		}
		admin("CREATE DATABASE " + database);
	}

	/**
	 * Let the server finish what dropping databases left it to do (PostgreSQL: a
	 * checkpoint writes out what the drops dirtied) and wait a moment, before something
	 * is timed.
	 */
	public void settle() {
		if (this.sqliteFolder == null && this.key.equals("postgresql")) {
			try {
				admin("CHECKPOINT");
			}
			catch (RuntimeException ex) {
				// only a superuser may: the pause alone will do
			}
		}
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Drop a database if it exists.
	 * @param database the name
	 */
	public void drop(String database) {
		if (this.sqliteFolder != null) {
			try {
				for (String suffix : new String[] { "", "-wal", "-shm", "-journal", ".migration-lock" }) {
					Files.deleteIfExists(Path.of(file(database) + suffix));
				}
				return;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		admin("DROP DATABASE IF EXISTS " + database + (this.key.equals("postgresql") ? " WITH (FORCE)" : ""));
	}

	/**
	 * The server's version.
	 * @return the version as the server reports it
	 */
	public String version() {
		String sql = isSqlite() ? "select 'SQLite ' || sqlite_version()" : "select version()";
		try (Connection connection = isSqlite() ? connect("version") : adminConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			String version = rows.getString(1);
			if (this.key.equals("mariadb")) {
				return (version.contains("MariaDB") ? "MariaDB " : "MySQL ") + version;
			}
			return version.replaceAll(" on .*", "");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the version of " + this.name + ": " + ex.getMessage(), ex);
		}
		finally {
			if (isSqlite()) {
				drop("version");
			}
		}
	}

	private Path file(String database) {
		return this.sqliteFolder.resolve(database + ".db").toAbsolutePath();
	}

	private void admin(String sql) {
		try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(this.name + " refused '" + sql + "': " + ex.getMessage(), ex);
		}
	}

	private Connection adminConnection() throws SQLException {
		JdbcSettings jdbc = new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(this.serverUrl, null, null);
		return DriverManager.getConnection(jdbc.jdbcUrl(), nullToEmpty(jdbc.username()), nullToEmpty(jdbc.password()));
	}

	private static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
