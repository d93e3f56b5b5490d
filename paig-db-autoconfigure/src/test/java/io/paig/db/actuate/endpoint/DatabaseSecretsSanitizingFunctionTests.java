package io.paig.db.actuate.endpoint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DatabaseSecretsSanitizingFunction}: with values shown, the database's
 * password keys are hidden in each spelling Spring Boot binds, its URLs are shown masked,
 * the passwords in use are masked wherever else they stand, and other values are left
 * alone.
 *
 * @author paig-db authors
 */
class DatabaseSecretsSanitizingFunctionTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	private final PropertySource<?> source = new MapPropertySource("test", Map.of());

	@Test
	void passwordKeysAreHiddenInEverySpelling() {
		for (String key : List.of("database.password", "DATABASE_PASSWORD", "Database.Password", "database_password",
				"database.migration.password", "DATABASE_MIGRATION_PASSWORD", "database.migration.pass-word",
				"database.migration[password]", "database[migration][password]", "spring.liquibase.password",
				"SPRING_LIQUIBASE_PASSWORD", "spring.datasource.password", "SPRING_R2DBC_PASSWORD")) {
			assertThat(sanitize(key, "pw")).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
	}

	@Test
	void numericPasswordsAreHiddenToo() {
		assertThat(sanitize("database.password", 123456)).isEqualTo(SanitizableData.SANITIZED_VALUE);
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("in use", Map.of("database.password", 987654321)));
		assertThat(sanitize("app.pin", 987654321)).isEqualTo("****");
	}

	@Test
	void urlKeysAreShownWithTheirPasswordsMasked() {
		for (String key : List.of("database.url", "DATABASE_URL", "database.migration.url", "DATABASE_MIGRATION_URL",
				"spring.liquibase.url")) {
			assertThat(sanitize(key, "postgresql+asyncpg://paig:S3cret@db:5432/paig")).as(key)
				.isEqualTo("postgresql+asyncpg://paig:****@db:5432/paig");
		}
		assertThat(sanitize("spring.liquibase.url", "jdbc:postgresql://db/paig?password=S3cret"))
			.isEqualTo("jdbc:postgresql://db/paig?password=****");
		assertThat(sanitize("spring.r2dbc.url", "r2dbc:postgresql://paig:S3cret@db/paig"))
			.isEqualTo("r2dbc:postgresql://paig:****@db/paig");
	}

	@Test
	void urlKeyInALowerSourceIsMaskedThoughAnotherUrlIsInUse() {
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("in use", Map.of("database.url", "mysql://paig:Other1@db/paig")));
		assertThat(sanitize("database.url", "postgresql://dev:DevPass@localhost/paig"))
			.isEqualTo("postgresql://dev:****@localhost/paig");
	}

	@Test
	void passwordsInUseAreMaskedWhereverElseTheyStand() {
		this.environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
					Map.of("DATABASE_URL", "postgresql://paig:Url%40Pass@db/paig", "DATABASE_MIGRATION_USERNAME",
							"owner", "DATABASE_MIGRATION_PASSWORD", "Mig\"Pass")));
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("spring.liquibase",
					Map.of("spring.liquibase.url", "jdbc:mysql://db/paig", "spring.liquibase.password", "LbPass9")));
		assertThat(sanitize("sun.java.command", "app.jar --database.url=postgresql://paig:Url%40Pass@db/paig"))
			.isEqualTo("app.jar --database.url=postgresql://paig:****@db/paig");
		assertThat(sanitize("SPRING_APPLICATION_JSON", "{\"database\":{\"migration\":{\"password\":\"Mig\\\"Pass\"}}}"))
			.isEqualTo("{\"database\":{\"migration\":{\"password\":\"****\"}}}");
		assertThat(sanitize("spring.datasource.hikari.password", "Url@Pass")).isEqualTo("****");
		assertThat(sanitize("app.secret-holder", "LbPass9")).isEqualTo("****");
	}

	@Test
	void passwordsInUseAreWorkedOutAgainWhenTheyChange() {
		MapPropertySource inUse = new MapPropertySource("in use", new HashMap<>(Map.of("database.password", "First1")));
		this.environment.getPropertySources().addFirst(inUse);
		assertThat(sanitize("x", "First1")).isEqualTo("****");
		inUse.getSource().put("database.password", "Second2");
		assertThat(sanitize("x", "First1")).isEqualTo("First1");
		assertThat(sanitize("x", "Second2")).isEqualTo("****");
	}

	@Test
	void otherValuesAreLeftAlone() {
		this.environment.getPropertySources()
			.addFirst(
					new MapPropertySource("in use", Map.of("database.url", "postgresql://postgres:postgres@db/paig")));
		assertThat(sanitize("database.username", "paig")).isEqualTo("paig");
		assertThat(sanitize("spring.datasource.driver-class-name", "org.postgresql.Driver"))
			.isEqualTo("org.postgresql.Driver");
		assertThat(sanitize("server.port", 8080)).isEqualTo(8080);
	}

	@Test
	void applicationsOwnFunctionBeforeItDecides() {
		SanitizingFunction own = (data) -> data.getKey().equals("database.url") ? data.withValue("hidden by the app")
				: data;
		DatabaseSecretsSanitizingFunction function = new DatabaseSecretsSanitizingFunction(this.environment);
		assertThat(function.getOrder()).isEqualTo(Ordered.LOWEST_PRECEDENCE);
		Sanitizer sanitizer = new Sanitizer(List.of(own, function));
		assertThat(sanitizer.sanitize(new SanitizableData(this.source, "database.url", "postgresql://u:p@h/d"), true))
			.isEqualTo("hidden by the app");
	}

	@Test
	void valuesAreHiddenWholeWhenTheEndpointShowsNoValues() {
		Sanitizer sanitizer = new Sanitizer(List.of(new DatabaseSecretsSanitizingFunction(this.environment)));
		assertThat(sanitizer.sanitize(new SanitizableData(this.source, "server.port", "8080"), false))
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	private @Nullable Object sanitize(String key, Object value) {
		Sanitizer sanitizer = new Sanitizer(List.of(new DatabaseSecretsSanitizingFunction(this.environment)));
		return sanitizer.sanitize(new SanitizableData(this.source, key, value), true);
	}

}
