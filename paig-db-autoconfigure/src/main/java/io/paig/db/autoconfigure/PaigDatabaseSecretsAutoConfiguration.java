package io.paig.db.autoconfigure;

import io.paig.db.actuate.endpoint.DatabaseSecretsSanitizingFunction;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that keeps the database's passwords
 * out of Spring Boot's {@code env} and {@code configprops} endpoints even when they are
 * set to show values: {@link DatabaseSecretsSanitizingFunction}, which Spring Boot's
 * sanitizer applies after the application's own functions.
 *
 * @author paig-db authors
 */
@AutoConfiguration
@ConditionalOnClass({ SanitizingFunction.class, DatabaseSecretsSanitizingFunction.class })
public final class PaigDatabaseSecretsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DatabaseSecretsSanitizingFunction databaseSecretsSanitizingFunction(Environment environment) {
		return new DatabaseSecretsSanitizingFunction(environment);
	}

}
