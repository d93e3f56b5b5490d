package io.paig.db.autoconfigure;

import java.nio.file.Path;

import io.paig.db.actuate.endpoint.LiquibaseHistoryEndpoint;
import io.paig.db.actuate.endpoint.MigrationsEndpoint;
import liquibase.Liquibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.actuate.endpoint.LiquibaseEndpoint;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseEndpointAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PaigLiquibaseEndpointAutoConfiguration}.
 *
 * @author paig-db authors
 */
class PaigLiquibaseEndpointAutoConfigurationTests {

	private static final String NOTES = "database.migration.changelog=classpath:db/notes/db.changelog-master.yaml";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class,
				PaigMigrationAutoConfiguration.class, PaigMigrationEndpointAutoConfiguration.class,
				PaigLiquibaseEndpointAutoConfiguration.class));

	@TempDir
	Path temp;

	private String sqlite() {
		return "database.url=sqlite:///" + this.temp.resolve("liquibase-endpoint.db");
	}

	@Test
	void endpointIsThereOnlyWhenExposed() {
		this.runner.withPropertyValues(sqlite(), NOTES)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LiquibaseHistoryEndpoint.class));
		this.runner.withPropertyValues(sqlite(), NOTES, "management.endpoints.web.exposure.include=liquibase")
			.run((context) -> assertThat(context).hasSingleBean(LiquibaseHistoryEndpoint.class)
				.doesNotHaveBean(MigrationsEndpoint.class));
		this.runner.withPropertyValues(sqlite(), NOTES, "management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(context).hasSingleBean(LiquibaseHistoryEndpoint.class)
				.hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointIsAbsentWhenItsAccessIsNone() {
		this.runner
			.withPropertyValues(sqlite(), NOTES, "management.endpoints.web.exposure.include=liquibase",
					"management.endpoint.liquibase.access=NONE")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LiquibaseHistoryEndpoint.class));
	}

	@Test
	void endpointIsAbsentWithoutActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues(sqlite(), NOTES, "management.endpoints.web.exposure.include=liquibase")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LiquibaseHistoryEndpoint.class));
	}

	@Test
	void endpointIsAbsentWithoutLiquibase() {
		this.runner.withClassLoader(new FilteredClassLoader(Liquibase.class))
			.withPropertyValues(sqlite(), NOTES, "management.endpoints.web.exposure.include=liquibase")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LiquibaseHistoryEndpoint.class));
	}

	@Test
	void endpointIsThereWithoutSpringBootsLiquibaseEndpointClass() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.liquibase.actuate"))
			.withPropertyValues(sqlite(), NOTES, "management.endpoints.web.exposure.include=liquibase")
			.run((context) -> assertThat(context).hasSingleBean(LiquibaseHistoryEndpoint.class));
	}

	@Test
	void endpointBacksOffForSpringBootsOwnLiquibaseEndpoint() {
		// an application that switched Spring Boot's Liquibase support back on: its
		// SpringLiquibase bean brings Spring Boot's endpoint, which keeps the id
		this.runner
			.withConfiguration(
					AutoConfigurations.of(LiquibaseAutoConfiguration.class, LiquibaseEndpointAutoConfiguration.class))
			.withPropertyValues(sqlite(), NOTES, "database.migration.on-startup=none",
					"spring.liquibase.change-log=classpath:db/notes/db.changelog-master.yaml",
					"management.endpoints.web.exposure.include=liquibase")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(LiquibaseEndpoint.class)
				.doesNotHaveBean(LiquibaseHistoryEndpoint.class));
	}

	@Test
	void endpointIsThereBesideSpringBootsSwitchedOffLiquibaseSupport() {
		// paig-db's default: spring.liquibase.enabled=false, so no SpringLiquibase bean
		// and no endpoint of Spring Boot's
		this.runner
			.withConfiguration(
					AutoConfigurations.of(LiquibaseAutoConfiguration.class, LiquibaseEndpointAutoConfiguration.class))
			.withPropertyValues(sqlite(), NOTES, "spring.liquibase.enabled=false",
					"management.endpoints.web.exposure.include=liquibase")
			.run((context) -> assertThat(context).hasSingleBean(LiquibaseHistoryEndpoint.class)
				.doesNotHaveBean(LiquibaseEndpoint.class));
	}

	@Test
	void endpointBacksOffForTheApplicationsOwn() {
		this.runner.withUserConfiguration(OwnEndpointConfiguration.class)
			.withPropertyValues(sqlite(), NOTES, "management.endpoints.web.exposure.include=liquibase")
			.run((context) -> assertThat(context).hasSingleBean(LiquibaseHistoryEndpoint.class)
				.hasBean("ownLiquibaseHistoryEndpoint"));
	}

	@Test
	void endpointIsAbsentWithoutARunner() {
		// no DataSource, so no runner (and, with a changelog, start-up would refuse that
		// unless migrations are switched off)
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PaigMigrationAutoConfiguration.class,
					PaigLiquibaseEndpointAutoConfiguration.class))
			.withPropertyValues(NOTES, "database.migration.on-startup=none",
					"management.endpoints.web.exposure.include=liquibase")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LiquibaseHistoryEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEndpointConfiguration {

		@Bean
		LiquibaseHistoryEndpoint ownLiquibaseHistoryEndpoint(ApplicationContext context) {
			return new LiquibaseHistoryEndpoint(context);
		}

	}

}
