package io.paig.db.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paig.db.actuate.endpoint.MigrationRunnersEndpoint;
import io.paig.db.actuate.endpoint.MigrationRunnersEndpoint.RunnersDescriptor;
import io.paig.db.actuate.endpoint.MigrationRunnersEndpointWriteExtension;
import io.paig.db.actuate.endpoint.MigrationsEndpoint;
import io.paig.db.actuate.endpoint.MigrationsEndpoint.RevisionDescriptor;
import io.paig.db.actuate.endpoint.MigrationsEndpointWriteExtension;
import io.paig.db.actuate.health.MigrationsHealthIndicator;
import io.paig.db.actuate.metrics.MigrationMetrics;
import io.paig.db.migration.MigrationState;
import io.paig.db.migration.runner.MigrationRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.InvocationContext;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.invoke.convert.ConversionServiceParameterValueMapper;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpointDiscoverer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
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
	void productionProfileSetAsTheDefaultOneGuardsADowngradeToBase() {
		this.runner
			.withPropertyValues(sqlite(), "database.migration.changelog=classpath:db/notes/db.changelog-master.yaml",
					"management.endpoints.web.exposure.include=migrations",
					"database.migration.endpoint.write-enabled=true", "spring.profiles.default=prod")
			.run((context) -> {
				WebEndpointResponse<Object> response = context.getBean(MigrationsEndpointWriteExtension.class)
					.run("downgrade", "base", true, null);
				assertThat(response.getStatus()).isEqualTo(403);
				assertThat(context.getBean(MigrationRunner.class).status().getAppliedRevisions()).isNotEmpty();
			});
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
	void severalRunnersAreShownByNameInTheEndpointHealthAndMetrics() {
		this.runner.withUserConfiguration(MigrationInitializerTests.SecondDatabase.class)
			.withPropertyValues(MigrationInitializerTests.SecondDatabase.properties(this.temp))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"database.migration.endpoint.write-enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(MigrationsEndpoint.class)
					.doesNotHaveBean(MigrationsEndpointWriteExtension.class)
					.doesNotHaveBean(MigrationsHealthIndicator.class)
					.hasSingleBean(MigrationRunnersEndpointWriteExtension.class);
				RunnersDescriptor document = context.getBean(MigrationRunnersEndpoint.class).migrations();
				assertThat(document.runners()).containsOnlyKeys("migrationRunner", "auditMigrationRunner");
				assertThat(document.runners().get("migrationRunner").current().id()).isEqualTo("0a0a0a0a0a01");
				assertThat(document.runners().get("auditMigrationRunner").current().id()).isEqualTo("a0d100000001");
				CompositeHealthContributor health = context.getBean("migrationsHealthContributor",
						CompositeHealthContributor.class);
				assertThat(health.stream().map(HealthContributors.Entry::name)).containsOnly("migrationRunner",
						"auditMigrationRunner");
				Health audit = ((HealthIndicator) health.getContributor("auditMigrationRunner")).health(true);
				assertThat(audit.getStatus()).isEqualTo(Status.UP);
				assertThat(audit.getDetails()).containsEntry("current", "a0d100000001");
				SimpleMeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(MigrationMetrics.class).bindTo(registry);
				assertThat(registry.find("paig.db.migration.runs").tag("runner", "migrationRunner").timer())
					.isNotNull();
				assertThat(registry.find("paig.db.migration.runs").tag("runner", "auditMigrationRunner").timer())
					.isNotNull();
				assertThat(registry.find("paig.db.migration.pending")
					.tag("runner", "auditMigrationRunner")
					.gauge()
					.value()).isZero();
			});
	}

	@Test
	void severalRunnersMapToPathsWithTheRunnersName() {
		this.runner.withUserConfiguration(MigrationInitializerTests.SecondDatabase.class)
			.withPropertyValues(MigrationInitializerTests.SecondDatabase.properties(this.temp))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"database.migration.endpoint.write-enabled=true")
			.run((context) -> {
				WebEndpointDiscoverer discoverer = new WebEndpointDiscoverer(context.getSourceApplicationContext(),
						new ConversionServiceParameterValueMapper(), new EndpointMediaTypes("application/json"),
						List.of(), List.of(), List.of(), List.of(), List.of());
				ExposableWebEndpoint endpoint = discoverer.getEndpoints()
					.stream()
					.filter((candidate) -> candidate.getEndpointId().toString().equals("migrations"))
					.findFirst()
					.orElseThrow();
				assertThat(endpoint.getOperations())
					.extracting((operation) -> operation.getRequestPredicate().getHttpMethod() + " "
							+ operation.getRequestPredicate().getPath())
					.containsExactlyInAnyOrder("GET migrations", "GET migrations/{runner}",
							"GET migrations/{runner}/{revision}", "POST migrations/{runner}/{action}");
				WebOperation revision = endpoint.getOperations()
					.stream()
					.filter((operation) -> operation.getRequestPredicate().getPath().endsWith("{revision}"))
					.findFirst()
					.orElseThrow();
				Object response = revision.invoke(new InvocationContext(SecurityContext.NONE,
						Map.of("runner", "auditMigrationRunner", "revision", "a0d1")));
				assertThat(response).isInstanceOf(WebEndpointResponse.class);
				assertThat(((WebEndpointResponse<?>) response).getBody()).isInstanceOf(RevisionDescriptor.class)
					.extracting("id")
					.isEqualTo("a0d100000001");
				WebOperation upgrade = endpoint.getOperations()
					.stream()
					.filter((operation) -> operation.getRequestPredicate().getPath().endsWith("{action}"))
					.findFirst()
					.orElseThrow();
				Object upgraded = upgrade.invoke(new InvocationContext(SecurityContext.NONE,
						Map.of("runner", "auditMigrationRunner", "action", "upgrade")));
				assertThat(((WebEndpointResponse<?>) upgraded).getStatus()).isEqualTo(200);
				Object unknown = upgrade.invoke(
						new InvocationContext(SecurityContext.NONE, Map.of("runner", "nobody", "action", "upgrade")));
				assertThat(((WebEndpointResponse<?>) unknown).getStatus()).isEqualTo(404);
			});
	}

	@Test
	void oneRunnerKeepsItsUntaggedMeters() {
		this.runner
			.withPropertyValues(sqlite(), "database.migration.changelog=classpath:db/notes/db.changelog-master.yaml")
			.run((context) -> {
				SimpleMeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(MigrationMetrics.class).bindTo(registry);
				assertThat(registry.get("paig.db.migration.runs").timer().getId().getTags())
					.containsExactly(Tag.of("outcome", "applied"));
			});
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
