package io.paig.db.autoconfigure;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnknownMigrationKeys}: a key under {@code database.migration} that
 * paig-db does not have stops start-up with a report naming it and the key it most likely
 * means; paig-db's own keys, in each spelling, and the application's keys directly under
 * {@code database} pass.
 *
 * @author paig-db authors
 */
class UnknownMigrationKeysTests {

	private static final String NOTES = "classpath:db/notes/db.changelog-master.yaml";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
				PaigMigrationAutoConfiguration.class));

	@TempDir
	Path temp;

	private ApplicationContextRunner sqlite() {
		return this.runner.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("keys.db"),
				"database.migration.changelog=" + NOTES);
	}

	@Test
	void everyKeyOfPaigDbInEverySpellingPasses() {
		sqlite()
			.withPropertyValues("database.migration.change-log=" + NOTES, "database.migration.lockTimeout=1m",
					"database.migration.contexts[0]=a", "database.migration.labels=b",
					"database.migration.parameters.schema=x", "database.migration.health.status.up-to-date=UP",
					"database.migration.endpoint.write-enabled=false", "database.migration.fast-check=true",
					"database.host=the application's own key")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void misspelledKeyStopsStartupNamingTheKeyItMeans() {
		sqlite()
			.withPropertyValues("database.migration.changlog=classpath:db/other.yaml",
					"database.migration.lock-timout=1m", "database.migration.no-such-thing=x",
					"database.migration.passwrd=s3cret-value")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("database.migration.changlog: did you mean database.migration.changelog?")
					.contains("database.migration.lock-timout: did you mean database.migration.lock-timeout?")
					.contains("database.migration.passwrd: did you mean database.migration.password?")
					.contains("  - database.migration.no-such-thing\n")
					.doesNotContain("db/other.yaml");
				assertThat(context.getStartupFailure()).as("no value is shown, a password least of all")
					.satisfies((failure) -> {
						for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
							assertThat(String.valueOf(cause.getMessage())).doesNotContain("s3cret-value");
						}
					});
				assertThat(analysis.getAction()).contains("docs/configuration.md");
			});
	}

	@Test
	void environmentVariablesAreLeftAloneAsSpringBootLeavesThem() {
		sqlite()
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("DATABASE_MIGRATION_SOMETHING_ELSE", "another program's"))))
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
