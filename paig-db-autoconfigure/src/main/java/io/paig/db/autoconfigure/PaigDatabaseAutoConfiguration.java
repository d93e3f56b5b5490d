package io.paig.db.autoconfigure;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.paig.db.hibernate.DialectCustomizer;
import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that turns {@code database.url} into
 * the {@link JdbcConnectionDetails} behind Spring Boot's pooled {@link DataSource}.
 * <p>
 * It backs off when the application defines its own {@code DataSource} or
 * {@code JdbcConnectionDetails} (a Testcontainers {@code @ServiceConnection}, say), and
 * when only {@code spring.datasource.url} is set.
 *
 * @author paig-db authors
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ DataSource.class, JdbcConnectionDetails.class })
@EnableConfigurationProperties(DatabaseProperties.class)
public final class PaigDatabaseAutoConfiguration {

	private static final Log logger = LogFactory.getLog(PaigDatabaseAutoConfiguration.class);

	private static final String CONNECTION_FACTORY = "io.r2dbc.spi.ConnectionFactory";

	@Bean
	@ConditionalOnMissingBean({ JdbcConnectionDetails.class, DataSource.class })
	@Conditional(DatabaseUrlWanted.class)
	DatabaseUrlConnectionDetails databaseUrlConnectionDetails(DatabaseProperties properties, Environment environment,
			ResourceLoader resourceLoader, ListableBeanFactory beanFactory) {
		if (environment.containsProperty("spring.datasource.url")) {
			logger.warn("Both database.url and spring.datasource.url are set; database.url is used.");
		}
		boolean r2dbc = definesConnectionFactory(beanFactory, resourceLoader.getClassLoader());
		if (!r2dbc) {
			// an R2DBC application's own connection details look at the keys
			UnknownDatabaseKeys.checkConnectionKeys(environment);
		}
		JdbcSettings settings = new JdbcTranslator(properties.getSqlite().toOptions(), resourceLoader.getClassLoader())
			.translate(properties.getUrl(), properties.getUsername(), properties.getPassword());
		if (r2dbc) {
			// Spring Boot builds no DataSource beside an R2DBC ConnectionFactory: these
			// details build none, and the R2DBC and migration lines say what connects
			logger.debug("Database (JDBC, unused by the R2DBC application): " + settings);
		}
		else {
			logger.info("Database: " + settings);
		}
		return DatabaseUrlConnectionDetails.of(settings);
	}

	private static boolean definesConnectionFactory(ListableBeanFactory beanFactory,
			@Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(CONNECTION_FACTORY, classLoader)) {
			return false;
		}
		Class<?> type = ClassUtils.resolveClassName(CONNECTION_FACTORY, classLoader);
		return beanFactory.getBeanNamesForType(type, true, false).length > 0;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HikariDataSource.class)
	static class SqlitePoolConfiguration {

		@Bean
		static BeanPostProcessor sqliteMemoryPoolPostProcessor(
				ObjectProvider<DatabaseUrlConnectionDetails> connectionDetails) {
			return new SqliteMemoryPoolPostProcessor(connectionDetails);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HibernatePropertiesCustomizer.class)
	static class HibernateDialectConfiguration {

		@Bean
		DialectCustomizer paigDialectCustomizer(ObjectProvider<DatabaseUrlConnectionDetails> connectionDetails,
				Environment environment) {
			return new DialectCustomizer(connectionDetails, environment);
		}

	}

	/**
	 * Matches unless the user configured only Spring Boot's own
	 * {@code spring.datasource.url}.
	 */
	static final class DatabaseUrlWanted extends AnyNestedCondition {

		DatabaseUrlWanted() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("database.url")
		static final class DatabaseUrlSet {

		}

		@Conditional(NoSpringDatasourceUrl.class)
		static final class SpringDatasourceUrlUnset {

		}

		static final class NoSpringDatasourceUrl extends NoneNestedConditions {

			NoSpringDatasourceUrl() {
				super(ConfigurationPhase.REGISTER_BEAN);
			}

			@ConditionalOnProperty("spring.datasource.url")
			static final class SpringDatasourceUrlSet {

			}

		}

	}

}
