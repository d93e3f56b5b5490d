package io.paig.db.autoconfigure;

import javax.sql.DataSource;

import io.paig.db.migration.MigrationListener;
import io.paig.db.migration.runner.MigrationRunner;
import liquibase.Liquibase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the migration runner: pending
 * revisions are applied when the context starts, before JPA.
 *
 * @author paig-db authors
 */
@AutoConfiguration(after = { PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class })
@ConditionalOnClass(Liquibase.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(DatabaseProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class PaigMigrationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationRunner migrationRunner(DataSource dataSource, DatabaseProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<MigrationListener> listeners) {
		MigrationRunner runner = new MigrationRunner(dataSource, properties.getMigration().toSettings(),
				resourceLoader);
		runner.setListeners(listeners);
		return runner;
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationInitializer migrationInitializer(MigrationRunner migrationRunner, DatabaseProperties properties) {
		return new MigrationInitializer(migrationRunner, properties.getMigration().getOnStartup());
	}

	@Bean
	MigrationSchemaManagementProvider migrationSchemaManagementProvider() {
		return new MigrationSchemaManagementProvider();
	}

}
