package io.paig.db.autoconfigure;

import javax.sql.DataSource;

import io.paig.db.r2dbc.DatabaseUrlR2dbcConnectionDetails;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.R2dbcSettings;
import io.paig.db.url.R2dbcTranslator;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for R2DBC applications: when Spring
 * Boot's R2DBC support and an R2DBC driver are on the class path (so that Spring Boot
 * builds a {@link ConnectionFactory} and no DataSource), {@code database.url} becomes the
 * {@link R2dbcConnectionDetails} behind Spring Boot's pooled {@code ConnectionFactory}.
 * The migrations run on JDBC connections made from the same URL, opened for each run or
 * status read and closed after it, and every {@code ConnectionFactory} bean waits for
 * them.
 * <p>
 * It backs off when the application defines its own {@code ConnectionFactory},
 * {@code R2dbcConnectionDetails} or {@code DataSource}, and when only
 * {@code spring.r2dbc.url} is set.
 *
 * @author paig-db authors
 */
@AutoConfiguration(before = R2dbcAutoConfiguration.class, after = PaigDatabaseAutoConfiguration.class)
@ConditionalOnClass({ ConnectionFactory.class, R2dbcConnectionDetails.class })
@ConditionalOnResource(resources = "classpath:META-INF/services/io.r2dbc.spi.ConnectionFactoryProvider")
@EnableConfigurationProperties(DatabaseProperties.class)
public final class PaigR2dbcAutoConfiguration {

	private static final Log logger = LogFactory.getLog(PaigR2dbcAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	static class MigrationOrderConfiguration {

		@Bean
		static MigrationBeforeConnectionFactory paigMigrationBeforeConnectionFactory() {
			return new MigrationBeforeConnectionFactory();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean({ R2dbcConnectionDetails.class, ConnectionFactory.class, DataSource.class })
	@Conditional(DatabaseUrlWanted.class)
	static class DatabaseUrlConfiguration {

		@Bean
		DatabaseUrlR2dbcConnectionDetails databaseUrlR2dbcConnectionDetails(DatabaseProperties properties,
				Environment environment, ResourceLoader resourceLoader) {
			if (environment.containsProperty("spring.r2dbc.url")) {
				logger.warn("Both database.url and spring.r2dbc.url are set; database.url is used.");
			}
			UnknownDatabaseKeys.checkConnectionKeys(environment);
			R2dbcSettings settings = new R2dbcTranslator(resourceLoader.getClassLoader()).translate(properties.getUrl(),
					properties.getUsername(), properties.getPassword());
			logger.info("Database (R2DBC): " + settings);
			return new DatabaseUrlR2dbcConnectionDetails(settings);
		}

		@Bean
		R2dbcMigrationDatabase paigR2dbcMigrationDatabase(DatabaseUrlR2dbcConnectionDetails connectionDetails,
				DatabaseProperties properties, ResourceLoader resourceLoader) {
			return new R2dbcMigrationDatabase(
					new JdbcTranslator(properties.getSqlite().toOptions(), resourceLoader.getClassLoader())
						.translate(properties.getUrl(), properties.getUsername(), properties.getPassword()));
		}

	}

	/**
	 * Matches unless the user configured only Spring Boot's own {@code spring.r2dbc.url}.
	 */
	static final class DatabaseUrlWanted extends AnyNestedCondition {

		DatabaseUrlWanted() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("database.url")
		static final class DatabaseUrlSet {

		}

		@Conditional(NoSpringR2dbcUrl.class)
		static final class SpringR2dbcUrlUnset {

		}

		static final class NoSpringR2dbcUrl extends NoneNestedConditions {

			NoSpringR2dbcUrl() {
				super(ConfigurationPhase.REGISTER_BEAN);
			}

			@ConditionalOnProperty("spring.r2dbc.url")
			static final class SpringR2dbcUrlSet {

			}

		}

	}

}
