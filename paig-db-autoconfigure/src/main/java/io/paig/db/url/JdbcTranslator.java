package io.paig.db.url;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.util.ClassUtils;

/**
 * Turns a {@code database.url} into {@link JdbcSettings}: picks the JDBC driver on the
 * classpath, translates the query parameters that have a JDBC meaning, passes the rest
 * through, and applies the settings that make SQLite safe behind a pool. A {@code jdbc:}
 * URL passes through untouched.
 * <p>
 * Every rule is listed in {@code docs/url-mapping.md}.
 *
 * @author paig-db authors
 */
public final class JdbcTranslator {

	/**
	 * PostgreSQL parameters given a JDBC meaning (the rest pass through to the driver).
	 */
	static final Set<String> POSTGRESQL_PARAMETERS = Set.of("sslmode", "ssl", "sslrootcert", "sslcert", "sslkey",
			"sslpassword", "connect_timeout", "timeout", "application_name", "target_session_attrs", "options",
			"keepalives", "client_encoding", "prepared_statement_cache_size", "prepare_threshold", "host", "port",
			"user", "password");

	/**
	 * MySQL and MariaDB parameters given a JDBC meaning (the rest pass through to the
	 * driver).
	 */
	static final Set<String> MYSQL_PARAMETERS = Set.of("charset", "connect_timeout", "read_timeout", "ssl_mode",
			"ssl-mode", "ssl_ca", "ssl_cert", "ssl_key", "local_infile", "unix_socket", "program_name", "autocommit",
			"user", "password");

	/**
	 * SQLite parameters given a JDBC meaning; besides these only sqlite-jdbc's own
	 * settings are allowed.
	 */
	static final Set<String> SQLITE_PARAMETERS = Set.of("timeout", "check_same_thread", "isolation_level", "uri",
			"mode", "cache", "immutable", "nolock", "vfs");

	private final SqliteOptions sqliteOptions;

	private final ClassLoader classLoader;

	/**
	 * Create a translator.
	 * @param sqliteOptions the settings applied to SQLite connections
	 * @param classLoader where to look for JDBC drivers
	 */
	public JdbcTranslator(SqliteOptions sqliteOptions, @Nullable ClassLoader classLoader) {
		this.sqliteOptions = sqliteOptions;
		this.classLoader = (classLoader != null) ? classLoader : JdbcTranslator.class.getClassLoader();
	}

	/**
	 * Translate a URL.
	 * @param url a SQLAlchemy-style URL or a {@code jdbc:} URL
	 * @param username overrides the URL's user when not {@code null}
	 * @param password overrides the URL's password when not {@code null}
	 * @return the JDBC settings
	 * @throws InvalidDatabaseUrlException when the URL cannot be used
	 */
	public JdbcSettings translate(@Nullable String url, @Nullable String username, @Nullable String password) {
		if (url != null && url.strip().regionMatches(true, 0, "jdbc:", 0, 5)) {
			return passThrough("jdbc:" + url.strip().substring(5), username, password);
		}
		DatabaseUrl parsed = DatabaseUrl.parse(url);
		if (parsed.getDialect().isNetworked()) {
			// SQLite has no users: database.username and database.password set for
			// another database are ignored.
			parsed = parsed.withCredentials(username, password);
		}
		return switch (parsed.getDialect()) {
			case POSTGRESQL -> postgresql(parsed);
			case MYSQL, MARIADB -> mysql(parsed);
			case SQLITE -> sqlite(parsed);
		};
	}

	private JdbcSettings passThrough(String jdbcUrl, @Nullable String username, @Nullable String password) {
		String masked = Secrets.maskJdbcUrl(jdbcUrl);
		DatabaseDriver driver;
		try {
			driver = DatabaseDriver.fromJdbcUrl(jdbcUrl);
		}
		catch (IllegalArgumentException ex) {
			driver = DatabaseDriver.UNKNOWN;
		}
		if (driver == DatabaseDriver.UNKNOWN) {
			throw new InvalidDatabaseUrlException(masked, "no known JDBC driver serves this 'jdbc:' URL.",
					"Check the URL's 'jdbc:<database>:' prefix, or write it in SQLAlchemy's form, for example "
							+ "'postgresql://user:password@host:5432/database'.");
		}
		requireOnClasspath(driver, masked, null);
		Dialect dialect = switch (driver) {
			case POSTGRESQL -> Dialect.POSTGRESQL;
			case MYSQL -> Dialect.MYSQL;
			case MARIADB -> Dialect.MARIADB;
			case SQLITE -> Dialect.SQLITE;
			default -> null;
		};
		// Only a named shared-cache database is one database for the whole pool;
		// 'jdbc:sqlite::memory:' gives
		// every connection a database of its own, as the user asked.
		boolean memory = driver == DatabaseDriver.SQLITE && jdbcUrl.contains("mode=memory")
				&& jdbcUrl.contains("cache=shared");
		return new JdbcSettings(masked, dialect, driver, jdbcUrl, username, password, null, memory);
	}

	private JdbcSettings postgresql(DatabaseUrl url) {
		String shown = url.toString();
		DatabaseDriver driver = chooseDriver(url.getDialect(), shown);
		Credentials credentials = new Credentials(url);
		Map<String, String> parameters = new LinkedHashMap<>();
		credentials.readQuery(url, (key, value) -> {
			switch (key) {
				case "sslmode" -> parameters.put("sslmode", sslMode(value, shown));
				case "ssl" -> parameters.put("sslmode", switch (value.toLowerCase(Locale.ROOT)) {
					case "true", "1" -> "require";
					case "false", "0" -> "disable";
					default -> sslMode(value, shown);
				});
				case "sslrootcert", "sslcert", "sslkey", "sslpassword", "options" -> parameters.put(key, value);
				case "connect_timeout", "timeout" -> parameters.put("connectTimeout", wholeSeconds(key, value, shown));
				case "application_name" -> parameters.put("ApplicationName", value);
				case "target_session_attrs" -> parameters.put("targetServerType", targetServerType(value, shown));
				case "keepalives" -> parameters.put("tcpKeepAlive", String.valueOf(isTrue(value)));
				case "client_encoding" -> {
					if (!value.replace("-", "").equalsIgnoreCase("utf8")) {
						throw new InvalidDatabaseUrlException(
								shown, "client_encoding '" + value
										+ "' is not supported: the PostgreSQL JDBC driver always " + "talks UTF-8.",
								"Remove client_encoding from the URL.");
					}
				}
				case "prepared_statement_cache_size" -> parameters.put("preparedStatementCacheQueries", value);
				case "prepare_threshold" -> parameters.put("prepareThreshold", value);
				case "host", "port" -> throw new InvalidDatabaseUrlException(shown,
						"the query parameter '" + key + "' is not supported"
								+ (value.startsWith("/") ? ": JDBC cannot connect through a Unix socket." : "."),
						"Write the host and port in the URL itself, 'postgresql://user@host:5432/database'; for "
								+ "a local server use 'localhost'.");
				default -> parameters.put(key, value);
			}
		});
		String database = requireDatabase(url, shown);
		String jdbcUrl = "jdbc:postgresql://" + hostAndPort(url) + "/" + encode(database) + query(parameters);
		return new JdbcSettings(shown, url.getDialect(), driver, jdbcUrl, credentials.username, credentials.password,
				null, false);
	}

	private JdbcSettings mysql(DatabaseUrl url) {
		String shown = url.toString();
		DatabaseDriver driver = chooseDriver(url.getDialect(), shown);
		boolean connectorJ = driver == DatabaseDriver.MYSQL;
		Credentials credentials = new Credentials(url);
		Map<String, String> parameters = new LinkedHashMap<>();
		credentials.readQuery(url, (key, value) -> {
			switch (key) {
				case "charset" -> {
					// MariaDB Connector/J always talks utf8mb4 and has no such setting.
					if (connectorJ) {
						parameters.put("characterEncoding", javaCharset(value));
					}
				}
				case "connect_timeout" -> parameters.put("connectTimeout", milliseconds(key, value, shown));
				case "read_timeout" -> parameters.put("socketTimeout", milliseconds(key, value, shown));
				case "ssl_mode", "ssl-mode" -> parameters.put("sslMode", mysqlSslMode(value, connectorJ, shown));
				case "local_infile" -> parameters.put(connectorJ ? "allowLoadLocalInfile" : "allowLocalInfile",
						String.valueOf(isTrue(value)));
				case "program_name" -> parameters.put("connectionAttributes", "program_name:" + value);
				case "autocommit" -> {
					// The pool decides auto-commit
					// (spring.datasource.hikari.auto-commit).
				}
				case "ssl_ca", "ssl_cert", "ssl_key" -> throw new InvalidDatabaseUrlException(shown,
						"'" + key + "' names a PEM file, which the JDBC driver cannot read.",
						"Put the certificate in a trust store (keytool -importcert) and pass "
								+ "'trustCertificateKeyStoreUrl=file:/path/truststore.p12' with 'ssl_mode=VERIFY_CA' "
								+ "instead (for a client certificate, 'clientCertificateKeyStoreUrl').");
				case "unix_socket" -> throw new InvalidDatabaseUrlException(shown,
						"JDBC cannot connect through a Unix socket ('unix_socket').",
						"Connect over TCP: write the host and port in the URL, for example "
								+ "'mysql://user@127.0.0.1:3306/database'.");
				default -> parameters.put(key, value);
			}
		});
		String database = requireDatabase(url, shown);
		String prefix = connectorJ ? "jdbc:mysql://" : "jdbc:mariadb://";
		String jdbcUrl = prefix + hostAndPort(url) + "/" + encode(database) + query(parameters);
		return new JdbcSettings(shown, url.getDialect(), driver, jdbcUrl, credentials.username, credentials.password,
				null, false);
	}

	private JdbcSettings sqlite(DatabaseUrl url) {
		String shown = url.toString();
		if (url.getHost() != null || url.getPort() != null || url.getUsername() != null || url.getPassword() != null) {
			// Not shown: a network URL given the wrong dialect may hold a password
			// anywhere after '://'.
			throw new InvalidDatabaseUrlException(shown.substring(0, shown.indexOf("://") + 3) + DatabaseUrl.MASK,
					"a SQLite URL has no host, port, user or password: the part after 'sqlite://' is a file path.",
					"Write 'sqlite:///relative/path.db' (three slashes, relative to the working directory), "
							+ "'sqlite:////absolute/path.db' (four slashes) or 'sqlite://' for an in-memory database.");
		}
		DatabaseDriver driver = chooseDriver(Dialect.SQLITE, shown);
		Map<String, String> parameters = new LinkedHashMap<>();
		for (Map.Entry<String, String> parameter : url.getQuery()) {
			String key = parameter.getKey();
			String value = parameter.getValue();
			switch (key) {
				case "timeout" -> parameters.put("busy_timeout", milliseconds(key, value, shown));
				case "check_same_thread", "isolation_level" -> {
					// Python's sqlite3 module only: the pool hands a connection to one
					// thread at a time, and
					// transactions follow Spring's transaction management.
				}
				case "uri", "mode", "cache", "immutable", "nolock", "vfs" -> throw new InvalidDatabaseUrlException(
						shown, "SQLite URI filenames ('" + key + "') are not supported.",
						"Write the plain path, 'sqlite:///path/to/file.db'; for an in-memory database use 'sqlite://'.");
				default -> {
					if (!SqlitePragmas.NAMES.contains(key)) {
						throw new InvalidDatabaseUrlException(shown,
								"the query parameter '" + key + "' is not a SQLite setting.",
								"Use 'timeout' (seconds) or one of sqlite-jdbc's settings: "
										+ String.join(", ", SqlitePragmas.NAMES) + ".");
					}
					if (value.indexOf('&') >= 0) {
						throw new InvalidDatabaseUrlException(shown,
								"the value of '" + key + "' holds a '&', which sqlite-jdbc " + "cannot read.",
								"Remove the '&' from the value.");
					}
					parameters.put(key, value);
				}
			}
		}
		String database = url.getDatabase();
		boolean memory = database == null || database.isEmpty() || database.equals(":memory:");
		parameters.putIfAbsent("busy_timeout", String.valueOf(this.sqliteOptions.busyTimeout().toMillis()));
		parameters.putIfAbsent("foreign_keys", String.valueOf(this.sqliteOptions.foreignKeys()));
		// BEGIN IMMEDIATE: a transaction takes the write lock when it starts, so two
		// writers queue on
		// busy_timeout instead of one failing at once with SQLITE_BUSY when it tries to
		// upgrade its lock.
		parameters.putIfAbsent("transaction_mode", "IMMEDIATE");
		// Dates as sortable text, as SQLAlchemy keeps them in PAIG's SQLite files.
		parameters.putIfAbsent("date_class", "TEXT");
		parameters.putIfAbsent("date_string_format", "yyyy-MM-dd HH:mm:ss.SSS");
		if (memory) {
			// One named, shared-cache database for every connection of the pool, kept
			// alive while the
			// application holds a connection to it.
			String name = "paig-db-memory-" + UUID.randomUUID();
			String jdbcUrl = "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared&"
					+ sqliteQuery(parameters).substring(1);
			return new JdbcSettings(shown, Dialect.SQLITE, driver, jdbcUrl, null, null, null, true);
		}
		parameters.putIfAbsent("journal_mode", this.sqliteOptions.journalMode());
		Path file;
		try {
			file = Path.of(database).toAbsolutePath().normalize();
		}
		catch (InvalidPathException ex) {
			throw new InvalidDatabaseUrlException(shown,
					"'" + Secrets.maskPath(database) + "' is not a valid file path.",
					"Write a path the operating system accepts, for example 'sqlite:///db/database.db'.");
		}
		if (file.toString().indexOf('?') >= 0) {
			// sqlite-jdbc reads everything after the first '?' as settings, and cannot
			// escape one.
			throw new InvalidDatabaseUrlException(shown,
					"the SQLite path holds a '?', which the JDBC driver cannot open.",
					"Rename the file or folder so that its path has no '?'.");
		}
		String jdbcUrl = "jdbc:sqlite:" + file + sqliteQuery(parameters);
		return new JdbcSettings(shown, Dialect.SQLITE, driver, jdbcUrl, null, null, file, false);
	}

	private DatabaseDriver chooseDriver(Dialect dialect, String shown) {
		for (DatabaseDriver candidate : dialect.getJdbcDrivers()) {
			String className = candidate.getDriverClassName();
			if (className != null && ClassUtils.isPresent(className, this.classLoader)) {
				return candidate;
			}
		}
		DatabaseDriver preferred = dialect.getJdbcDrivers().get(0);
		requireOnClasspath(preferred, shown, dialect);
		return preferred;
	}

	private void requireOnClasspath(DatabaseDriver driver, String shown, @Nullable Dialect dialect) {
		String className = driver.getDriverClassName();
		if (className != null && ClassUtils.isPresent(className, this.classLoader)) {
			return;
		}
		String product = (dialect != null) ? dialect.getProductName() : driver.name();
		throw new InvalidDatabaseUrlException(shown,
				"the JDBC driver for " + product + " (" + className + ") is not on the classpath.",
				"Add the dependency " + coordinates(driver) + " (io.paig:paig-db-starter brings the PostgreSQL, "
						+ "MySQL and SQLite drivers).");
	}

	private static String coordinates(DatabaseDriver driver) {
		return switch (driver) {
			case POSTGRESQL -> "org.postgresql:postgresql";
			case MYSQL -> "com.mysql:mysql-connector-j";
			case MARIADB -> "org.mariadb.jdbc:mariadb-java-client";
			case SQLITE -> "org.xerial:sqlite-jdbc";
			default -> "for " + driver.name();
		};
	}

	static String requireDatabase(DatabaseUrl url, String shown) {
		String database = url.getDatabase();
		if (database == null || database.isEmpty()) {
			throw new InvalidDatabaseUrlException(shown, "it names no database.",
					"Add the database after the host, for example '" + url.getDialect().getName()
							+ "://user:password@host/paig'.");
		}
		return database;
	}

	private static String hostAndPort(DatabaseUrl url) {
		String host = url.getHost();
		String shownHost = (host != null) ? (url.isIpv6() ? "[" + host + "]" : host) : "localhost";
		int port = (url.getPort() != null) ? url.getPort() : url.getDialect().getDefaultPort();
		return shownHost + ":" + port;
	}

	private static String query(Map<String, String> parameters) {
		if (parameters.isEmpty()) {
			return "";
		}
		return parameters.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&", "?", ""));
	}

	// sqlite-jdbc splits its settings on '&' and '=' and decodes nothing: values go in as
	// they are.
	private static String sqliteQuery(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("&", "?", ""));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String sslMode(String value, String shown) {
		Set<String> modes = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
		String mode = value.toLowerCase(Locale.ROOT);
		if (!modes.contains(mode)) {
			throw new InvalidDatabaseUrlException(shown, "sslmode '" + value + "' is not known.",
					"Use one of " + String.join(", ", new TreeSet<>(modes)) + ".");
		}
		return mode;
	}

	static String mysqlSslMode(String value, boolean connectorJ, String shown) {
		String mode = value.toUpperCase(Locale.ROOT).replace('-', '_');
		List<String> modes = List.of("DISABLED", "PREFERRED", "REQUIRED", "VERIFY_CA", "VERIFY_IDENTITY");
		if (!modes.contains(mode)) {
			throw new InvalidDatabaseUrlException(shown, "ssl_mode '" + value + "' is not known.",
					"Use one of " + String.join(", ", modes) + ".");
		}
		if (connectorJ) {
			return mode;
		}
		return switch (mode) {
			case "DISABLED" -> "disable";
			case "PREFERRED" -> throw new InvalidDatabaseUrlException(shown,
					"ssl_mode PREFERRED has no equivalent in MariaDB Connector/J, the JDBC driver in use.",
					"Choose REQUIRED (encrypt, or fail) or DISABLED, or add com.mysql:mysql-connector-j, which has it.");
			case "REQUIRED" -> "trust";
			case "VERIFY_CA" -> "verify-ca";
			default -> "verify-full";
		};
	}

	private static String targetServerType(String value, String shown) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "any" -> "any";
			case "read-write", "primary" -> "primary";
			case "read-only", "standby" -> "secondary";
			case "prefer-standby" -> "preferSecondary";
			default ->
				throw new InvalidDatabaseUrlException(shown, "target_session_attrs '" + value + "' is not known.",
						"Use one of any, read-write, read-only, primary, standby, prefer-standby.");
		};
	}

	private static String javaCharset(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "utf8mb4", "utf8", "utf8mb3" -> "UTF-8";
			case "latin1" -> "Cp1252";
			case "ascii" -> "US-ASCII";
			default -> value;
		};
	}

	static boolean isTrue(String value) {
		return Arrays.asList("1", "true", "yes", "on").contains(value.toLowerCase(Locale.ROOT));
	}

	private static String wholeSeconds(String key, String value, String shown) {
		double seconds = seconds(key, value, shown);
		// 0 waits forever, in libpq and in the JDBC driver alike; anything else is at
		// least a second.
		return String.valueOf((seconds == 0) ? 0 : Math.max(1, Math.round(seconds)));
	}

	private static String milliseconds(String key, String value, String shown) {
		return String.valueOf(Math.round(seconds(key, value, shown) * 1000));
	}

	static double seconds(String key, String value, String shown) {
		try {
			double seconds = Double.parseDouble(value);
			if (seconds >= 0 && seconds < 1_000_000 && !Double.isNaN(seconds)) {
				return seconds;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidDatabaseUrlException(shown, "'" + key + "' is not a number of seconds.",
				"Write it in seconds, for example '" + key + "=10'.");
	}

	/**
	 * The user and password: {@code database.username}/{@code database.password} win,
	 * then the URL's user info, then its {@code user}/{@code password} query parameters
	 * (the first of each).
	 */
	static final class Credentials {

		@Nullable String username;

		@Nullable String password;

		Credentials(DatabaseUrl url) {
			this.username = url.getUsername();
			this.password = url.getPassword();
		}

		/**
		 * Read the URL's query: {@code user} and {@code password} where the URL has none
		 * before the host, every other parameter by the driver's own reader.
		 * @param url the URL
		 * @param others what reads the other parameters, by key and value
		 */
		void readQuery(DatabaseUrl url, BiConsumer<String, String> others) {
			for (Map.Entry<String, String> parameter : url.getQuery()) {
				String key = parameter.getKey();
				String value = parameter.getValue();
				if (key.equals("user") && this.username == null) {
					this.username = value;
				}
				else if (key.equals("password") && this.password == null) {
					this.password = value;
				}
				else if (!key.equals("user") && !key.equals("password")) {
					others.accept(key, value);
				}
			}
		}

	}

	/**
	 * The settings sqlite-jdbc reads from a URL's query, taken from the driver itself.
	 */
	private static final class SqlitePragmas {

		static final Set<String> NAMES = Arrays.stream(org.sqlite.SQLiteConfig.Pragma.values())
			.map(org.sqlite.SQLiteConfig.Pragma::getPragmaName)
			.collect(Collectors.toCollection(TreeSet::new));

	}

}
