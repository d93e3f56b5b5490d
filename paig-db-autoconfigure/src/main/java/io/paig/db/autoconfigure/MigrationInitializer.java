package io.paig.db.autoconfigure;

import io.paig.db.autoconfigure.DatabaseProperties.OnStartup;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the migration runner as the application context starts, before JPA and anything
 * else that depends on the database being initialized, as
 * {@code database.migration.on-startup} says.
 *
 * @author paig-db authors
 */
public class MigrationInitializer implements InitializingBean {

	private static final Log logger = LogFactory.getLog(MigrationInitializer.class);

	private final MigrationRunner runner;

	private final OnStartup onStartup;

	/**
	 * Create an initializer.
	 * @param runner the runner
	 * @param onStartup what to do
	 */
	public MigrationInitializer(MigrationRunner runner, OnStartup onStartup) {
		this.runner = runner;
		this.onStartup = onStartup;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.onStartup == OnStartup.NONE) {
			return;
		}
		String changelog = this.runner.getSettings().changelog();
		if (!this.runner.hasChangelog()) {
			if (changelog.equals(MigrationSettings.DEFAULT_CHANGELOG)) {
				logger.info("No changelog at " + changelog + ": there is nothing to migrate");
				return;
			}
			throw new MigrationException("The changelog " + changelog + " does not exist.",
					"Create it, or point database.migration.changelog at the master changelog ('classpath:...' or "
							+ "'file:...').");
		}
		if (this.onStartup == OnStartup.VALIDATE) {
			this.runner.validate();
		}
		else {
			this.runner.upgrade();
		}
	}

}
