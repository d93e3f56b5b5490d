package io.paig.db.url;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The database dialects a {@code database.url} may name, with the SQLAlchemy driver names
 * each accepts and the JDBC drivers that can serve it, in order of preference.
 *
 * @author paig-db authors
 */
public enum Dialect {

	/** PostgreSQL, through the PostgreSQL JDBC driver. */
	POSTGRESQL("postgresql", Set.of("postgres"), "PostgreSQL", 5432,
			List.of("asyncpg", "psycopg", "psycopg2", "psycopg2cffi", "psycopg_async", "pg8000"),
			List.of(DatabaseDriver.POSTGRESQL)),

	/**
	 * MySQL, through MySQL Connector/J (or MariaDB Connector/J when only that is
	 * present).
	 */
	MYSQL("mysql", Set.of(), "MySQL", 3306, PythonDrivers.MYSQL, List.of(DatabaseDriver.MYSQL, DatabaseDriver.MARIADB)),

	/**
	 * MariaDB, through MySQL Connector/J (or MariaDB Connector/J when only that is
	 * present).
	 */
	MARIADB("mariadb", Set.of(), "MariaDB", 3306, PythonDrivers.MYSQL,
			List.of(DatabaseDriver.MYSQL, DatabaseDriver.MARIADB)),

	/** SQLite, through the Xerial sqlite-jdbc driver. */
	SQLITE("sqlite", Set.of(), "SQLite", 0, List.of("aiosqlite", "pysqlite"), List.of(DatabaseDriver.SQLITE));

	private final String name;

	private final Set<String> aliases;

	private final String productName;

	private final int defaultPort;

	private final List<String> pythonDrivers;

	private final List<DatabaseDriver> jdbcDrivers;

	Dialect(String name, Set<String> aliases, String productName, int defaultPort, List<String> pythonDrivers,
			List<DatabaseDriver> jdbcDrivers) {
		this.name = name;
		this.aliases = aliases;
		this.productName = productName;
		this.defaultPort = defaultPort;
		this.pythonDrivers = pythonDrivers;
		this.jdbcDrivers = jdbcDrivers;
	}

	/**
	 * The dialect name as written in a URL, for example {@code postgresql}.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * The database product's display name, for example {@code PostgreSQL}.
	 * @return the product name
	 */
	public String getProductName() {
		return this.productName;
	}

	/**
	 * The port used when the URL names none; {@code 0} for file databases.
	 * @return the default port
	 */
	public int getDefaultPort() {
		return this.defaultPort;
	}

	/**
	 * The SQLAlchemy driver names accepted after the {@code +}, in documentation order.
	 * @return the driver names
	 */
	public List<String> getPythonDrivers() {
		return this.pythonDrivers;
	}

	/**
	 * The JDBC drivers that can serve this dialect, most preferred first.
	 * @return the JDBC drivers
	 */
	public List<DatabaseDriver> getJdbcDrivers() {
		return this.jdbcDrivers;
	}

	/**
	 * Whether this dialect is served over the network (it has a host and a port).
	 * @return {@code true} for client-server databases
	 */
	public boolean isNetworked() {
		return this != SQLITE;
	}

	/**
	 * Find the dialect a URL names, case-insensitively.
	 * @param name the name before {@code +} or {@code ://}
	 * @return the dialect, or {@code null} when unknown
	 */
	public static @Nullable Dialect find(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (Dialect dialect : values()) {
			if (dialect.name.equals(lower) || dialect.aliases.contains(lower)) {
				return dialect;
			}
		}
		return null;
	}

	/**
	 * The names a URL may use, for error messages.
	 * @return the known names, comma separated
	 */
	static String knownNames() {
		return "postgresql (or postgres), mysql, mariadb, sqlite";
	}

	private static final class PythonDrivers {

		static final List<String> MYSQL = List.of("aiomysql", "asyncmy", "pymysql", "mysqldb", "mysqlconnector",
				"mariadbconnector", "cymysql");

	}

}
