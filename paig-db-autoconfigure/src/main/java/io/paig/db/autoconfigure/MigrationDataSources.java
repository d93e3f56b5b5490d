package io.paig.db.autoconfigure;

import java.sql.Driver;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import io.paig.db.autoconfigure.DatabaseProperties.Migration;
import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.url.InvalidDatabaseUrlException;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.Secrets;
import io.paig.db.url.SqliteOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Finds the DataSource paig-db migrates, as Spring Boot's Liquibase support does: the one
 * marked {@link MigrationDataSource @MigrationDataSource}, else the only one or the
 * {@code @Primary} one; with several and nothing that says which, start-up fails naming
 * them. Then, when {@code database.migration.url} or {@code username} is set, the
 * migrations get a DataSource of their own: not a pool, so each connection is opened for
 * a run (or a status read) and closed after it, and no connection of the migration user
 * is left open.
 *
 * @author paig-db authors
 */
final class MigrationDataSources {

	/**
	 * The name the migration connections of an R2DBC application give the server.
	 */
	static final String CONNECTION_NAME = "paig-db migration";

	private static final Log logger = LogFactory.getLog(MigrationDataSources.class);

	private MigrationDataSources() {
	}

	/**
	 * The DataSource to migrate.
	 * @param dataSources the application's DataSources
	 * @param qualified the DataSources marked {@code @MigrationDataSource}
	 * @param connectionDetails paig-db's connection details, when they built the
	 * application's DataSource
	 * @param migration the migration properties
	 * @param sqliteOptions the settings of a SQLite migration URL
	 * @param r2dbc the JDBC translation of {@code database.url} when it serves an R2DBC
	 * application, else {@code null}
	 * @param classLoader where JDBC drivers are
	 * @return the DataSource, and the database's URL to show
	 * @throws MigrationException when the DataSource is ambiguous or the migration
	 * credentials cannot be used
	 */
	static Target resolve(ObjectProvider<DataSource> dataSources, ObjectProvider<DataSource> qualified,
			@Nullable DatabaseUrlConnectionDetails connectionDetails, Migration migration, SqliteOptions sqliteOptions,
			@Nullable JdbcSettings r2dbc, @Nullable ClassLoader classLoader) {
		DataSource marked = unique(qualified, true);
		DataSource application = (marked != null) ? marked : unique(dataSources, false);
		// paig-db's details built the application's DataSource only when it is the sole
		// one: Spring Boot's DataSource backs off when the application has its own
		JdbcSettings applicationSettings = (marked == null && connectionDetails != null)
				? connectionDetails.getSettings() : null;
		if (StringUtils.hasText(migration.getUrl())) {
			return fromUrl(migration, sqliteOptions, classLoader);
		}
		if (application == null && r2dbc != null) {
			return forR2dbc(r2dbc, migration, classLoader);
		}
		if (application == null) {
			throw new MigrationException("paig-db found no DataSource to migrate.",
					"Define a DataSource bean, or set database.url or database.migration.url.");
		}
		if (migration.getUsername() == null) {
			if (migration.getPassword() != null) {
				throw new MigrationException(
						"database.migration.password is set but not database.migration.username, so paig-db cannot "
								+ "tell which user the migrations run as.",
						"Set database.migration.username to the user that owns the schema, or remove "
								+ "database.migration.password.");
			}
			String shown = (applicationSettings != null) ? applicationSettings.source() : null;
			return new Target(application, shown, null);
		}
		return asMigrationUser(application, applicationSettings, migration, classLoader);
	}

	// A non-pooled DataSource on database.migration.url.
	private static Target fromUrl(Migration migration, SqliteOptions sqliteOptions, @Nullable ClassLoader classLoader) {
		JdbcSettings settings;
		try {
			settings = new JdbcTranslator(sqliteOptions, classLoader).translate(migration.getUrl(),
					migration.getUsername(), migration.getPassword());
		}
		catch (InvalidDatabaseUrlException ex) {
			String shown = (ex.getMaskedUrl() != null) ? " '" + ex.getMaskedUrl() + "'" : "";
			throw new MigrationException("database.migration.url" + shown + " cannot be used: " + ex.getProblem(),
					ex.getAction(), ex);
		}
		if (settings.sqliteInMemory()) {
			throw new MigrationException(
					"database.migration.url " + settings.source() + " is an in-memory SQLite database: each "
							+ "migration connection would get a database of its own.",
					"Remove database.migration.url: an in-memory database is migrated on the application's "
							+ "connections.");
		}
		SimpleDriverDataSource dataSource = simple(settings.driverClassName(), settings.jdbcUrl(), classLoader);
		dataSource.setUsername(settings.username());
		dataSource.setPassword(settings.password());
		logger.info("Migrations connect to " + settings + ", on connections of their own, closed after each use");
		return new Target(dataSource, settings.source(), dataSource);
	}

	// A non-pooled DataSource on the database of an R2DBC application, as the URL's user
	// or the migration user. Its connections carry the name CONNECTION_NAME (PostgreSQL's
	// application name, MySQL's program name) unless the URL gives one, so that the
	// server's session list tells them from the application's.
	private static Target forR2dbc(JdbcSettings settings, Migration migration, @Nullable ClassLoader classLoader) {
		String username = settings.username();
		String password = settings.password();
		if (migration.getUsername() != null) {
			username = migration.getUsername();
			password = migration.getPassword();
		}
		else if (migration.getPassword() != null) {
			throw new MigrationException(
					"database.migration.password is set but not database.migration.username, so paig-db cannot "
							+ "tell which user the migrations run as.",
					"Set database.migration.username to the user that owns the schema, or remove "
							+ "database.migration.password.");
		}
		SimpleDriverDataSource dataSource = simple(settings.driverClassName(), settings.jdbcUrl(), classLoader);
		dataSource.setUsername(username);
		dataSource.setPassword(password);
		Properties properties = new Properties();
		String jdbcUrl = settings.jdbcUrl();
		if (jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.contains("ApplicationName=")) {
			properties.setProperty("ApplicationName", CONNECTION_NAME);
		}
		else if (jdbcUrl.startsWith("jdbc:mysql:") && !jdbcUrl.contains("connectionAttributes=")) {
			properties.setProperty("connectionAttributes", "program_name:" + CONNECTION_NAME);
		}
		dataSource.setConnectionProperties(properties);
		logger.info("Migrations of this R2DBC application connect over JDBC to " + settings.maskedJdbcUrl()
				+ ((username != null) ? " as '" + username + "'" : "")
				+ ", on connections of their own, closed after each use");
		return new Target(dataSource, settings.source(), dataSource);
	}

	/**
	 * The URL to show for a runner: the one configured, masked, for the runner paig-db
	 * declared; {@code null} (the driver's, masked) for any other.
	 * @param runner the runner
	 * @param target what paig-db's own runner migrates, if it declared one
	 * @return the URL, or {@code null}
	 */
	static @Nullable String shownUrl(MigrationRunner runner, ObjectProvider<Target> target) {
		Target known = target.getIfUnique();
		return (known != null && known.dataSource() == runner.getDataSource()) ? known.shownUrl() : null;
	}

	// A non-pooled DataSource on the application's database, as the migration user.
	private static Target asMigrationUser(DataSource application, @Nullable JdbcSettings applicationSettings,
			Migration migration, @Nullable ClassLoader classLoader) {
		String username = migration.getUsername();
		SimpleDriverDataSource dataSource;
		String shown;
		if (applicationSettings != null) {
			if (applicationSettings.isSqlite()) {
				logger.warn("database.migration.username is ignored: SQLite has no users, so migrations run on "
						+ "the application's connections.");
				return new Target(application, applicationSettings.source(), null);
			}
			dataSource = simple(applicationSettings.driverClassName(), applicationSettings.jdbcUrl(), classLoader);
			// the JDBC URL, which names no user: the configured one names the
			// application's
			shown = applicationSettings.maskedJdbcUrl();
		}
		else {
			dataSource = derived(application, classLoader);
			if (dataSource.getUrl() != null && dataSource.getUrl().startsWith("jdbc:sqlite:")) {
				logger.warn("database.migration.username is ignored: SQLite has no users, so migrations run on "
						+ "the application's connections.");
				return new Target(application, null, null);
			}
			shown = (dataSource.getUrl() != null) ? Secrets.maskJdbcUrl(dataSource.getUrl()) : null;
		}
		// the migration user's own password, never the application's
		dataSource.setUsername(username);
		dataSource.setPassword(migration.getPassword());
		logger
			.info("Migrations run as '" + username + "' on " + ((shown != null) ? shown : "the application's database")
					+ ", on connections of their own, closed after each use");
		return new Target(dataSource, shown, dataSource);
	}

	private static SimpleDriverDataSource derived(DataSource application, @Nullable ClassLoader classLoader) {
		try {
			DataSource built = DataSourceBuilder.derivedFrom(application).type(SimpleDriverDataSource.class).build();
			return (SimpleDriverDataSource) built;
		}
		catch (RuntimeException ex) {
			throw new MigrationException(
					"paig-db cannot tell the URL of the DataSource " + application.getClass().getName()
							+ " to connect to it as database.migration.username: " + ex.getMessage(),
					"Set database.migration.url to the database's URL as well.", ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static SimpleDriverDataSource simple(String driverClassName, String jdbcUrl,
			@Nullable ClassLoader classLoader) {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
		dataSource.setUrl(jdbcUrl);
		if (StringUtils.hasText(driverClassName)) {
			try {
				dataSource.setDriverClass((Class<? extends Driver>) ClassUtils.forName(driverClassName, classLoader));
			}
			catch (ClassNotFoundException | LinkageError ex) {
				throw new MigrationException("The JDBC driver " + driverClassName
						+ " for the migrations' connection is not on the class " + "path.",
						"Add the driver's dependency.", ex);
			}
		}
		return dataSource;
	}

	// The one bean of a provider, the @Primary one among several, or null when there is
	// none.
	private static @Nullable DataSource unique(ObjectProvider<DataSource> provider, boolean qualified) {
		try {
			return provider.getIfAvailable();
		}
		catch (NoUniqueBeanDefinitionException ex) {
			throw ambiguous(ex, qualified);
		}
	}

	private static MigrationException ambiguous(NoUniqueBeanDefinitionException ex, boolean qualified) {
		List<String> names = (ex.getBeanNamesFound() != null) ? List.copyOf(ex.getBeanNamesFound()) : List.of();
		String beans = String.join(", ", names.stream().map((name) -> "'" + name + "'").toList());
		if (qualified) {
			return new MigrationException(
					"paig-db migrates one DataSource, and " + names.size()
							+ " DataSource beans are marked @MigrationDataSource: " + beans + ".",
					"Keep @MigrationDataSource on one of them. To migrate another database too, declare a second "
							+ "MigrationRunner bean for it (see 'Several databases' in docs/migrations.md).",
					ex);
		}
		return new MigrationException(
				"paig-db migrates one DataSource, and the application has " + names.size()
						+ " DataSource beans with nothing that says which: " + beans + ".",
				"Mark the one to migrate with @MigrationDataSource (io.paig.db.autoconfigure.MigrationDataSource), "
						+ "or mark one @Primary. To migrate another database too, declare a second MigrationRunner "
						+ "bean for it (see 'Several databases' in docs/migrations.md).",
				ex);
	}

	/**
	 * The DataSource migrations use.
	 *
	 * @param dataSource the DataSource
	 * @param shownUrl the database's URL as configured, masked, or {@code null} when only
	 * the driver can tell
	 * @param own the DataSource built for the migrations alone, or {@code null} when they
	 * use the application's
	 */
	record Target(DataSource dataSource, @Nullable String shownUrl, @Nullable SimpleDriverDataSource own) {
	}

}
