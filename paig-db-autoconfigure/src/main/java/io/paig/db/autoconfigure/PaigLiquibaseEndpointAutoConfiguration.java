package io.paig.db.autoconfigure;

import io.paig.db.actuate.endpoint.LiquibaseHistoryEndpoint;
import io.paig.db.migration.runner.MigrationRunner;
import liquibase.changelog.StandardChangeLogHistoryService;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for
 * {@link LiquibaseHistoryEndpoint}: {@code /actuator/liquibase} in Spring Boot's shape,
 * filled from paig-db's history, for tools such as Spring Boot Admin. It is created, like
 * Spring Boot's, when the {@code liquibase} endpoint is available (exposed and not
 * disabled). It backs off when Spring Boot's own {@code LiquibaseEndpoint} exists (an
 * application that switched {@code spring.liquibase.enabled} back on), so that the id
 * {@code liquibase} is taken once.
 *
 * @author paig-db authors
 */
@AutoConfiguration(after = PaigMigrationAutoConfiguration.class,
		afterName = PaigLiquibaseEndpointAutoConfiguration.BOOT_ENDPOINT_AUTO_CONFIGURATION)
@ConditionalOnClass({ Endpoint.class, StandardChangeLogHistoryService.class, LiquibaseHistoryEndpoint.class,
		ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(LiquibaseHistoryEndpoint.class)
public final class PaigLiquibaseEndpointAutoConfiguration {

	static final String BOOT_ENDPOINT_AUTO_CONFIGURATION = "org.springframework.boot.liquibase.autoconfigure.LiquibaseEndpointAutoConfiguration";

	static final String BOOT_ENDPOINT = "org.springframework.boot.liquibase.actuate.endpoint.LiquibaseEndpoint";

	@Bean
	@ConditionalOnBean(MigrationRunner.class)
	@ConditionalOnMissingBean(value = LiquibaseHistoryEndpoint.class, type = BOOT_ENDPOINT)
	LiquibaseHistoryEndpoint liquibaseHistoryEndpoint(ApplicationContext context) {
		return new LiquibaseHistoryEndpoint(context);
	}

}
