package io.paig.db.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import io.paig.db.actuate.endpoint.MigrationsEndpoint;
import io.paig.db.actuate.health.MigrationsHealthIndicator;
import io.paig.db.migration.MigrationLockTimeoutException;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.LockHolding;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.TestDatabase;
import io.paig.db.url.JdbcSettings;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migrations as the schema's owner while the application works as a role that cannot
 * create tables, on a real server: {@code database.migration.username} and
 * {@code password} (or Spring Boot's {@code spring.liquibase.user} and {@code password}).
 * The lock and the history work on the migration connection, no connection of the owner
 * is left open after start-up, and neither password shows in a log line, a failure or the
 * endpoint.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractMigrationCredentialsTests {

	static final String OWNER_PASSWORD = "Owner-pw-7f3a91";

	static final String APP_PASSWORD = "App-pw-2c8e44";

	static final String SUFFIX = Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));

	static final String OWNER = "paig_owner_" + SUFFIX;

	static final String APP = "paig_app_" + SUFFIX;

	private static final String NOTES = "database.migration.changelog=classpath:db/notes/db.changelog-master.yaml";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
				PaigMigrationAutoConfiguration.class, PaigMigrationEndpointAutoConfiguration.class,
				PaigMigrationHealthAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=migrations");

	/**
	 * The test class's database.
	 * @return the database
	 */
	abstract TestDatabase database();

	/**
	 * Give the owner and the application their rights in an empty database.
	 * @param root a connection as the server's administrator
	 * @throws SQLException on a database error
	 */
	abstract void grant(Connection root) throws SQLException;

	/**
	 * The sessions the owner has open on the server.
	 * @param root a connection as the server's administrator
	 * @return how many
	 * @throws SQLException on a database error
	 */
	abstract int ownerSessions(Connection root) throws SQLException;

	/**
	 * The user the migrations' table was created by, where the database records it.
	 * @param root a connection as the server's administrator
	 * @return the user, or {@code null} where the database keeps no owner
	 * @throws SQLException on a database error
	 */
	abstract String noteTableOwner(Connection root) throws SQLException;

	/**
	 * The application's URL, as the application's role with its password.
	 * @return the URL
	 */
	String applicationUrl() {
		return database().url().replaceFirst("://[^@]*@", "://" + APP + ":" + APP_PASSWORD + "@");
	}

	@BeforeEach
	void emptyDatabase() throws SQLException {
		database().reset();
		try (Connection root = database().connection()) {
			grant(root);
		}
	}

	@AfterEach
	void passwordsNeverShow(CapturedOutput output) {
		assertThat(output).doesNotContain(OWNER_PASSWORD).doesNotContain(APP_PASSWORD);
	}

	@Test
	void startupMigratesAsTheOwnerWhileTheApplicationWorksAsItself(CapturedOutput output) {
		this.runner
			.withPropertyValues("database.url=" + applicationUrl(), NOTES, "database.migration.username=" + OWNER,
					"database.migration.password=" + OWNER_PASSWORD)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				try (Connection root = database().connection()) {
					String owner = noteTableOwner(root);
					if (owner != null) {
						assertThat(owner).isEqualTo(OWNER);
					}
					// the lock and the owner's connections were let go as each use ended
					Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ownerSessions(root) == 0);
				}
				DataSource application = context.getBean(DataSource.class);
				assertThat(currentUser(application)).isEqualTo(APP);
				try (Connection connection = application.getConnection();
						Statement statement = connection.createStatement()) {
					statement.executeUpdate("INSERT INTO note (id, text) VALUES (1, 'written by the application')");
					assertThat(PaigDatabaseAutoConfigurationTests.queryString(application, "SELECT text FROM note"))
						.isEqualTo("written by the application");
					// the premise: the application's role cannot create tables
					assertThatExceptionOfType(SQLException.class)
						.isThrownBy(() -> statement.execute("CREATE TABLE intruder (id int)"));
				}
				MigrationRunner runner = context.getBean(MigrationRunner.class);
				assertThat(runner.getDataSource()).isInstanceOf(SimpleDriverDataSource.class);
				assertThat(runner.status().isUpToDate()).isTrue();
				assertThat(runner.getLastRun().applied()).hasSize(1);
				String body = String.valueOf(context.getBean(MigrationsEndpoint.class).migrations());
				assertThat(body).contains("0a0a0a0a0a01")
					.contains(database().name())
					.doesNotContain(OWNER_PASSWORD)
					.doesNotContain(APP_PASSWORD);
				assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getStatus())
					.isEqualTo(Status.UP);
				try (Connection root = database().connection()) {
					Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ownerSessions(root) == 0);
				}
			});
		assertThat(output).contains("Migrations run as '" + OWNER + "' on ")
			.contains("Revision 1/1 0a0a0a0a0a01 'create notes' applied");
	}

	@Test
	void laterStartFindsTheHistoryTheOwnerWrote() {
		String[] properties = { "database.url=" + applicationUrl(), NOTES, "database.migration.username=" + OWNER,
				"database.migration.password=" + OWNER_PASSWORD };
		this.runner.withPropertyValues(properties).run((context) -> assertThat(context).hasNotFailed());
		this.runner.withPropertyValues(properties)
			.withPropertyValues("database.migration.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationRunner.class).status().getApplied()).hasSize(1);
			});
	}

	@Test
	void migrationWaitsForTheLockOnItsOwnConnection() throws Exception {
		MigrationRunner probe = new MigrationRunner(new SimpleDriverDataSource(),
				MigrationSettings.of("classpath:db/notes/db.changelog-master.yaml"), new DefaultResourceLoader());
		try (Connection root = database().connection(); AutoCloseable held = LockHolding.hold(root, probe)) {
			this.runner
				.withPropertyValues("database.url=" + applicationUrl(), NOTES, "database.migration.username=" + OWNER,
						"database.migration.password=" + OWNER_PASSWORD, "database.migration.lock-timeout=1s")
				.run((context) -> {
					MigrationLockTimeoutException failure = findCause(context.getStartupFailure(),
							MigrationLockTimeoutException.class);
					FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(failure);
					assertThat(analysis.getDescription()).doesNotContain(OWNER_PASSWORD).doesNotContain(APP_PASSWORD);
					assertThat(analysis.getAction()).doesNotContain(OWNER_PASSWORD).doesNotContain(APP_PASSWORD);
				});
		}
		try (Connection root = database().connection()) {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ownerSessions(root) == 0);
		}
	}

	@Test
	void springLiquibaseUserAndPasswordMigrateAsTheOwner(CapturedOutput output) throws SQLException {
		this.runner
			.withPropertyValues("database.url=" + applicationUrl(), NOTES, "spring.liquibase.user=" + OWNER,
					"spring.liquibase.password=" + OWNER_PASSWORD)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(currentUser(context.getBean(DataSource.class))).isEqualTo(APP);
			});
		try (Connection root = database().connection()) {
			String owner = noteTableOwner(root);
			if (owner != null) {
				assertThat(owner).isEqualTo(OWNER);
			}
			assertThat(ownerSessions(root)).isZero();
		}
		assertThat(output).contains("spring.liquibase.user is Spring Boot's key; paig-db honours it (" + OWNER
				+ ") as database.migration.username");
	}

	@Test
	void applicationsOwnDataSourceIsMigratedAsTheOwnerOnItsUrl() throws SQLException {
		JdbcSettings jdbc = database().jdbc();
		this.runner.withUserConfiguration(ApplicationDataSource.class)
			.withPropertyValues("test.url=" + jdbc.jdbcUrl(), NOTES, "database.migration.username=" + OWNER,
					"database.migration.password=" + OWNER_PASSWORD)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(currentUser(context.getBean(DataSource.class))).isEqualTo(APP);
				String body = String.valueOf(context.getBean(MigrationsEndpoint.class).migrations());
				assertThat(body).contains(database().name()).doesNotContain(OWNER_PASSWORD);
			});
		try (Connection root = database().connection()) {
			String owner = noteTableOwner(root);
			if (owner != null) {
				assertThat(owner).isEqualTo(OWNER);
			}
			assertThat(ownerSessions(root)).isZero();
		}
	}

	@Test
	void unreachableMigrationUrlFailsWithoutShowingItsPassword() {
		String unreachable = database().url()
			.replaceFirst("://[^@]*@", "://" + OWNER + ":" + OWNER_PASSWORD + "@")
			.replace(database().hostAndPort(), "127.0.0.1:1");
		this.runner
			.withPropertyValues("database.url=" + applicationUrl(), NOTES, "database.migration.url=" + unreachable)
			.run((context) -> {
				Throwable failure = context.getStartupFailure();
				assertThat(failure).isNotNull();
				FailureAnalysis analysis = new MigrationFailureAnalyzer()
					.analyze(MigrationDataSourcesTests.findMigrationException(failure));
				assertThat(analysis.getDescription()).doesNotContain(OWNER_PASSWORD);
				assertThat(analysis.getAction()).doesNotContain(OWNER_PASSWORD);
				for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
					assertThat(String.valueOf(cause.getMessage())).doesNotContain(OWNER_PASSWORD);
				}
			});
	}

	private static String currentUser(DataSource dataSource) throws Exception {
		String user = PaigDatabaseAutoConfigurationTests.queryString(dataSource, "SELECT current_user");
		// MariaDB says user@host
		return user.replaceFirst("@.*", "");
	}

	static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure, failure);
	}

	static int count(Connection root, String sql, String user) throws SQLException {
		try (PreparedStatement statement = root.prepareStatement(sql)) {
			statement.setString(1, user);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
	}

	static void execute(Connection connection, String... statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * The application's own DataSource, as its own role, with no {@code database.url}.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ApplicationDataSource {

		@Bean
		DataSource applicationDataSource(@Value("${test.url}") String url) throws SQLException {
			SimpleDriverDataSource dataSource = new SimpleDriverDataSource(DriverManager.getDriver(url), url);
			dataSource.setUsername(APP);
			dataSource.setPassword(APP_PASSWORD);
			return dataSource;
		}

	}

}
