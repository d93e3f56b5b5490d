package io.paig.db.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import io.paig.db.actuate.endpoint.MigrationsEndpoint;
import io.paig.db.actuate.endpoint.MigrationsEndpointWriteExtension;
import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
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
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link MigrationsEndpoint}, and
 * for its upgrade and downgrade operations when
 * {@code database.migration.endpoint.write-enabled=true}.
 *
 * @author paig-db authors
 */
@AutoConfiguration(after = PaigMigrationAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, MigrationsEndpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class PaigMigrationEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(MigrationRunner.class)
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(MigrationRunner runner, DataSource dataSource,
			ObjectProvider<DatabaseUrlConnectionDetails> connectionDetails) {
		DatabaseUrlConnectionDetails details = connectionDetails.getIfUnique();
		return new MigrationsEndpoint(runner, dataSource, (details != null) ? details.getSettings().source() : null);
	}

	@Bean
	@ConditionalOnBean(MigrationRunner.class)
	@ConditionalOnBooleanProperty("database.migration.endpoint.write-enabled")
	@ConditionalOnMissingBean
	MigrationsEndpointWriteExtension migrationsEndpointWriteExtension(MigrationRunner runner, Environment environment) {
		return new MigrationsEndpointWriteExtension(runner, List.of(environment.getActiveProfiles()));
	}

}
