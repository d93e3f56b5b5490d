package io.paig.db.autoconfigure;

import java.nio.file.Path;

import io.paig.db.actuate.endpoint.MigrationsEndpoint;
import io.paig.db.actuate.endpoint.MigrationsEndpointWriteExtension;
import io.paig.db.actuate.health.MigrationsHealthIndicator;
import io.paig.db.actuate.metrics.MigrationMetrics;
import io.paig.db.migration.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PaigMigrationEndpointAutoConfiguration},
 * {@link PaigMigrationHealthAutoConfiguration} and
 * {@link PaigMigrationMetricsAutoConfiguration}.
 *
 * @author paig-db authors
 */
class PaigMigrationEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
				PaigMigrationAutoConfiguration.class, PaigMigrationEndpointAutoConfiguration.class,
				PaigMigrationHealthAutoConfiguration.class, PaigMigrationMetricsAutoConfiguration.class));

	@TempDir
	Path temp;

	private String sqlite() {
		return "database.url=sqlite:///" + this.temp.resolve("endpoint.db");
	}

	@Test
	void endpointIsThereOnlyWhenExposed() {
		this.runner.withPropertyValues(sqlite())
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
		this.runner.withPropertyValues(sqlite(), "management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointIsAbsentWithoutActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues(sqlite(), "management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void writeOperationsAreAbsentByDefault() {
		this.runner.withPropertyValues(sqlite(), "management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.doesNotHaveBean(MigrationsEndpointWriteExtension.class));
	}

	@Test
	void writeOperationsComeWithTheirSwitch() {
		this.runner
			.withPropertyValues(sqlite(), "management.endpoints.web.exposure.include=migrations",
					"database.migration.endpoint.write-enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpointWriteExtension.class));
	}

	@Test
	void healthIndicatorMapsStatesAsConfigured() {
		this.runner.withPropertyValues(sqlite(), "database.migration.health.status.pending=DOWN").run((context) -> {
			assertThat(context).hasSingleBean(MigrationsHealthIndicator.class);
			assertThat(context.getBean(DatabaseProperties.class).getMigration().getHealth().getStatus())
				.containsEntry(MigrationState.PENDING, "DOWN")
				.containsEntry(MigrationState.UP_TO_DATE, "UP");
			// no changelog: migrations are disabled, which is healthy
			assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.runner.withPropertyValues(sqlite(), "management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void metricsComeWithMicrometer() {
		this.runner.withPropertyValues(sqlite())
			.run((context) -> assertThat(context).hasSingleBean(MigrationMetrics.class));
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.withPropertyValues(sqlite())
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationMetrics.class));
	}

}
