package io.paig.db.autoconfigure;

import java.util.Map;

import javax.sql.DataSource;

import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.migration.MigrationListener;
import io.paig.db.migration.runner.MigrationRunner;
import liquibase.Liquibase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the migration runner: pending
 * revisions are applied when the context starts, before JPA.
 * <p>
 * The runner migrates the DataSource marked {@link MigrationDataSource}, else the only or
 * {@code @Primary} one, as the migration user when {@code database.migration.username} is
 * set. It is replaced by a bean named {@code migrationRunner}; any other
 * {@link MigrationRunner} bean migrates beside it (a second database). With a changelog
 * and no DataSource at all, start-up fails rather than leave the database unmigrated. In
 * an R2DBC application it migrates over JDBC connections made from {@code database.url}
 * for each run and closed after it.
 *
 * @author paig-db authors
 */
@AutoConfiguration(after = { PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class },
		afterName = "io.paig.db.autoconfigure.PaigR2dbcAutoConfiguration")
@ConditionalOnClass(Liquibase.class)
@EnableConfigurationProperties(DatabaseProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class PaigMigrationAutoConfiguration {

	/** The name of the runner this auto-configuration declares. */
	static final String RUNNER = "migrationRunner";

	@Bean
	SpringLiquibaseKeys paigSpringLiquibaseKeys(Environment environment, DatabaseProperties properties,
			ResourceLoader resourceLoader) {
		UnknownDatabaseKeys.check(environment);
		return new SpringLiquibaseKeys(environment, properties.getMigration(), resourceLoader.getClassLoader());
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(MigrationDataSourceCondition.class)
	static class MigrationConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = RUNNER)
		MigrationDataSources.Target paigMigrationTarget(SpringLiquibaseKeys springLiquibaseKeys,
				DatabaseProperties properties, ObjectProvider<DataSource> dataSources,
				@MigrationDataSource ObjectProvider<DataSource> migrationDataSource,
				ObjectProvider<DatabaseUrlConnectionDetails> connectionDetails,
				ObjectProvider<R2dbcMigrationDatabase> r2dbcDatabase, ResourceLoader resourceLoader) {
			R2dbcMigrationDatabase r2dbc = r2dbcDatabase.getIfUnique();
			return MigrationDataSources.resolve(dataSources, migrationDataSource, connectionDetails.getIfUnique(),
					properties.getMigration(), properties.getSqlite().toOptions(),
					(r2dbc != null) ? r2dbc.settings() : null, resourceLoader.getClassLoader());
		}

		@Bean(RUNNER)
		@ConditionalOnMissingBean(name = RUNNER)
		MigrationRunner migrationRunner(MigrationDataSources.Target paigMigrationTarget, DatabaseProperties properties,
				ResourceLoader resourceLoader, ObjectProvider<MigrationListener> listeners) {
			MigrationRunner runner = new MigrationRunner(paigMigrationTarget.dataSource(),
					properties.getMigration().toSettings(), resourceLoader);
			runner.setListeners(listeners);
			return runner;
		}

		@Bean
		@ConditionalOnMissingBean
		MigrationInitializer migrationInitializer(SpringLiquibaseKeys springLiquibaseKeys,
				Map<String, MigrationRunner> runners, DatabaseProperties properties, ResourceLoader resourceLoader,
				ObjectProvider<R2dbcMigrationDatabase> r2dbcDatabase) {
			MigrationInitializer initializer = new MigrationInitializer(runners,
					properties.getMigration().getOnStartup(), resourceLoader);
			// an R2DBC application's connections wait for the runs
			// (MigrationBeforeConnectionFactory)
			initializer.setInBackground(r2dbcDatabase.getIfAvailable() != null);
			return initializer;
		}

		@Bean
		MigrationSchemaManagementProvider migrationSchemaManagementProvider() {
			return new MigrationSchemaManagementProvider();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoMigrationDataSourceCondition.class)
	static class MissingDataSourceConfiguration {

		@Bean
		MissingMigrationDataSource paigMissingMigrationDataSource(SpringLiquibaseKeys springLiquibaseKeys,
				DatabaseProperties properties, ResourceLoader resourceLoader) {
			return new MissingMigrationDataSource(properties.getMigration(), resourceLoader);
		}

	}

	/**
	 * Matches when there is something to migrate with: a DataSource bean, or a URL of the
	 * migrations' own.
	 */
	static final class MigrationDataSourceCondition extends AnyNestedCondition {

		MigrationDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		static final class DataSourceBean {

		}

		@ConditionalOnProperty("database.migration.url")
		static final class MigrationUrl {

		}

		@ConditionalOnProperty("spring.liquibase.url")
		static final class SpringLiquibaseUrl {

		}

		@ConditionalOnBean(R2dbcMigrationDatabase.class)
		static final class R2dbcDatabaseUrl {

		}

	}

	/**
	 * Matches when there is nothing to migrate with.
	 */
	static final class NoMigrationDataSourceCondition extends NoneNestedConditions {

		NoMigrationDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(MigrationDataSourceCondition.class)
		static final class MigrationDataSourceAvailable {

		}

	}

}
