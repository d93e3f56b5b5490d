package io.paig.db.autoconfigure;

import io.paig.db.autoconfigure.DatabaseProperties.Migration;
import io.paig.db.autoconfigure.DatabaseProperties.OnStartup;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationSettings;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ResourceLoader;

/**
 * Stops start-up when the application has a changelog but no DataSource to migrate it
 * with (Spring Boot's DataSource auto-configuration backed off, say): without this, the
 * migration runner would quietly not exist and the database would stay as it is.
 * {@code database.migration.on-startup=none} says the application means it.
 *
 * @author paig-db authors
 */
class MissingMigrationDataSource implements InitializingBean {

	private final Migration migration;

	private final ResourceLoader resourceLoader;

	MissingMigrationDataSource(Migration migration, ResourceLoader resourceLoader) {
		this.migration = migration;
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.migration.getOnStartup() == OnStartup.NONE) {
			return;
		}
		String changelog = this.migration.getChangelog();
		boolean configured = !changelog.equals(MigrationSettings.DEFAULT_CHANGELOG);
		if (configured || this.resourceLoader.getResource(changelog).exists()) {
			throw new MigrationException("The application has the changelog " + changelog
					+ " but no DataSource bean, so paig-db has nothing to migrate it with and the database would "
					+ "not be migrated.",
					"Let Spring Boot build the DataSource (spring-boot-jdbc and a connection pool such as HikariCP "
							+ "on the class path, DataSourceAutoConfiguration not excluded), define a DataSource "
							+ "bean, or set database.migration.url for the migrations alone. In an R2DBC application, "
							+ "set database.url instead of spring.r2dbc.url: paig-db then migrates over JDBC from it. Set "
							+ "database.migration.on-startup=none if this application does not migrate.");
		}
	}

}
