package io.paig.db.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.paig.db.actuate.endpoint.MigrationsEndpoint;
import io.paig.db.actuate.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import io.paig.db.command.DbCommandRunListener;
import io.paig.db.command.DbCommandRunner;
import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.migration.MigrationState;
import io.paig.db.testsupport.TestDatabase;
import io.paig.db.url.JdbcSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection details that Spring Boot's Docker Compose support or a Testcontainers
 * {@code @ServiceConnection} contribute win over {@code database.url}: the pool, the
 * start-up migration, the endpoint and the {@code db} commands all use them. As Spring
 * Boot's own tests do, the details are a {@link JdbcConnectionDetails} bean, here for a
 * real PostgreSQL database, while {@code database.url} names a SQLite file.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
class ServiceConnectionPostgresqlTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	private static final String NOTES = "database.migration.changelog=classpath:db/notes/db.changelog-master.yaml";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
				PaigMigrationAutoConfiguration.class, PaigMigrationEndpointAutoConfiguration.class,
				PaigDbCommandAutoConfiguration.class))
		.withUserConfiguration(ServiceConnectionConfiguration.class);

	@TempDir
	Path temp;

	@Test
	void startUpMigrationRunsOnTheServiceConnectionNotOnDatabaseUrl() throws Exception {
		database.reset();
		Path sqlite = this.temp.resolve("url/paig.db");
		this.runner.withPropertyValues("database.url=sqlite:///" + sqlite, NOTES).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(DatabaseUrlConnectionDetails.class);
			assertThat(context).hasSingleBean(JdbcConnectionDetails.class);
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "select current_database()"))
				.isEqualTo(database.name());
		});
		try (var connection = database.connection();
				var statement = connection.createStatement();
				var result = statement
					.executeQuery("select count(*) from databasechangelog where id = 'create-notes'")) {
			result.next();
			assertThat(result.getInt(1)).isOne();
		}
		try (var connection = database.connection(); var statement = connection.createStatement()) {
			statement.execute("select id, text from note");
		}
		// database.url's database was not even created: no folder, no file
		assertThat(Files.exists(sqlite.getParent())).isFalse();
	}

	@Test
	void endpointReportsTheServiceConnectionsDatabase() throws Exception {
		database.reset();
		this.runner
			.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("paig.db"), NOTES,
					"management.endpoints.web.exposure.include=migrations")
			.run((context) -> {
				MigrationsDescriptor migrations = context.getBean(MigrationsEndpoint.class).migrations();
				assertThat(migrations.status()).isEqualTo(MigrationState.UP_TO_DATE);
				assertThat(migrations.current().id()).isEqualTo("0a0a0a0a0a01");
				assertThat(migrations.database().product()).isEqualTo("PostgreSQL");
				assertThat(migrations.database().url()).startsWith("jdbc:postgresql://")
					.contains("/" + database.name())
					.doesNotContain("sqlite");
			});
	}

	@Test
	void dbCommandsRunOnTheServiceConnection(CapturedOutput output) throws Exception {
		database.reset();
		String url = "database.url=sqlite:///" + this.temp.resolve("paig.db");
		this.runner.withPropertyValues(url, NOTES).run((context) -> assertThat(context).hasNotFailed());
		this.runner
			.withPropertyValues(url, NOTES, DbCommandRunListener.ACTIVE + "=true", "database.command.exit=false",
					"database.migration.on-startup=none")
			.run((context) -> {
				DbCommandRunner command = context.getBean(DbCommandRunner.class);
				command.run(new DefaultApplicationArguments("db", "downgrade", "-1", "--yes"));
				assertThat(command.getExitCode()).isZero();
			});
		assertThat(output.getOut()).contains("Downgraded 0a0a0a0a0a01 -> base");
		try (var connection = database.connection();
				var statement = connection.createStatement();
				var result = statement.executeQuery("select count(*) from databasechangelog")) {
			result.next();
			assertThat(result.getInt(1)).isZero();
		}
		assertThat(Files.exists(this.temp.resolve("paig.db"))).isFalse();
	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConnectionConfiguration {

		@Bean
		JdbcConnectionDetails serviceConnection() {
			JdbcSettings settings = database.jdbc();
			return new JdbcConnectionDetails() {

				@Override
				public String getUsername() {
					return settings.username();
				}

				@Override
				public String getPassword() {
					return settings.password();
				}

				@Override
				public String getJdbcUrl() {
					return settings.jdbcUrl();
				}

			};
		}

	}

}
