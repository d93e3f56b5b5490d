package io.paig.db.autoconfigure;

import io.paig.db.migration.runner.MigrationRunner;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MissingMigrationDataSource}: a changelog with no DataSource to migrate
 * it stops start-up, unless {@code on-startup=none}.
 *
 * @author paig-db authors
 */
class MissingMigrationDataSourceTests {

	// no DataSourceAutoConfiguration: as when it backs off or is excluded
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, PaigMigrationAutoConfiguration.class))
		.withPropertyValues("database.url=sqlite://");

	@Test
	void changelogWithoutDataSourceStopsStartup() {
		this.runner.withPropertyValues("database.migration.changelog=classpath:db/notes/db.changelog-master.yaml")
			.run((context) -> {
				FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("the changelog classpath:db/notes/db.changelog-master.yaml but no DataSource bean");
				assertThat(analysis.getAction()).contains("DataSourceAutoConfiguration not excluded")
					.contains("database.migration.url")
					.contains("database.migration.on-startup=none");
			});
	}

	@Test
	void changelogWithoutDataSourceMayBeLeftAloneWithOnStartupNone() {
		this.runner
			.withPropertyValues("database.migration.changelog=classpath:db/notes/db.changelog-master.yaml",
					"database.migration.on-startup=none")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationRunner.class));
	}

	@Test
	void noChangelogAndNoDataSourceIsNothingToMigrate() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationRunner.class));
	}

}
