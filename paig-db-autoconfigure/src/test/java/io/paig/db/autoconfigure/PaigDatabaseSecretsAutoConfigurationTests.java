package io.paig.db.autoconfigure;

import java.util.Map;

import io.paig.db.actuate.endpoint.DatabaseSecretsSanitizingFunction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PaigDatabaseSecretsAutoConfiguration}: with Spring Boot's {@code env}
 * and {@code configprops} endpoints set to show values, what they return holds none of
 * the database's passwords, from whichever source they came, while without paig-db's
 * function the same endpoints show them.
 *
 * @author paig-db authors
 */
class PaigDatabaseSecretsAutoConfigurationTests {

	private static final String URL_PASSWORD = "Url%40Secret1";

	private static final String URL_PASSWORD_READ = "Url@Secret1";

	private static final String MIGRATION_PASSWORD = "Migration\"Secret2";

	private static final String COMMAND_LINE_PASSWORD = "CommandLineSecret3";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class))
		.withInitializer((context) -> {
			// as an application started with the URL in its environment, the migration
			// password in SPRING_APPLICATION_JSON and a password on its command line
			// has them
			var sources = context.getEnvironment().getPropertySources();
			sources.addLast(
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("DATABASE_URL", "postgresql+asyncpg://paig:" + URL_PASSWORD + "@127.0.0.1:1/paig",
									"SPRING_APPLICATION_JSON",
									"{\"database\":{\"migration\":{\"password\":\"Migration\\\"Secret2\"}}}",
									"DATABASE_MIGRATION_PASSWORD", MIGRATION_PASSWORD)));
			sources.addFirst(new MapPropertySource("commandLineArgs", Map.of("database.password", COMMAND_LINE_PASSWORD,
					"sun.java.command", "app.jar --database.password=" + COMMAND_LINE_PASSWORD)));
		})
		.withPropertyValues("database.migration.username=owner", "management.endpoints.web.exposure.include=*",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always");

	@Test
	void endpointsThatShowValuesShowNoDatabasePassword() {
		this.runner.withConfiguration(AutoConfigurations.of(PaigDatabaseSecretsAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(DatabaseSecretsSanitizingFunction.class);
				String shown = endpoints(context);
				assertThat(shown).doesNotContain(URL_PASSWORD, URL_PASSWORD_READ, "Migration\\\"Secret2",
						MIGRATION_PASSWORD, COMMAND_LINE_PASSWORD);
				assertThat(shown).contains("postgresql+asyncpg://paig:****@127.0.0.1:1/paig")
					.contains("app.jar --database.password=****")
					.contains("\"database.migration.username\":{\"value\":\"owner\"");
			});
	}

	@Test
	void endpointsShowThePasswordsWithoutIt() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(DatabaseSecretsSanitizingFunction.class);
			assertThat(endpoints(context)).contains(URL_PASSWORD, COMMAND_LINE_PASSWORD, "Migration\\\"Secret2");
		});
	}

	@Test
	void applicationsOwnFunctionComesFirst() {
		this.runner.withConfiguration(AutoConfigurations.of(PaigDatabaseSecretsAutoConfiguration.class))
			.withUserConfiguration(OwnFunction.class)
			.run((context) -> assertThat(endpoints(context)).contains("hidden by the application")
				.doesNotContain(URL_PASSWORD, COMMAND_LINE_PASSWORD));
	}

	@Test
	void backsOffWithoutTheActuator() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PaigDatabaseSecretsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DatabaseSecretsSanitizingFunction.class));
	}

	private static String endpoints(AssertableApplicationContext context) {
		JsonMapper json = JsonMapper.builder().build();
		return json.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null)) + json
			.writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFunction {

		@Bean
		SanitizingFunction ownFunction() {
			return (data) -> data.getLowerCaseKey().endsWith("url") ? data.withValue("hidden by the application")
					: data;
		}

	}

}
