package io.paig.db.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.paig.db.actuate.endpoint.MigrationRunnersEndpoint;
import io.paig.db.actuate.endpoint.MigrationRunnersEndpointWriteExtension;
import io.paig.db.actuate.endpoint.MigrationsEndpoint;
import io.paig.db.actuate.endpoint.MigrationsEndpointWriteExtension;
import io.paig.db.migration.runner.MigrationRunner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link MigrationsEndpoint}, and
 * for its upgrade and downgrade operations when
 * {@code database.migration.endpoint.write-enabled=true}. With several
 * {@link MigrationRunner} beans, {@link MigrationRunnersEndpoint} shows each by name.
 *
 * @author paig-db authors
 */
@AutoConfiguration(after = PaigMigrationAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, MigrationsEndpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class PaigMigrationEndpointAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(MigrationRunnerConditions.Single.class)
	static class SingleRunnerConfiguration {

		@Bean
		@ConditionalOnBean(MigrationRunner.class)
		@ConditionalOnMissingBean
		MigrationsEndpoint migrationsEndpoint(MigrationRunner runner,
				ObjectProvider<MigrationDataSources.Target> target) {
			return new MigrationsEndpoint(runner, runner.getDataSource(),
					MigrationDataSources.shownUrl(runner, target));
		}

		@Bean
		@ConditionalOnBean(MigrationRunner.class)
		@ConditionalOnBooleanProperty("database.migration.endpoint.write-enabled")
		@ConditionalOnMissingBean
		MigrationsEndpointWriteExtension migrationsEndpointWriteExtension(MigrationRunner runner,
				Environment environment) {
			return new MigrationsEndpointWriteExtension(runner, ProfilesInEffect.of(environment));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(MigrationRunnerConditions.Several.class)
	static class SeveralRunnersConfiguration {

		@Bean
		@ConditionalOnMissingBean({ MigrationsEndpoint.class, MigrationRunnersEndpoint.class })
		MigrationRunnersEndpoint migrationRunnersEndpoint(Map<String, MigrationRunner> runners,
				ObjectProvider<MigrationDataSources.Target> target) {
			Map<String, MigrationsEndpoint> endpoints = new LinkedHashMap<>();
			runners.forEach((name, runner) -> endpoints.put(name, new MigrationsEndpoint(runner, runner.getDataSource(),
					MigrationDataSources.shownUrl(runner, target))));
			return new MigrationRunnersEndpoint(endpoints);
		}

		@Bean
		@ConditionalOnBooleanProperty("database.migration.endpoint.write-enabled")
		@ConditionalOnMissingBean({ MigrationsEndpointWriteExtension.class,
				MigrationRunnersEndpointWriteExtension.class })
		MigrationRunnersEndpointWriteExtension migrationRunnersEndpointWriteExtension(
				Map<String, MigrationRunner> runners, Environment environment) {
			List<String> profiles = ProfilesInEffect.of(environment);
			Map<String, MigrationsEndpointWriteExtension> extensions = new LinkedHashMap<>();
			runners.forEach(
					(name, runner) -> extensions.put(name, new MigrationsEndpointWriteExtension(runner, profiles)));
			return new MigrationRunnersEndpointWriteExtension(extensions);
		}

	}

}
