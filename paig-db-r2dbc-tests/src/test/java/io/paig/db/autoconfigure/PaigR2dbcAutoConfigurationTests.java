package io.paig.db.autoconfigure;

import java.util.Arrays;

import javax.sql.DataSource;

import io.paig.db.migration.MigrationException;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.r2dbc.DatabaseUrlR2dbcConnectionDetails;
import io.paig.db.url.InvalidDatabaseUrlException;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Wrapped;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PaigR2dbcAutoConfiguration}: R2DBC connection details from
 * {@code database.url}, the migrations' own JDBC DataSource, and their order before the
 * ConnectionFactory. Nothing here connects: {@code on-startup=none}.
 *
 * @author paig-db authors
 */
class PaigR2dbcAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, PaigR2dbcAutoConfiguration.class,
				R2dbcAutoConfiguration.class, DataSourceAutoConfiguration.class, PaigMigrationAutoConfiguration.class))
		.withPropertyValues("database.migration.on-startup=none");

	@Test
	void databaseUrlBecomesSpringBootsPooledConnectionFactoryAndNoDataSource() {
		this.runner.withPropertyValues("database.url=postgresql+asyncpg://paig:pw@db.example:5433/app")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(DatabaseUrlR2dbcConnectionDetails.class);
				assertThat(context).doesNotHaveBean(DataSource.class);
				assertThat(context.getBean(ConnectionFactory.class)).isInstanceOfSatisfying(Wrapped.class,
						(wrapped) -> assertThat(wrapped.unwrap()).isInstanceOf(ConnectionPool.class));
				ConnectionFactoryOptions options = context.getBean(R2dbcConnectionDetails.class)
					.getConnectionFactoryOptions();
				assertThat(options.getValue(ConnectionFactoryOptions.DRIVER)).isEqualTo("postgresql");
				assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("db.example");
				assertThat(options.getValue(ConnectionFactoryOptions.PORT)).isEqualTo(5433);
				assertThat(options.getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("app");
				assertThat(options.getValue(ConnectionFactoryOptions.USER)).isEqualTo("paig");
				assertThat(options.toString()).doesNotContain("pw");
			});
	}

	@Test
	void migrationsGetANonPooledJdbcDataSourceFromTheSameUrl() {
		this.runner.withPropertyValues("database.url=mysql+aiomysql://paig:pw@db.example/app").run((context) -> {
			assertThat(context).hasSingleBean(MigrationRunner.class);
			assertThat(context).hasSingleBean(R2dbcMigrationDatabase.class);
			DataSource migrated = context.getBean(MigrationRunner.class).getDataSource();
			assertThat(migrated).isInstanceOf(SimpleDriverDataSource.class);
			SimpleDriverDataSource simple = (SimpleDriverDataSource) migrated;
			assertThat(simple.getUrl()).isEqualTo("jdbc:mysql://db.example:3306/app");
			assertThat(simple.getUsername()).isEqualTo("paig");
			assertThat(simple.getConnectionProperties()).containsEntry("connectionAttributes",
					"program_name:" + MigrationDataSources.CONNECTION_NAME);
		});
	}

	@Test
	void migrationUsernameAppliesToTheMigrationsConnections() {
		this.runner
			.withPropertyValues("database.url=postgresql://app:apppw@db.example/app",
					"database.migration.username=owner", "database.migration.password=ownerpw")
			.run((context) -> {
				SimpleDriverDataSource simple = (SimpleDriverDataSource) context.getBean(MigrationRunner.class)
					.getDataSource();
				assertThat(simple.getUsername()).isEqualTo("owner");
				assertThat(simple.getPassword()).isEqualTo("ownerpw");
				assertThat(simple.getConnectionProperties()).containsEntry("ApplicationName",
						MigrationDataSources.CONNECTION_NAME);
				assertThat(context.getBean(R2dbcConnectionDetails.class)
					.getConnectionFactoryOptions()
					.getValue(ConnectionFactoryOptions.USER)).isEqualTo("app");
			});
	}

	@Test
	void everyConnectionFactoryWaitsForTheMigrations() {
		this.runner.withPropertyValues("database.url=postgresql://paig@db.example/app").run((context) -> {
			String[] factories = context.getBeanFactory().getBeanNamesForType(ConnectionFactory.class);
			assertThat(factories).isNotEmpty();
			String[] initializers = context.getBeanNamesForType(MigrationInitializer.class);
			assertThat(initializers).hasSize(1);
			for (String factory : factories) {
				assertThat(Arrays.asList(context.getBeanFactory().getBeanDefinition(factory).getDependsOn()))
					.contains(initializers[0]);
			}
		});
	}

	@Test
	void onlySpringR2dbcUrlLeavesR2dbcToSpringBoot() {
		this.runner.withPropertyValues("spring.r2dbc.url=r2dbc:postgresql://boot@db.example/app").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(DatabaseUrlR2dbcConnectionDetails.class);
			assertThat(context).doesNotHaveBean(R2dbcMigrationDatabase.class);
			assertThat(context).hasSingleBean(ConnectionFactory.class);
		});
	}

	@Test
	void anApplicationConnectionFactoryIsLeftAlone() {
		this.runner.withPropertyValues("database.url=postgresql://paig@db.example/app")
			.withBean("connectionFactory", ConnectionFactory.class,
					() -> io.r2dbc.spi.ConnectionFactories.get("r2dbc:postgresql://app@other/app"))
			.run((context) -> assertThat(context).doesNotHaveBean(DatabaseUrlR2dbcConnectionDetails.class));
	}

	@Test
	void sqliteInAnR2dbcApplicationStopsStartUpNamingTheChoices() {
		this.runner.withPropertyValues("database.url=sqlite+aiosqlite://").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(cause(context.getStartupFailure(), InvalidDatabaseUrlException.class).getMessage())
				.contains("sqlite+aiosqlite://")
				.contains("SQLite has no maintained R2DBC driver")
				.contains("make the application JDBC-based");
		});
	}

	@Test
	void keyMeantAsTheUrlStopsStartUpNamingItRatherThanTheDefaultSqliteFile() {
		this.runner.withPropertyValues("database.ulr=postgresql+asyncpg://paig:s3cret-value@db.example/app")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(cause(context.getStartupFailure(), MigrationException.class).getMessage())
					.contains("database.url is not set, but database.ulr is.")
					.doesNotContain("s3cret-value");
			});
	}

	// The first cause of a failure that is of a type.
	private static Throwable cause(Throwable failure, Class<? extends Throwable> type) {
		Throwable cause = failure;
		while (cause != null && !type.isInstance(cause)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a %s among the causes", type.getSimpleName()).isNotNull();
		return cause;
	}

}
