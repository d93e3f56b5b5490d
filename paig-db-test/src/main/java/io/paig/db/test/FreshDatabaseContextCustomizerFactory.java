package io.paig.db.test;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.paig.db.autoconfigure.DatabaseProperties;
import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.url.Dialect;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points the context of a {@link FreshDatabase @FreshDatabase} test at a clone: its
 * {@link JdbcConnectionDetails}, whether paig-db's from {@code database.url} or a service
 * connection's, are replaced with the same server's clone, taken when the bean is made
 * (after every property source, dynamic ones included, is in place).
 *
 * @author paig-db authors
 */
class FreshDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		MergedAnnotation<FreshDatabase> annotation = MergedAnnotations
			.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.get(FreshDatabase.class);
		return annotation.isPresent() ? new Customizer(testClass, annotation.getString("server")) : null;
	}

	/**
	 * The settings of connection details that paig-db did not make (a service
	 * connection's).
	 * @param details the connection details
	 * @return their settings
	 */
	static JdbcSettings jdbcSettings(JdbcConnectionDetails details) {
		String url = details.getJdbcUrl();
		DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(url);
		Dialect dialect = switch (driver) {
			case POSTGRESQL -> Dialect.POSTGRESQL;
			case MARIADB -> Dialect.MARIADB;
			case MYSQL -> Dialect.MYSQL;
			case SQLITE -> Dialect.SQLITE;
			default -> throw new IllegalStateException("Fresh databases are made on PostgreSQL, MariaDB, MySQL "
					+ "and SQLite, not on " + driver + " (" + url + ").");
		};
		Path file = null;
		if (driver == DatabaseDriver.SQLITE) {
			String path = url.substring("jdbc:sqlite:".length());
			int query = path.indexOf('?');
			file = Path.of((query >= 0) ? path.substring(0, query) : path).toAbsolutePath();
		}
		return new JdbcSettings(url, dialect, driver, url, details.getUsername(), details.getPassword(), file, false);
	}

	private static final class Customizer implements ContextCustomizer {

		private final Class<?> testClass;

		private final String server;

		Customizer(Class<?> testClass, String server) {
			this.testClass = testClass;
			this.server = server;
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
			context.getBeanFactory().addBeanPostProcessor(new ClonePostProcessor(context, this.server));
		}

		@Override
		public boolean equals(Object other) {
			// a database of its own per test class: contexts are not shared between
			// classes
			return other instanceof Customizer customizer && customizer.testClass == this.testClass
					&& customizer.server.equals(this.server);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.testClass, this.server);
		}

	}

	/**
	 * Replaces the connection details with a clone's.
	 */
	static final class ClonePostProcessor implements BeanPostProcessor {

		private final ConfigurableApplicationContext context;

		private final String server;

		ClonePostProcessor(ConfigurableApplicationContext context, String server) {
			this.context = context;
			this.server = server;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof JdbcConnectionDetails details) || bean instanceof CloneConnectionDetails) {
				return bean;
			}
			DatabaseProperties properties = Binder.get(this.context.getEnvironment())
				.bindOrCreate("database", DatabaseProperties.class);
			JdbcSettings server;
			String named = this.context.getEnvironment().resolvePlaceholders(this.server).strip();
			if (!named.isEmpty()) {
				server = new JdbcTranslator(SqliteOptions.DEFAULTS, this.context.getClassLoader()).translate(named,
						null, null);
			}
			else if (details instanceof DatabaseUrlConnectionDetails paig) {
				server = paig.getSettings();
			}
			else {
				server = jdbcSettings(details);
			}
			DatabaseClone clone = DatabaseClones.of(server, properties.getMigration().toSettings(), this.context)
				.take();
			this.context.addApplicationListener((ContextClosedEvent event) -> {
				if (event.getApplicationContext() == this.context) {
					clone.close();
				}
			});
			JdbcSettings cloned = clone.jdbcSettings();
			if (details instanceof DatabaseUrlConnectionDetails) {
				return DatabaseUrlConnectionDetails.of(cloned);
			}
			return new CloneConnectionDetails(details, cloned.jdbcUrl());
		}

	}

	/**
	 * Another bean's connection details, with the clone's URL.
	 */
	private record CloneConnectionDetails(JdbcConnectionDetails delegate,
			String jdbcUrl) implements JdbcConnectionDetails {

		@Override
		public @Nullable String getUsername() {
			return this.delegate.getUsername();
		}

		@Override
		public @Nullable String getPassword() {
			return this.delegate.getPassword();
		}

		@Override
		public String getJdbcUrl() {
			return this.jdbcUrl;
		}

		@Override
		public String getDriverClassName() {
			return this.delegate.getDriverClassName();
		}

		@Override
		public String getXaDataSourceClassName() {
			return this.delegate.getXaDataSourceClassName();
		}

	}

}
