package io.paig.db.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that keep paig-db the one migration tool at start-up: Spring Boot's own
 * Liquibase support, if present, stays off unless {@code spring.liquibase.enabled} is
 * set, so revisions run exactly once; and Liquibase's per-changeset log lines give way to
 * paig-db's per-revision ones. Any of these the application sets itself wins.
 *
 * @author paig-db authors
 */
class PaigDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "paigDbDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.liquibase.enabled", "false");
		defaults.put("logging.level.liquibase", "warn");
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
	}

}
