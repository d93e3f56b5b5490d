package io.paig.db.url;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Table-driven tests of {@link JdbcTranslator} over every dialect and driver, good URLs
 * and bad.
 */
class JdbcTranslatorTests {

	private static final String PG = "org.postgresql.Driver";

	private static final String MY = "com.mysql.cj.jdbc.Driver";

	private static final String SQ = "org.sqlite.JDBC";

	private static final String SQLITE_DEFAULTS = "busy_timeout=30000&foreign_keys=true&transaction_mode=IMMEDIATE"
			+ "&date_class=TEXT&date_string_format=yyyy-MM-dd HH:mm:ss.SSS";

	private static final String SQLITE_FILE_DEFAULTS = SQLITE_DEFAULTS + "&journal_mode=WAL";

	private static final List<String> POSTGRESQL_DRIVERS = List.of("", "asyncpg", "psycopg", "psycopg2", "psycopg2cffi",
			"psycopg_async", "pg8000");

	private static final List<String> MYSQL_DRIVERS = List.of("", "aiomysql", "asyncmy", "pymysql", "mysqldb",
			"mysqlconnector", "mariadbconnector", "cymysql");

	private static final List<String> SQLITE_DRIVERS = List.of("", "aiosqlite", "pysqlite");

	private final JdbcTranslator translator = new JdbcTranslator(SqliteOptions.DEFAULTS, null);

	static List<Row> goodUrls() {
		return List.of(
				// PostgreSQL, every driver under both names.
				url("postgresql://paig:secret@db:5432/paig").gives("jdbc:postgresql://db:5432/paig", "paig", "secret",
						PG),
				url("postgresql+asyncpg://paig:secret@db/paig").gives("jdbc:postgresql://db:5432/paig", "paig",
						"secret", PG),
				url("postgresql+psycopg://u:p@db.example.com:6543/app")
					.gives("jdbc:postgresql://db.example.com:6543/app", "u", "p", PG),
				url("postgresql+psycopg2://u@localhost/app").gives("jdbc:postgresql://localhost:5432/app", "u", null,
						PG),
				url("postgresql+psycopg2cffi://u:p@10.0.0.5/app?sslmode=require")
					.gives("jdbc:postgresql://10.0.0.5:5432/app?sslmode=require", "u", "p", PG),
				url("postgresql+psycopg_async://u:p@db/app?ssl=true")
					.gives("jdbc:postgresql://db:5432/app?sslmode=require", "u", "p", PG),
				url("postgresql+pg8000://u:p@db/app?ssl=false").gives("jdbc:postgresql://db:5432/app?sslmode=disable",
						"u", "p", PG),
				url("postgres://u:p@db/app").gives("jdbc:postgresql://db:5432/app", "u", "p", PG),
				url("postgres+asyncpg://u:p@[::1]:5433/app").gives("jdbc:postgresql://[::1]:5433/app", "u", "p", PG),
				url("postgres+psycopg://u:p@[2001:db8::1]/app").gives("jdbc:postgresql://[2001:db8::1]:5432/app", "u",
						"p", PG),
				url("postgres+psycopg2://u%40corp:p%40ss@db/app").gives("jdbc:postgresql://db:5432/app", "u@corp",
						"p@ss", PG),
				url("postgres+psycopg2cffi://u:p%3Aw%2Fo%25r%23d%3F%26x%3Dy@db/app")
					.gives("jdbc:postgresql://db:5432/app", "u", "p:w/o%r#d?&x=y", PG),
				url("postgres+psycopg_async://u:p:w/o#r?d&x=y%@db/app").gives("jdbc:postgresql://db:5432/app", "u",
						"p:w/o#r?d&x=y%", PG),
				url("postgres+pg8000://u:p@ss@db/app").gives("jdbc:postgresql://db:5432/app", "u", "p@ss", PG),
				// PostgreSQL users and passwords.
				url("postgresql://u@corp:p@db/app").gives("jdbc:postgresql://db:5432/app", "u@corp", "p", PG),
				url("postgresql://u%3Ax%2Fy:p@db/app").gives("jdbc:postgresql://db:5432/app", "u:x/y", "p", PG),
				url("postgresql://:p@db/app").gives("jdbc:postgresql://db:5432/app", "", "p", PG),
				url("postgresql://u:@db/app").gives("jdbc:postgresql://db:5432/app", "u", "", PG),
				url("postgresql://u:p%2Bq+r@db/app").gives("jdbc:postgresql://db:5432/app", "u", "p+q+r", PG),
				url("postgresql://db/app?user=u&password=p%40ss%26w%3Dx").gives("jdbc:postgresql://db:5432/app", "u",
						"p@ss&w=x", PG),
				url("postgresql://a:b@db/app?user=c&password=d").gives("jdbc:postgresql://db:5432/app", "a", "b", PG),
				url("postgresql://a@db/app?password=d").gives("jdbc:postgresql://db:5432/app", "a", "d", PG),
				url("postgresql://a:b@db/app").withCredentials("o", "q")
					.gives("jdbc:postgresql://db:5432/app", "o", "q", PG),
				url("postgresql://a:b@db/app").withCredentials(null, "q")
					.gives("jdbc:postgresql://db:5432/app", "a", "q", PG),
				url("postgresql://db/app?user=c&password=d").withCredentials("o", null)
					.gives("jdbc:postgresql://db:5432/app", "o", "d", PG),
				// PostgreSQL hosts, ports and databases.
				url("postgresql:///app").gives("jdbc:postgresql://localhost:5432/app", null, null, PG),
				url("postgresql://u@db:1/app").gives("jdbc:postgresql://db:1/app", "u", null, PG),
				url("postgresql://u@db:65535/app").gives("jdbc:postgresql://db:65535/app", "u", null, PG),
				// The database is used as written, as SQLAlchemy does: '%20' is not
				// decoded.
				url("postgresql://u@[fe80::1]:5432/my%20app").gives("jdbc:postgresql://[fe80::1]:5432/my%2520app", "u",
						null, PG),
				url("postgresql://u@[fe80::1%eth0]/app").gives("jdbc:postgresql://[fe80::1%eth0]:5432/app", "u", null,
						PG),
				url("  postgresql://u@DB.example.com/app  ").gives("jdbc:postgresql://DB.example.com:5432/app", "u",
						null, PG),
				url("PostgreSQL+AsyncPG://u@db/app").gives("jdbc:postgresql://db:5432/app", "u", null, PG),
				// PostgreSQL query parameters.
				url("postgresql://u@db/app?sslmode=VERIFY-CA").gives("jdbc:postgresql://db:5432/app?sslmode=verify-ca",
						"u", null, PG),
				url("postgresql://u@db/app?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem").gives(
						"jdbc:postgresql://db:5432/app?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Fca.pem", "u",
						null, PG),
				url("postgresql://u@db/app?ssl=1&sslcert=c.pem&sslkey=k.pk8")
					.gives("jdbc:postgresql://db:5432/app?sslmode=require&sslcert=c.pem&sslkey=k.pk8", "u", null, PG),
				url("postgresql://u@db/app?connect_timeout=10").gives("jdbc:postgresql://db:5432/app?connectTimeout=10",
						"u", null, PG),
				url("postgresql://u@db/app?timeout=2.4").gives("jdbc:postgresql://db:5432/app?connectTimeout=2", "u",
						null, PG),
				url("postgresql://u@db/app?application_name=paig%20api")
					.gives("jdbc:postgresql://db:5432/app?ApplicationName=paig%20api", "u", null, PG),
				url("postgresql://u@db/app?application_name=paig+api")
					.gives("jdbc:postgresql://db:5432/app?ApplicationName=paig%20api", "u", null, PG),
				url("postgresql://u@db/app?target_session_attrs=read-write")
					.gives("jdbc:postgresql://db:5432/app?targetServerType=primary", "u", null, PG),
				url("postgresql://u@db/app?target_session_attrs=read-only")
					.gives("jdbc:postgresql://db:5432/app?targetServerType=secondary", "u", null, PG),
				url("postgresql://u@db/app?target_session_attrs=prefer-standby")
					.gives("jdbc:postgresql://db:5432/app?targetServerType=preferSecondary", "u", null, PG),
				url("postgresql://u@db/app?target_session_attrs=any")
					.gives("jdbc:postgresql://db:5432/app?targetServerType=any", "u", null, PG),
				url("postgresql://u@db/app?target_session_attrs=Standby")
					.gives("jdbc:postgresql://db:5432/app?targetServerType=secondary", "u", null, PG),
				url("postgresql://u@db/app?keepalives=1").gives("jdbc:postgresql://db:5432/app?tcpKeepAlive=true", "u",
						null, PG),
				url("postgresql://u@db/app?keepalives=0").gives("jdbc:postgresql://db:5432/app?tcpKeepAlive=false", "u",
						null, PG),
				url("postgresql://u@db/app?options=-c%20search_path%3Dpaig")
					.gives("jdbc:postgresql://db:5432/app?options=-c%20search_path%3Dpaig", "u", null, PG),
				url("postgresql://u@db/app?client_encoding=utf8").gives("jdbc:postgresql://db:5432/app", "u", null, PG),
				url("postgresql://u@db/app?prepared_statement_cache_size=0&prepare_threshold=5").gives(
						"jdbc:postgresql://db:5432/app?preparedStatementCacheQueries=0&prepareThreshold=5", "u", null,
						PG),
				url("postgresql://u@db/app?foo=bar&loginTimeout=3")
					.gives("jdbc:postgresql://db:5432/app?foo=bar&loginTimeout=3", "u", null, PG),
				url("postgresql://u@db/app?sslpassword=k%26y").gives("jdbc:postgresql://db:5432/app?sslpassword=k%26y",
						"u", null, PG),
				// MySQL, every driver.
				url("mysql://u:p@db/app").gives("jdbc:mysql://db:3306/app", "u", "p", MY),
				url("mysql+aiomysql://u:p@db:3307/app").gives("jdbc:mysql://db:3307/app", "u", "p", MY),
				url("mysql+asyncmy://u:p@[::1]/app").gives("jdbc:mysql://[::1]:3306/app", "u", "p", MY),
				url("mysql+pymysql://u:p%40ss%3Aw%2Fo%25r%23d%3F%26x%3Dy@db/app").gives("jdbc:mysql://db:3306/app", "u",
						"p@ss:w/o%r#d?&x=y", MY),
				url("mysql+mysqldb://u:p:w/o#r?d&x=y@db/app").gives("jdbc:mysql://db:3306/app", "u", "p:w/o#r?d&x=y",
						MY),
				url("mysql+mysqlconnector://u@db/app?charset=utf8mb4")
					.gives("jdbc:mysql://db:3306/app?characterEncoding=UTF-8", "u", null, MY),
				url("mysql+mariadbconnector://u@db/app?connect_timeout=10")
					.gives("jdbc:mysql://db:3306/app?connectTimeout=10000", "u", null, MY),
				url("mysql+cymysql://u@db/app?read_timeout=30").gives("jdbc:mysql://db:3306/app?socketTimeout=30000",
						"u", null, MY),
				// MariaDB, every driver (served by MySQL Connector/J, the one on the
				// classpath).
				url("mariadb://u:p@db/app").gives("jdbc:mysql://db:3306/app", "u", "p", MY),
				url("mariadb+aiomysql://u:p@db/app?ssl_mode=REQUIRED")
					.gives("jdbc:mysql://db:3306/app?sslMode=REQUIRED", "u", "p", MY),
				url("mariadb+asyncmy://u:p@db/app?ssl-mode=verify-identity")
					.gives("jdbc:mysql://db:3306/app?sslMode=VERIFY_IDENTITY", "u", "p", MY),
				url("mariadb+pymysql://u:p@db/app?local_infile=1")
					.gives("jdbc:mysql://db:3306/app?allowLoadLocalInfile=true", "u", "p", MY),
				url("mariadb+mysqldb://u:p@db/app?local_infile=0")
					.gives("jdbc:mysql://db:3306/app?allowLoadLocalInfile=false", "u", "p", MY),
				url("mariadb+mysqlconnector://u:p@db/app?program_name=paig")
					.gives("jdbc:mysql://db:3306/app?connectionAttributes=program_name%3Apaig", "u", "p", MY),
				url("mariadb+mariadbconnector://u:p@[2001:db8::2]:3307/app")
					.gives("jdbc:mysql://[2001:db8::2]:3307/app", "u", "p", MY),
				url("mariadb+cymysql://u:p@db/app?autocommit=1").gives("jdbc:mysql://db:3306/app", "u", "p", MY),
				// MySQL query parameters and credentials.
				url("mysql://u@db/app?charset=latin1").gives("jdbc:mysql://db:3306/app?characterEncoding=Cp1252", "u",
						null, MY),
				url("mysql://u@db/app?charset=ascii").gives("jdbc:mysql://db:3306/app?characterEncoding=US-ASCII", "u",
						null, MY),
				url("mysql://u@db/app?charset=koi8r").gives("jdbc:mysql://db:3306/app?characterEncoding=koi8r", "u",
						null, MY),
				url("mysql://u@db/app?connect_timeout=2.5&read_timeout=0.25")
					.gives("jdbc:mysql://db:3306/app?connectTimeout=2500&socketTimeout=250", "u", null, MY),
				url("mysql://u@db/app?ssl_mode=preferred").gives("jdbc:mysql://db:3306/app?sslMode=PREFERRED", "u",
						null, MY),
				url("mysql://u@db/app?useSSL=false&serverTimezone=UTC")
					.gives("jdbc:mysql://db:3306/app?useSSL=false&serverTimezone=UTC", "u", null, MY),
				url("mysql://db/app?user=u%40corp&password=p%3Aq").gives("jdbc:mysql://db:3306/app", "u@corp", "p:q",
						MY),
				url("mysql://a:b@db/app").withCredentials("o", "q").gives("jdbc:mysql://db:3306/app", "o", "q", MY),
				url("mysql:///app").gives("jdbc:mysql://localhost:3306/app", null, null, MY),
				// SQLite, every driver, files and memory.
				url("sqlite:///relative/path.db")
					.gives("jdbc:sqlite:" + file("relative/path.db") + "?" + SQLITE_FILE_DEFAULTS, null, null, SQ),
				url("sqlite+aiosqlite:///db/paig.db")
					.gives("jdbc:sqlite:" + file("db/paig.db") + "?" + SQLITE_FILE_DEFAULTS, null, null, SQ),
				url("sqlite+pysqlite:////absolute/path.db")
					.gives("jdbc:sqlite:/absolute/path.db?" + SQLITE_FILE_DEFAULTS, null, null, SQ),
				url("sqlite:///../up/./x.db").gives("jdbc:sqlite:" + file("../up/x.db") + "?" + SQLITE_FILE_DEFAULTS,
						null, null, SQ),
				url("sqlite:///dir with space/x.db")
					.gives("jdbc:sqlite:" + file("dir with space/x.db") + "?" + SQLITE_FILE_DEFAULTS, null, null, SQ),
				url("sqlite:///my%20data/x.db")
					.gives("jdbc:sqlite:" + file("my%20data/x.db") + "?" + SQLITE_FILE_DEFAULTS, null, null, SQ),
				url("sqlite:///x.db?timeout=5").gives("jdbc:sqlite:" + file("x.db")
						+ "?busy_timeout=5000&foreign_keys=true&transaction_mode=IMMEDIATE&date_class=TEXT&date_string_format=yyyy-MM-dd HH:mm:ss.SSS&journal_mode=WAL",
						null, null, SQ),
				url("sqlite:///x.db?timeout=0.5").gives("jdbc:sqlite:" + file("x.db")
						+ "?busy_timeout=500&foreign_keys=true&transaction_mode=IMMEDIATE&date_class=TEXT&date_string_format=yyyy-MM-dd HH:mm:ss.SSS&journal_mode=WAL",
						null, null, SQ),
				url("sqlite:///x.db?journal_mode=DELETE")
					.gives("jdbc:sqlite:" + file("x.db") + "?journal_mode=DELETE&" + SQLITE_DEFAULTS, null, null, SQ),
				url("sqlite:///x.db?foreign_keys=false&busy_timeout=100").gives("jdbc:sqlite:" + file("x.db")
						+ "?foreign_keys=false&busy_timeout=100&transaction_mode=IMMEDIATE&date_class=TEXT&date_string_format=yyyy-MM-dd HH:mm:ss.SSS&journal_mode=WAL",
						null, null, SQ),
				url("sqlite:///x.db?transaction_mode=DEFERRED").gives("jdbc:sqlite:" + file("x.db")
						+ "?transaction_mode=DEFERRED&busy_timeout=30000&foreign_keys=true&date_class=TEXT&date_string_format=yyyy-MM-dd HH:mm:ss.SSS&journal_mode=WAL",
						null, null, SQ),
				url("sqlite:///x.db?check_same_thread=false&isolation_level=AUTOCOMMIT")
					.gives("jdbc:sqlite:" + file("x.db") + "?" + SQLITE_FILE_DEFAULTS, null, null, SQ),
				url("sqlite://").givesMemory(SQLITE_DEFAULTS), url("sqlite:///").givesMemory(SQLITE_DEFAULTS),
				url("sqlite:///:memory:").givesMemory(SQLITE_DEFAULTS),
				url("sqlite+aiosqlite://").givesMemory(SQLITE_DEFAULTS),
				url("sqlite+pysqlite:///:memory:?timeout=1").givesMemory(
						"busy_timeout=1000&foreign_keys=true&transaction_mode=IMMEDIATE&date_class=TEXT&date_string_format=yyyy-MM-dd HH:mm:ss.SSS"),
				url("sqlite://?journal_mode=MEMORY").givesMemory("journal_mode=MEMORY&" + SQLITE_DEFAULTS),
				// jdbc: URLs pass through untouched.
				url("jdbc:postgresql://db:5432/app?user=u&password=p")
					.gives("jdbc:postgresql://db:5432/app?user=u&password=p", null, null, PG),
				url("jdbc:mysql://db:3306/app").withCredentials("u", "p")
					.gives("jdbc:mysql://db:3306/app", "u", "p", MY),
				url("jdbc:sqlite:relative.db").gives("jdbc:sqlite:relative.db", null, null, SQ),
				url("  jdbc:postgresql://[::1]/app  ").gives("jdbc:postgresql://[::1]/app", null, null, PG));
	}

	static List<Row> badUrls() {
		return List.of(
				// Empty, and not a URL.
				url("").fails("it is empty"), url("   ").fails("it is empty"), url(null).fails("it is empty"),
				url("db.example.com:5432/app").fails("does not start with 'dialect://'"),
				url("postgresql:/db/app").fails("does not start with 'dialect://'"),
				url("postgresql//u@db/app").fails("does not start with 'dialect://'"),
				url("postgresql+://u@db/app").fails("does not start with 'dialect://'"),
				url("post-gres://u@db/app").fails("does not start with 'dialect://'"),
				// Unknown dialect or driver.
				url("oracle://u:p@db/app").fails("the dialect 'oracle' is not known"),
				url("mssql+pyodbc://u:p@db/app").fails("the dialect 'mssql' is not known"),
				url("postgresql+psycopg3://u:p@db/app").fails("the driver 'psycopg3' is not known for postgresql"),
				url("postgres+pymysql://u:p@db/app").fails("the driver 'pymysql' is not known for postgresql"),
				url("mysql+mysqlclient://u:p@db/app").fails("the driver 'mysqlclient' is not known for mysql"),
				url("mariadb+asyncpg://u:p@db/app").fails("the driver 'asyncpg' is not known for mariadb"),
				url("sqlite+pysqlcipher:///x.db").fails("the driver 'pysqlcipher' is not known for sqlite"),
				// No database.
				url("postgresql://u:p@db").fails("it names no database"),
				url("postgresql+asyncpg://u:p@db:5432/").fails("it names no database"),
				url("mysql://u:p@db:3306").fails("it names no database"),
				url("mariadb+pymysql://u:p@db/?charset=utf8mb4").fails("it names no database"),
				// Bad ports.
				url("postgresql://u:p@db:abc/app").fails("the port is not a number from 1 to 65535"),
				url("postgresql://u:p@db:0/app").fails("the port is not a number from 1 to 65535"),
				url("postgresql://u:p@db:70000/app").fails("the port is not a number from 1 to 65535"),
				url("mysql://u:p@db:-1/app").fails("the port is not a number from 1 to 65535"),
				url("mysql://u:p@db:123456/app").fails("the port is not a number from 1 to 65535"),
				// Unbalanced brackets.
				url("postgresql://u@[::1/app").fails("unbalanced brackets"),
				url("postgresql://u@[::1]]:5432/app").fails("unbalanced brackets"),
				url("mysql://u@[db/app").fails("unbalanced brackets"),
				url("mysql://u@db]/app").fails("unbalanced brackets"),
				// SQLite has no host, user, password or port.
				url("sqlite://host/x.db").fails("a SQLite URL has no host, port, user or password"),
				url("sqlite://user@/x.db").fails("a SQLite URL has no host, port, user or password"),
				url("sqlite+aiosqlite://u:p@/x.db").fails("a SQLite URL has no host, port, user or password"),
				url("sqlite://:8080/x.db").fails("a SQLite URL has no host, port, user or password"),
				// Query parameters JDBC cannot honour.
				url("postgresql://u@db/app?host=/var/run/postgresql")
					.fails("'host' is not supported: JDBC cannot connect through a Unix socket"),
				url("postgresql://u@db/app?port=5433").fails("the query parameter 'port' is not supported"),
				url("postgresql://u@db/app?client_encoding=latin1").fails("client_encoding 'latin1' is not supported"),
				url("mysql://u@db/app?unix_socket=/tmp/mysql.sock")
					.fails("JDBC cannot connect through a Unix socket ('unix_socket')"),
				url("mysql://u@db/app?ssl_ca=/etc/ssl/ca.pem").fails("'ssl_ca' names a PEM file"),
				url("mariadb://u@db/app?ssl_cert=c.pem").fails("'ssl_cert' names a PEM file"),
				url("mariadb://u@db/app?ssl_key=k.pem").fails("'ssl_key' names a PEM file"),
				url("sqlite:///x.db?uri=true").fails("SQLite URI filenames ('uri') are not supported"),
				url("sqlite:///x.db?mode=ro").fails("SQLite URI filenames ('mode') are not supported"),
				url("sqlite:///x.db?cache=shared").fails("SQLite URI filenames ('cache') are not supported"),
				url("sqlite://?vfs=unix-dotfile").fails("SQLite URI filenames ('vfs') are not supported"),
				url("sqlite:///x.db?foo=bar").fails("the query parameter 'foo' is not a SQLite setting"),
				// Bad values.
				url("postgresql://u@db/app?sslmode=sometimes").fails("sslmode 'sometimes' is not known"),
				url("postgresql://u@db/app?ssl=maybe").fails("sslmode 'maybe' is not known"),
				url("postgresql://u@db/app?target_session_attrs=master")
					.fails("target_session_attrs 'master' is not known"),
				url("mysql://u@db/app?ssl_mode=sometimes").fails("ssl_mode 'sometimes' is not known"),
				url("postgresql://u@db/app?connect_timeout=ten").fails("'connect_timeout' is not a number of seconds"),
				url("postgresql://u@db/app?timeout=NaN").fails("'timeout' is not a number of seconds"),
				url("mysql://u@db/app?connect_timeout=-1").fails("'connect_timeout' is not a number of seconds"),
				url("mysql://u@db/app?read_timeout=1e9").fails("'read_timeout' is not a number of seconds"),
				url("sqlite:///x.db?timeout=abc").fails("'timeout' is not a number of seconds"),
				url("sqlite:///a\u0000b.db").fails("is not a valid file path"),
				// jdbc: URLs nothing on the classpath serves.
				url("jdbc:unknowndb://db/app").fails("no known JDBC driver serves this 'jdbc:' URL"),
				url("jdbc:mariadb://db:3306/app").fails("is not on the classpath"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goodUrls")
	void translatesToTheExactJdbcSettings(Row row) {
		JdbcSettings settings = this.translator.translate(row.url(), row.usernameOverride(), row.passwordOverride());
		if (row.memoryQuery() != null) {
			assertThat(settings.jdbcUrl()).startsWith("jdbc:sqlite:file:paig-db-memory-")
				.contains("mode=memory&cache=shared")
				.endsWith("?mode=memory&cache=shared&" + row.memoryQuery());
			assertThat(settings.sqliteInMemory()).isTrue();
			assertThat(settings.sqliteFile()).isNull();
		}
		else {
			assertThat(settings.jdbcUrl()).isEqualTo(row.jdbcUrl());
			assertThat(settings.sqliteInMemory()).isFalse();
		}
		assertThat(settings.username()).isEqualTo(row.username());
		assertThat(settings.password()).isEqualTo(row.password());
		assertThat(settings.driverClassName()).isEqualTo(row.driverClassName());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badUrls")
	void refusesWithTheProblemNamed(Row row) {
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate(row.url(), row.usernameOverride(), row.passwordOverride()))
			.satisfies((ex) -> assertThat(ex.getProblem()).contains(row.problem()))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains(ex.getProblem()).contains(ex.getAction()));
	}

	@Test
	void tablesHoldEnoughRowsAndCoverEveryDialectAndDriver() {
		List<Row> all = new ArrayList<>(goodUrls());
		all.addAll(badUrls());
		assertThat(all).hasSizeGreaterThanOrEqualTo(80);
		Set<String> schemes = new LinkedHashSet<>();
		for (Row row : goodUrls()) {
			String url = (row.url() != null) ? row.url().strip().toLowerCase(Locale.ROOT) : "";
			int end = url.indexOf("://");
			if (end > 0 && !url.startsWith("jdbc:")) {
				schemes.add(url.substring(0, end));
			}
		}
		List<String> expected = new ArrayList<>();
		for (String dialect : List.of("postgresql", "postgres")) {
			POSTGRESQL_DRIVERS.forEach((driver) -> expected.add(scheme(dialect, driver)));
		}
		for (String dialect : List.of("mysql", "mariadb")) {
			MYSQL_DRIVERS.forEach((driver) -> expected.add(scheme(dialect, driver)));
		}
		SQLITE_DRIVERS.forEach((driver) -> expected.add(scheme("sqlite", driver)));
		assertThat(schemes).containsAll(expected);
		assertThat(expected).hasSize(33);
	}

	@Test
	void driversNamedAreOnTheTestClasspath() throws ClassNotFoundException {
		for (String className : List.of(PG, MY, SQ)) {
			assertThat(Class.forName(className)).isNotNull();
		}
	}

	@Test
	void unknownDriverMessageListsTheKnownOnes() {
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate("postgresql+psycopg3://u:p@db/app", null, null))
			.satisfies((ex) -> assertThat(ex.getAction())
				.contains("asyncpg, psycopg, psycopg2, psycopg2cffi, psycopg_async, pg8000"))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.contains(String.join(", ", Dialect.POSTGRESQL.getPythonDrivers())));
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate("mariadb+nope://u:p@db/app", null, null))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.contains("aiomysql, asyncmy, pymysql, mysqldb, mysqlconnector, mariadbconnector, cymysql"));
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate("sqlite+nope:///x.db", null, null))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("aiosqlite, pysqlite"));
	}

	@Test
	void unknownDialectMessageListsTheKnownOnes() {
		assertThatExceptionOfType(InvalidDatabaseUrlException.class)
			.isThrownBy(() -> this.translator.translate("oracle://u:p@db/app", null, null))
			.satisfies(
					(ex) -> assertThat(ex.getMessage()).contains("postgresql (or postgres), mysql, mariadb, sqlite"));
	}

	@Test
	void sqliteFileSettingsNameTheAbsoluteFile() {
		JdbcSettings settings = this.translator.translate("sqlite+aiosqlite:///relative/path.db", null, null);
		assertThat(settings.sqliteFile()).isEqualTo(Path.of("relative/path.db").toAbsolutePath().normalize());
		assertThat(settings.isSqlite()).isTrue();
		assertThat(settings.dialect()).isEqualTo(Dialect.SQLITE);
	}

	@Test
	void eachInMemorySqliteUrlGetsADatabaseOfItsOwn() {
		String first = this.translator.translate("sqlite://", null, null).jdbcUrl();
		String second = this.translator.translate("sqlite://", null, null).jdbcUrl();
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void sqliteOptionsSetTheDefaults() {
		JdbcTranslator custom = new JdbcTranslator(new SqliteOptions(Duration.ofMillis(1500), "TRUNCATE", false), null);
		assertThat(custom.translate("sqlite:///x.db", null, null).jdbcUrl()).isEqualTo("jdbc:sqlite:" + file("x.db")
				+ "?busy_timeout=1500&foreign_keys=false&transaction_mode=IMMEDIATE&date_class=TEXT&date_string_format=yyyy-MM-dd HH:mm:ss.SSS&journal_mode=TRUNCATE");
		assertThat(custom.translate("sqlite://", null, null).jdbcUrl()).endsWith(
				"?mode=memory&cache=shared&busy_timeout=1500&foreign_keys=false&transaction_mode=IMMEDIATE&date_class=TEXT&date_string_format=yyyy-MM-dd HH:mm:ss.SSS");
	}

	@Test
	void databaseUrlToStringMasksThePassword() {
		DatabaseUrl url = DatabaseUrl
			.parse("postgresql+asyncpg://paig:s3cr%40t@db:5432/app?sslpassword=k3y&application_name=api");
		assertThat(url.getPassword()).isEqualTo("s3cr@t");
		assertThat(url).hasToString("postgresql+asyncpg://paig:****@db:5432/app?sslpassword=****&application_name=api");
		assertThat(DatabaseUrl.parse("mysql://:p@[::1]/app?password=q"))
			.hasToString("mysql://:****@[::1]/app?password=****");
		assertThat(DatabaseUrl.parse("sqlite:///x.db")).hasToString("sqlite:///x.db");
	}

	@Test
	void jdbcSettingsToStringMasksThePassword() {
		JdbcSettings settings = this.translator.translate("postgresql://paig:s3cret@db/app?sslpassword=k3y", null,
				null);
		assertThat(settings).hasToString(
				"postgresql://paig:****@db/app?sslpassword=**** -> jdbc:postgresql://db:5432/app?sslpassword=**** as 'paig'");
		assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("k3y");
		JdbcSettings overridden = this.translator.translate("mysql://paig@db/app", null, "s3cret");
		assertThat(overridden.password()).isEqualTo("s3cret");
		assertThat(overridden).hasToString("mysql://paig:****@db/app -> jdbc:mysql://db:3306/app as 'paig'");
		JdbcSettings passThrough = this.translator.translate("jdbc:mysql://paig:s3cret@db/app?password=s3cret", null,
				null);
		assertThat(passThrough.source()).isEqualTo("jdbc:mysql://paig:****@db/app?password=****");
		assertThat(passThrough.toString()).doesNotContain("s3cret");
	}

	static List<String> urlsWithASecret() {
		return List.of("postgresql://paig:s3cret@db/app?sslpassword=s3cret", "mysql+pymysql://paig:s3cret@[::1]:0/app",
				"mysql://paig@db:s3cret/app", "sqlite:///x.db?password=s3cret", "sqlite://paig:s3cret@/x.db",
				"oracle://paig:s3cret@db/app", "jdbc:postgresql://paig:s3cret@db/app?password=s3cret",
				"jdbc:sqlserver://db;user=sa;password=s3cret",
				// An unencoded '/' before the user info (a third slash, or one in the
				// user) makes it the database.
				"postgresql:///paig:s3cret@db/app", "mysql://team/paig:s3cret@db/app",
				// A secret parameter whose name holds a character other than a letter,
				// '_' or '.'.
				"postgresql://paig@db/app?db-password=s3cret", "mysql://paig@db/app?password2=s3cret",
				// Oracle's own user/password form, refused because the driver is absent.
				"jdbc:oracle:thin:paig/s3cret@db:1521/XE");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("urlsWithASecret")
	void showsNoPasswordWhereverTheUrlPutsIt(String url) {
		List<String> shown = new ArrayList<>();
		Throwable thrown = catchThrowable(() -> {
			JdbcSettings settings = this.translator.translate(url, null, null);
			shown.addAll(List.of(settings.toString(), settings.source(), settings.maskedJdbcUrl()));
			if (!url.startsWith("jdbc:")) {
				shown.add(DatabaseUrl.parse(url).toString());
			}
		});
		if (thrown instanceof InvalidDatabaseUrlException ex) {
			shown.addAll(Stream.of(ex.getMessage(), ex.getProblem(), ex.getAction(), ex.getMaskedUrl())
				.filter((text) -> text != null)
				.toList());
		}
		else {
			assertThat(thrown).isNull();
		}
		assertThat(shown).isNotEmpty().allSatisfy((text) -> assertThat(text).doesNotContain("s3cret"));
	}

	@Test
	void upperCaseJdbcPrefixIsPassedThroughOrRefusedAsAnInvalidUrl() {
		Throwable thrown = catchThrowable(() -> this.translator.translate("JDBC:postgresql://db/app", null, null));
		assertThat(thrown).as("thrown for 'JDBC:postgresql://db/app'")
			.satisfiesAnyOf((ex) -> assertThat(ex).isNull(),
					(ex) -> assertThat(ex).isExactlyInstanceOf(InvalidDatabaseUrlException.class));
	}

	private static String file(String relative) {
		return Path.of(relative).toAbsolutePath().normalize().toString();
	}

	private static String scheme(String dialect, String driver) {
		return driver.isEmpty() ? dialect : dialect + "+" + driver;
	}

	private static Row url(@Nullable String url) {
		return new Row(url, null, null, null, null, null, null, null, null);
	}

	/**
	 * One row of a table: the input, and either the settings expected or the problem.
	 */
	record Row(@Nullable String url, @Nullable String usernameOverride, @Nullable String passwordOverride,
			@Nullable String jdbcUrl, @Nullable String memoryQuery, @Nullable String username,
			@Nullable String password, @Nullable String driverClassName, @Nullable String problem) {

		Row withCredentials(@Nullable String username, @Nullable String password) {
			return new Row(this.url, username, password, null, null, null, null, null, null);
		}

		Row gives(String jdbcUrl, @Nullable String username, @Nullable String password, String driverClassName) {
			return new Row(this.url, this.usernameOverride, this.passwordOverride, jdbcUrl, null, username, password,
					driverClassName, null);
		}

		Row givesMemory(String query) {
			return new Row(this.url, this.usernameOverride, this.passwordOverride, null, query, null, null, SQ, null);
		}

		Row fails(String problem) {
			return new Row(this.url, this.usernameOverride, this.passwordOverride, null, null, null, null, null,
					problem);
		}

		@Override
		public String toString() {
			String credentials = (this.usernameOverride != null || this.passwordOverride != null)
					? " as (" + this.usernameOverride + ", " + this.passwordOverride + ")" : "";
			return "'" + this.url + "'" + credentials;
		}

	}

}
