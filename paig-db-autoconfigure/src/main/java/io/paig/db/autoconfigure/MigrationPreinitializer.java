package io.paig.db.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Properties;

import io.paig.db.autoconfigure.DatabaseProperties.Migration;
import io.paig.db.autoconfigure.DatabaseProperties.OnStartup;
import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.migration.fastcheck.FastCheck;
import io.paig.db.migration.fastcheck.FastCheck.Look;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Warms the start-up migration's path in the background, as Spring Boot's
 * {@code BackgroundPreinitializer} warms other slow first uses: while the context is
 * still reading its bean definitions, a daemon thread loads the JDBC driver, opens one
 * connection from {@code database.url} (or the migration's own URL and user) and runs the
 * fast up-to-date check once, read-only, on it. The answer is thrown away: the start-up
 * run checks again, on its own connection, after {@link #await() waiting} for this one to
 * end, so no connection of it outlives the start. What it saves is the cold JVM's class
 * loading and first runs of that code, which otherwise sit on the start's critical path.
 * <p>
 * It looks only where the start-up run will connect and the properties alone say so:
 * {@code database.migration.url}, or {@code database.url} when it makes the application's
 * DataSource (or, in an R2DBC application, the migrations' JDBC connections). It does not
 * run with a DataSource of the application's own, {@code spring.liquibase.url} or
 * {@code user}, a SQLite file that does not exist yet (a connection would create it),
 * in-memory SQLite, another {@code on-startup} than {@code upgrade}, the fast check
 * switched off, one CPU, or during AOT processing. Any problem (a bad URL, a server down)
 * is left for the start-up run to report; this only logs it at debug level. The start-up
 * run waits for it at most {@link #AWAIT_LIMIT}. Spring Boot's
 * {@code spring.backgroundpreinitializer.ignore} system property switches it off, as it
 * does Spring Boot's own.
 *
 * @author paig-db authors
 */
final class MigrationPreinitializer implements BeanFactoryPostProcessor {

	/** Spring Boot's switch for its background pre-initialization, honoured here too. */
	static final String IGNORE_PROPERTY = "spring.backgroundpreinitializer.ignore";

	/**
	 * The longest the start-up run waits for the look: a server that does not answer is
	 * the start-up run's to report, not this one's to double.
	 */
	static final Duration AWAIT_LIMIT = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(MigrationPreinitializer.class);

	private final Environment environment;

	private final ResourceLoader resourceLoader;

	private final Duration awaitLimit;

	private volatile @Nullable Thread thread;

	private volatile @Nullable Look look;

	MigrationPreinitializer(Environment environment, ResourceLoader resourceLoader) {
		this(environment, resourceLoader, AWAIT_LIMIT);
	}

	MigrationPreinitializer(Environment environment, ResourceLoader resourceLoader, Duration awaitLimit) {
		this.environment = environment;
		this.resourceLoader = resourceLoader;
		this.awaitLimit = awaitLimit;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		if (Boolean.getBoolean(IGNORE_PROPERTY) || Boolean.getBoolean("spring.aot.processing")
				|| Runtime.getRuntime().availableProcessors() < 2) {
			return;
		}
		boolean databaseUrl = beanFactory.getBeanNamesForType(DatabaseUrlConnectionDetails.class, true,
				false).length > 0;
		Thread preinitialization = new Thread(() -> preinitialize(databaseUrl), "paig-db-preinitializer");
		preinitialization.setDaemon(true);
		this.thread = preinitialization;
		preinitialization.start();
	}

	/**
	 * Wait for the background look to end, at most the limit, so that its connection is
	 * closed and it does not race the start-up run.
	 * @return whether the look has ended (or never started)
	 */
	boolean await() {
		Thread preinitialization = this.thread;
		if (preinitialization == null) {
			return true;
		}
		try {
			preinitialization.join(this.awaitLimit.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (preinitialization.isAlive()) {
			logger
				.debug("Migration pre-initialization still running after " + this.awaitLimit + "; not waiting for it");
			return false;
		}
		this.thread = null;
		return true;
	}

	/**
	 * What the background look found.
	 * @return the look, or {@code null} when there was none or it failed
	 */
	@Nullable Look look() {
		return this.look;
	}

	private void preinitialize(boolean databaseUrl) {
		try {
			DatabaseProperties properties = Binder.get(this.environment)
				.bind("database", DatabaseProperties.class)
				.orElse(null);
			if (properties == null) {
				return;
			}
			Migration migration = properties.getMigration();
			if (migration.getOnStartup() != OnStartup.UPGRADE || !migration.isFastCheck()) {
				return;
			}
			SimpleDriverDataSource dataSource = dataSource(properties, databaseUrl);
			if (dataSource == null) {
				return;
			}
			try (Connection connection = dataSource.getConnection()) {
				Look found = new FastCheck(dataSource, migration.toSettings(), this.resourceLoader).peek(connection);
				this.look = found;
				logger.debug("Migration pre-initialization found " + found);
			}
		}
		catch (Exception | LinkageError ex) {
			logger.debug("Migration pre-initialization skipped: " + ex.getMessage());
		}
	}

	// The database and user the start-up run will connect with, when the properties
	// alone say so; null when a DataSource bean of the application decides, or
	// spring.liquibase.* does.
	private @Nullable SimpleDriverDataSource dataSource(DatabaseProperties properties, boolean databaseUrl) {
		Migration migration = properties.getMigration();
		ClassLoader classLoader = this.resourceLoader.getClassLoader();
		JdbcTranslator translator = new JdbcTranslator(properties.getSqlite().toOptions(), classLoader);
		JdbcSettings settings;
		if (StringUtils.hasText(migration.getUrl())) {
			settings = translator.translate(migration.getUrl(), migration.getUsername(), migration.getPassword());
		}
		else if (databaseUrl && !this.environment.containsProperty("spring.liquibase.url")
				&& !this.environment.containsProperty("spring.liquibase.user")) {
			settings = translator.translate(properties.getUrl(), properties.getUsername(), properties.getPassword());
			if (migration.getUsername() != null && !settings.isSqlite()) {
				settings = new JdbcSettings(settings.source(), settings.dialect(), settings.driver(),
						settings.jdbcUrl(), migration.getUsername(), migration.getPassword(), settings.sqliteFile(),
						false);
			}
		}
		else {
			return null;
		}
		Path sqliteFile = settings.sqliteFile();
		if (settings.sqliteInMemory() || (sqliteFile != null && !Files.exists(sqliteFile))) {
			// a connection would make a database of its own, or create the file
			return null;
		}
		SimpleDriverDataSource dataSource = MigrationDataSources.simple(settings.driverClassName(), settings.jdbcUrl(),
				classLoader);
		dataSource.setUsername(settings.username());
		dataSource.setPassword(settings.password());
		Properties connectionProperties = new Properties();
		MigrationDataSources.nameConnections(settings.jdbcUrl(), connectionProperties);
		dataSource.setConnectionProperties(connectionProperties);
		return dataSource;
	}

}
