package io.paig.db.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import io.paig.db.url.DatabaseUrl;
import io.paig.db.url.Dialect;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import org.springframework.util.ClassUtils;

/**
 * A database of its own for one test class, on a real server: created before the class's
 * tests and dropped after them. The server comes from {@code PAIG_TEST_POSTGRES_URL} or
 * {@code PAIG_TEST_MYSQL_URL} (paig-db's own URL form, e.g.
 * {@code postgresql://root@127.0.0.1:5432/test}); without it, from Testcontainers when
 * Docker works; otherwise the class is skipped with the reason printed, except under
 * {@code CI=true}, where a missing database is a failure.
 * <p>
 * Register with
 * {@code @RegisterExtension static final TestDatabase db = TestDatabase.postgresql();}.
 *
 * @author paig-db authors
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

	private static final String TESTCONTAINERS = "org.testcontainers.containers.JdbcDatabaseContainer";

	private final Dialect dialect;

	private final String variable;

	private @Nullable String serverUrl;

	private @Nullable DatabaseUrl server;

	private @Nullable String name;

	private TestDatabase(Dialect dialect, String variable) {
		this.dialect = dialect;
		this.variable = variable;
	}

	/**
	 * A PostgreSQL database.
	 * @return the extension
	 */
	public static TestDatabase postgresql() {
		return new TestDatabase(Dialect.POSTGRESQL, "PAIG_TEST_POSTGRES_URL");
	}

	/**
	 * A MySQL or MariaDB database.
	 * @return the extension
	 */
	public static TestDatabase mysql() {
		return new TestDatabase(Dialect.MYSQL, "PAIG_TEST_MYSQL_URL");
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		String serverUrl = findServer();
		String owner = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
		owner = owner.substring(0, Math.min(owner.length(), 40));
		String name = "paig_" + owner + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
		try (Connection connection = connect(serverUrl); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		this.serverUrl = serverUrl;
		this.server = DatabaseUrl.parse(serverUrl);
		this.name = name;
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		if (this.serverUrl == null || this.name == null) {
			return;
		}
		try (Connection connection = connect(this.serverUrl); Statement statement = connection.createStatement()) {
			statement
				.execute((this.dialect == Dialect.POSTGRESQL) ? "DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)"
						: "DROP DATABASE IF EXISTS " + this.name);
		}
		finally {
			this.name = null;
		}
	}

	private String findServer() {
		String url = System.getenv(this.variable);
		if (url != null && !url.isBlank()) {
			return url.strip();
		}
		boolean testcontainers = ClassUtils.isPresent(TESTCONTAINERS, TestDatabase.class.getClassLoader());
		String containerUrl = testcontainers ? Containers.start(this.dialect) : null;
		if (containerUrl != null) {
			return containerUrl;
		}
		String reason = this.variable + " is not set and "
				+ (testcontainers ? "Docker is not available" : "Testcontainers is not on the test class path")
				+ ", so there is no " + this.dialect.getProductName() + " server to test against";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(reason + " (CI=true: a missing database is a failure; .ci/run sets it)");
		}
		System.out.println("SKIPPED: " + reason);
		throw new TestAbortedException(reason);
	}

	private static Connection connect(String serverUrl) throws SQLException {
		JdbcSettings settings = translate(serverUrl);
		return DriverManager.getConnection(settings.jdbcUrl(), settings.username(), settings.password());
	}

	private static JdbcSettings translate(String url) {
		return new JdbcTranslator(SqliteOptions.DEFAULTS, TestDatabase.class.getClassLoader()).translate(url, null,
				null);
	}

	/**
	 * Empty the test class's database: on PostgreSQL a new {@code public} schema (and no
	 * other), on MySQL and MariaDB no tables.
	 * @param otherSchemas PostgreSQL schemas to drop as well
	 * @throws SQLException on a database error
	 */
	public void reset(String... otherSchemas) throws SQLException {
		try (Connection connection = connection(); Statement statement = connection.createStatement()) {
			if (this.dialect == Dialect.POSTGRESQL) {
				statement.execute("DROP SCHEMA public CASCADE");
				for (String schema : otherSchemas) {
					statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
				}
				statement.execute("CREATE SCHEMA public");
				return;
			}
			List<String> tables = new ArrayList<>();
			try (ResultSet result = statement.executeQuery("SHOW TABLES")) {
				while (result.next()) {
					tables.add(result.getString(1));
				}
			}
			statement.execute("SET FOREIGN_KEY_CHECKS = 0");
			for (String table : tables) {
				statement.execute("DROP TABLE `" + table + "`");
			}
		}
	}

	/**
	 * The test class's database as a paig-db URL, with the password (if any) in it.
	 * @return the URL
	 */
	public String url() {
		return url(this.dialect.getName());
	}

	/**
	 * The test class's database as a URL with the given scheme, e.g.
	 * {@code postgresql+asyncpg}.
	 * @param scheme the {@code dialect[+driver]} part
	 * @return the URL
	 */
	public String url(String scheme) {
		DatabaseUrl server = requireServer();
		StringBuilder url = new StringBuilder(scheme).append("://");
		if (server.getUsername() != null) {
			url.append(encode(server.getUsername()));
			if (server.getPassword() != null) {
				url.append(':').append(encode(server.getPassword()));
			}
			url.append('@');
		}
		url.append(server.isIpv6() ? "[" + server.getHost() + "]" : server.getHost());
		if (server.getPort() != null) {
			url.append(':').append(server.getPort());
		}
		return url.append('/').append(this.name).toString();
	}

	/**
	 * The JDBC settings of the test class's database.
	 * @return the settings
	 */
	public JdbcSettings jdbc() {
		return translate(url());
	}

	/**
	 * The name of the test class's database.
	 * @return the name
	 */
	public String name() {
		if (this.name == null) {
			throw new IllegalStateException("The test database is not created yet");
		}
		return this.name;
	}

	/**
	 * The server's host and port, with no database, user or password.
	 * @return e.g. {@code 127.0.0.1:5432}
	 */
	public String hostAndPort() {
		DatabaseUrl server = requireServer();
		int port = (server.getPort() != null) ? server.getPort() : this.dialect.getDefaultPort();
		return (server.isIpv6() ? "[" + server.getHost() + "]" : server.getHost()) + ":" + port;
	}

	/**
	 * The user the tests connect as.
	 * @return the user
	 */
	public @Nullable String username() {
		return requireServer().getUsername();
	}

	/**
	 * Open a connection to the test class's database.
	 * @return a new connection
	 * @throws SQLException when the database refuses
	 */
	public Connection connection() throws SQLException {
		JdbcSettings settings = jdbc();
		return DriverManager.getConnection(settings.jdbcUrl(), settings.username(), settings.password());
	}

	private DatabaseUrl requireServer() {
		if (this.server == null) {
			throw new IllegalStateException("The test database is not created yet");
		}
		return this.server;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
