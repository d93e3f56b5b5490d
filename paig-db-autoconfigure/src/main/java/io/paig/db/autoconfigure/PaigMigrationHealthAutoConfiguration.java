package io.paig.db.autoconfigure;

import java.util.EnumMap;
import java.util.Map;

import io.paig.db.actuate.health.MigrationsHealthIndicator;
import io.paig.db.migration.MigrationState;
import io.paig.db.migration.runner.MigrationRunner;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code migrations} health
 * contributor, and its place in the readiness group. With several migration runners it
 * has a component for each, by bean name.
 *
 * @author paig-db authors
 */
@AutoConfiguration(after = PaigMigrationAutoConfiguration.class,
		afterName = { "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
				"org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration" })
@ConditionalOnClass({ MigrationsHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(MigrationRunner.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class PaigMigrationHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	@Conditional(MigrationRunnerConditions.Single.class)
	MigrationsHealthIndicator migrationsHealthIndicator(MigrationRunner runner, DatabaseProperties properties) {
		return new MigrationsHealthIndicator(runner, mapping(properties));
	}

	/**
	 * With several runners, {@code migrations} has a component for each, by bean name, as
	 * Spring Boot's {@code db} contributor has for several DataSources.
	 * @param runners the runners by bean name
	 * @param properties the properties
	 * @return the contributor
	 */
	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	@Conditional(MigrationRunnerConditions.Several.class)
	CompositeHealthContributor migrationsHealthContributor(Map<String, MigrationRunner> runners,
			DatabaseProperties properties) {
		Map<MigrationState, Status> mapping = mapping(properties);
		return CompositeHealthContributor.fromMap(runners, (runner) -> new MigrationsHealthIndicator(runner, mapping));
	}

	private static Map<MigrationState, Status> mapping(DatabaseProperties properties) {
		Map<MigrationState, Status> mapping = new EnumMap<>(MigrationState.class);
		properties.getMigration()
			.getHealth()
			.getStatus()
			.forEach((state, status) -> mapping.put(state, new Status(status)));
		return mapping;
	}

	@Bean
	HealthEndpointGroupsPostProcessor migrationsReadinessGroupPostProcessor(DatabaseProperties properties) {
		return new ReadinessMembership("migrations", properties.getMigration().getHealth().isReadiness());
	}

}
