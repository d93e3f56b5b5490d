package io.paig.db.url;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Turns a {@code database.url} into {@link R2dbcSettings} for an R2DBC application: picks
 * the R2DBC driver on the class path, translates the query parameters that have a meaning
 * for it, and passes the rest through as driver options. SQLite and {@code jdbc:} URLs
 * have no R2DBC form and are refused with the choices there are.
 * <p>
 * Every rule is listed in {@code docs/url-mapping.md}, section "R2DBC".
 *
 * @author paig-db authors
 */
public final class R2dbcTranslator {

	/** r2dbc-postgresql's provider. */
	static final String POSTGRESQL_DRIVER = "io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider";

	/** MariaDB's R2DBC driver's provider. */
	static final String MARIADB_DRIVER = "org.mariadb.r2dbc.MariadbConnectionFactoryProvider";

	/** io.asyncer's R2DBC MySQL driver's provider. */
	static final String MYSQL_DRIVER = "io.asyncer.r2dbc.mysql.MySqlConnectionFactoryProvider";

	private final ClassLoader classLoader;

	/**
	 * Create a translator.
	 * @param classLoader where to look for R2DBC drivers
	 */
	public R2dbcTranslator(@Nullable ClassLoader classLoader) {
		this.classLoader = (classLoader != null) ? classLoader : R2dbcTranslator.class.getClassLoader();
	}

	/**
	 * Translate a URL.
	 * @param url a SQLAlchemy-style URL
	 * @param username overrides the URL's user when not {@code null}
	 * @param password overrides the URL's password when not {@code null}
	 * @return the R2DBC settings
	 * @throws InvalidDatabaseUrlException when the URL cannot serve an R2DBC application
	 */
	public R2dbcSettings translate(@Nullable String url, @Nullable String username, @Nullable String password) {
		if (url != null && url.strip().regionMatches(true, 0, "jdbc:", 0, 5)) {
			throw new InvalidDatabaseUrlException(Secrets.maskJdbcUrl(url.strip()),
					"a 'jdbc:' URL cannot serve an R2DBC application.",
					"Write database.url in SQLAlchemy's form, for example "
							+ "'postgresql://user@host:5432/database': paig-db makes both the R2DBC connection and the "
							+ "migrations' JDBC connection from it.");
		}
		DatabaseUrl parsed = DatabaseUrl.parse(url);
		if (!parsed.getDialect().isNetworked()) {
			throw sqlite(parsed.toString());
		}
		parsed = parsed.withCredentials(username, password);
		return switch (parsed.getDialect()) {
			case POSTGRESQL -> postgresql(parsed);
			default -> mysql(parsed);
		};
	}

	private static InvalidDatabaseUrlException sqlite(String shown) {
		return new InvalidDatabaseUrlException(shown,
				"the application is R2DBC-based (Spring Boot's R2DBC support and an R2DBC driver are on the class "
						+ "path, and there is no DataSource), and SQLite has no maintained R2DBC driver.",
				"Choose one: point database.url at PostgreSQL, MySQL or MariaDB (with r2dbc-postgresql, "
						+ "r2dbc-mariadb or io.asyncer:r2dbc-mysql); or keep SQLite and make the application "
						+ "JDBC-based (remove spring-boot-starter-data-r2dbc and the R2DBC driver, use JDBC or "
						+ "JPA); or, in an application that does not use its R2DBC ConnectionFactory, set "
						+ "spring.r2dbc.url to the database it should use instead.");
	}

	private R2dbcSettings postgresql(DatabaseUrl url) {
		String shown = url.toString();
		requireDriver(POSTGRESQL_DRIVER, "PostgreSQL", "org.postgresql:r2dbc-postgresql", shown);
		JdbcTranslator.Credentials credentials = new JdbcTranslator.Credentials(url);
		Map<String, Object> options = new LinkedHashMap<>();
		@Nullable Duration[] connectTimeout = new Duration[1];
		credentials.readQuery(url, (key, value) -> {
			switch (key) {
				case "sslmode" -> options.put("sslMode", JdbcTranslator.sslMode(value, shown));
				case "ssl" -> options.put("sslMode", switch (value.toLowerCase(Locale.ROOT)) {
					case "true", "1" -> "require";
					case "false", "0" -> "disable";
					default -> JdbcTranslator.sslMode(value, shown);
				});
				case "sslrootcert" -> options.put("sslRootCert", value);
				case "sslcert" -> options.put("sslCert", value);
				case "sslkey" -> options.put("sslKey", value);
				case "sslpassword" -> options.put("sslPassword", value);
				case "connect_timeout", "timeout" -> connectTimeout[0] = duration(key, value, shown);
				case "application_name" -> options.put("applicationName", value);
				case "options" -> options.put("options", startupOptions(value, shown));
				case "keepalives" -> options.put("tcpKeepAlive", String.valueOf(JdbcTranslator.isTrue(value)));
				case "client_encoding" -> {
					if (!value.replace("-", "").equalsIgnoreCase("utf8")) {
						throw new InvalidDatabaseUrlException(
								shown, "client_encoding '" + value
										+ "' is not supported: r2dbc-postgresql always talks " + "UTF-8.",
								"Remove client_encoding from the URL.");
					}
				}
				case "prepared_statement_cache_size" -> options.put("preparedStatementCacheQueries", value);
				case "prepare_threshold", "target_session_attrs" -> throw unsupported(shown, key, "r2dbc-postgresql");
				case "host", "port" ->
					throw new InvalidDatabaseUrlException(shown, "the query parameter '" + key + "' is not supported.",
							"Write the host and port in the URL itself, 'postgresql://user@host:5432/database'; for "
									+ "a local server use 'localhost'.");
				default -> options.put(key, value);
			}
		});
		return new R2dbcSettings(shown, url.getDialect(), "postgresql", host(url), port(url),
				JdbcTranslator.requireDatabase(url, shown), credentials.username, credentials.password,
				connectTimeout[0], options);
	}

	private R2dbcSettings mysql(DatabaseUrl url) {
		String shown = url.toString();
		boolean mariadb = chooseMariadb(url.getDialect(), shown);
		String driverName = mariadb ? "r2dbc-mariadb" : "io.asyncer r2dbc-mysql";
		JdbcTranslator.Credentials credentials = new JdbcTranslator.Credentials(url);
		Map<String, Object> options = new LinkedHashMap<>();
		@Nullable Duration[] connectTimeout = new Duration[1];
		credentials.readQuery(url, (key, value) -> {
			switch (key) {
				case "charset" -> {
					String charset = value.toLowerCase(Locale.ROOT);
					if (!List.of("utf8mb4", "utf8", "utf8mb3").contains(charset)) {
						throw new InvalidDatabaseUrlException(shown,
								"charset '" + value + "' is not supported: " + driverName + " always talks utf8mb4.",
								"Remove charset from the URL, or write charset=utf8mb4.");
					}
				}
				case "connect_timeout" -> connectTimeout[0] = duration(key, value, shown);
				case "ssl_mode", "ssl-mode" -> {
					options.put("sslMode",
							mariadb ? mariadbSslMode(value, shown) : JdbcTranslator.mysqlSslMode(value, true, shown));
				}
				case "ssl_ca" -> options.put(mariadb ? "serverSslCert" : "sslCa", value);
				case "ssl_cert" -> options.put(mariadb ? "clientSslCert" : "sslCert", value);
				case "ssl_key" -> options.put(mariadb ? "clientSslKey" : "sslKey", value);
				case "autocommit" -> {
					// The application's transactions decide auto-commit.
				}
				case "read_timeout", "local_infile", "program_name" -> throw unsupported(shown, key, driverName);
				case "unix_socket" -> throw new InvalidDatabaseUrlException(shown,
						"the migrations' JDBC connection cannot go through a Unix socket ('unix_socket').",
						"Connect over TCP: write the host and port in the URL, for example "
								+ "'mysql://user@127.0.0.1:3306/database'.");
				default -> options.put(key, value);
			}
		});
		return new R2dbcSettings(shown, url.getDialect(), mariadb ? "mariadb" : "mysql", host(url), port(url),
				JdbcTranslator.requireDatabase(url, shown), credentials.username, credentials.password,
				connectTimeout[0], options);
	}

	// MariaDB's driver or io.asyncer's: the one on the class path; with both, MariaDB's
	// for a mariadb:// URL and io.asyncer's for a mysql:// one.
	private boolean chooseMariadb(Dialect dialect, String shown) {
		boolean mariadb = ClassUtils.isPresent(MARIADB_DRIVER, this.classLoader);
		boolean mysql = ClassUtils.isPresent(MYSQL_DRIVER, this.classLoader);
		if (mariadb && mysql) {
			return dialect == Dialect.MARIADB;
		}
		if (mariadb || mysql) {
			return mariadb;
		}
		throw new InvalidDatabaseUrlException(shown,
				"no R2DBC driver for " + dialect.getProductName() + " is on the class path.",
				"Add org.mariadb:r2dbc-mariadb or io.asyncer:r2dbc-mysql (either serves MySQL and MariaDB).");
	}

	private void requireDriver(String className, String product, String coordinates, String shown) {
		if (!ClassUtils.isPresent(className, this.classLoader)) {
			throw new InvalidDatabaseUrlException(shown, "no R2DBC driver for " + product + " is on the class path.",
					"Add " + coordinates + ".");
		}
	}

	private static InvalidDatabaseUrlException unsupported(String shown, String key, String driver) {
		return new InvalidDatabaseUrlException(shown,
				"the query parameter '" + key + "' has no equivalent in " + driver + ", the R2DBC driver in use.",
				"Remove '" + key + "' from the URL (docs/url-mapping.md, section R2DBC, lists what each driver "
						+ "takes).");
	}

	// libpq's options, '-c name=value' settings, as r2dbc-postgresql's startup options.
	private static Map<String, String> startupOptions(String value, String shown) {
		Map<String, String> settings = new LinkedHashMap<>();
		String[] words = value.strip().split("\\s+");
		for (int i = 0; i < words.length; i++) {
			String setting = null;
			if (words[i].equals("-c") && i + 1 < words.length) {
				setting = words[++i];
			}
			else if (words[i].startsWith("-c") && words[i].length() > 2) {
				setting = words[i].substring(2);
			}
			else if (words[i].startsWith("--") && words[i].length() > 2) {
				setting = words[i].substring(2);
			}
			int equals = (setting != null) ? setting.indexOf('=') : -1;
			if (equals <= 0) {
				throw new InvalidDatabaseUrlException(shown,
						"options '" + value + "' is not a list of '-c name=value' settings, the only form "
								+ "r2dbc-postgresql can send.",
						"Write each setting as '-c name=value', for example 'options=-c%20search_path%3Dpaig'.");
			}
			settings.put(setting.substring(0, equals).replace('-', '_'), setting.substring(equals + 1));
		}
		return settings;
	}

	private static String mariadbSslMode(String value, String shown) {
		String mode = JdbcTranslator.mysqlSslMode(value, true, shown);
		return switch (mode) {
			case "DISABLED" -> "disable";
			case "PREFERRED" -> throw new InvalidDatabaseUrlException(shown,
					"ssl_mode PREFERRED has no equivalent in r2dbc-mariadb, the R2DBC driver in use.",
					"Choose REQUIRED (encrypt, or fail) or DISABLED, or use io.asyncer:r2dbc-mysql, which has it.");
			case "REQUIRED" -> "trust";
			case "VERIFY_CA" -> "verify-ca";
			default -> "verify-full";
		};
	}

	// 0 waits forever, as in libpq and the MySQL clients: no timeout of paig-db's.
	private static @Nullable Duration duration(String key, String value, String shown) {
		double seconds = JdbcTranslator.seconds(key, value, shown);
		return (seconds == 0) ? null : Duration.ofMillis(Math.round(seconds * 1000));
	}

	private static String host(DatabaseUrl url) {
		return (url.getHost() != null) ? url.getHost() : "localhost";
	}

	private static int port(DatabaseUrl url) {
		return (url.getPort() != null) ? url.getPort() : url.getDialect().getDefaultPort();
	}

}
