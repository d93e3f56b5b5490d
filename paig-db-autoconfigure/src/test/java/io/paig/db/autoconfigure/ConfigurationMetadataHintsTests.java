package io.paig.db.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.paig.db.autoconfigure.DatabaseProperties.OnStartup;
import io.paig.db.url.DatabaseUrl;
import io.paig.db.url.Dialect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code META-INF/additional-spring-configuration-metadata.json}: the IDE help
 * it adds is in the {@code spring-configuration-metadata.json} that
 * {@code spring-boot-configuration-processor} generates, merged with the keys of
 * {@link DatabaseProperties}.
 *
 * @author paig-db authors
 */
class ConfigurationMetadataHintsTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static Map<String, Object> metadata;

	@BeforeAll
	static void readPaigDbsMetadata() throws IOException {
		// the class path holds Spring Boot's files too: take the one with database.url
		Enumeration<URL> resources = ConfigurationMetadataHintsTests.class.getClassLoader().getResources(METADATA);
		while (resources.hasMoreElements()) {
			try (InputStream in = resources.nextElement().openStream()) {
				Map<String, Object> json = JsonPath.parse(in).json();
				if (!entries(json, "properties", "database.url").isEmpty()) {
					metadata = json;
				}
			}
		}
		assertThat(metadata).as("a %s with database.url", METADATA).isNotNull();
	}

	@Test
	void databaseUrlHasAHintForEveryDialectAndDriver() {
		List<String> values = hintValues("database.url");
		List<String> missing = new ArrayList<>();
		for (Dialect dialect : Dialect.values()) {
			List<String> prefixes = new ArrayList<>();
			prefixes.add(dialect.getName() + "://");
			dialect.getPythonDrivers().forEach((driver) -> prefixes.add(dialect.getName() + "+" + driver + "://"));
			for (String prefix : prefixes) {
				if (values.stream().noneMatch((value) -> value.startsWith(prefix))) {
					missing.add(prefix);
				}
			}
		}
		assertThat(missing).as("dialect+driver forms without a value hint for database.url").isEmpty();
		assertThat(values).contains("sqlite+aiosqlite:///db/database.db", "sqlite://");
		assertThat(values).anyMatch((value) -> value.startsWith("postgres://"));
	}

	@Test
	void databaseUrlHintsAreValidUrlsOfTheirDialect() {
		for (String value : hintValues("database.url")) {
			if (value.startsWith("jdbc:")) {
				continue;
			}
			DatabaseUrl url = DatabaseUrl.parse(value);
			String scheme = value.substring(0, value.indexOf("://"));
			String dialect = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
			assertThat(Dialect.find(dialect)).as(value).isEqualTo(url.getDialect());
			assertThat(url.getDriver()).as(value)
				.isEqualTo(scheme.contains("+") ? scheme.substring(scheme.indexOf('+') + 1) : null);
		}
	}

	@Test
	void databaseUrlHintsDescribeEachValueAndAllowOthers() {
		Map<String, Object> hint = hint("database.url");
		assertThat(values(hint)).allSatisfy((value) -> assertThat((String) value.get("description")).isNotBlank());
		assertThat(entries(hint, "providers", null)).extracting((provider) -> provider.get("name"))
			.containsExactly("any");
	}

	@Test
	void onStartupHasAHintForEachMode() {
		assertThat(hintValues("database.migration.on-startup")).containsExactlyElementsOf(
				Arrays.stream(OnStartup.values()).map((mode) -> mode.name().toLowerCase(Locale.ROOT)).toList());
		assertThat(values(hint("database.migration.on-startup")))
			.allSatisfy((value) -> assertThat((String) value.get("description")).isNotBlank());
	}

	@Test
	void migrationsHealthSwitchIsAProperty() {
		List<Map<String, Object>> properties = entries(metadata, "properties", "management.health.migrations.enabled");
		assertThat(properties).hasSize(1);
		Map<String, Object> property = properties.get(0);
		assertThat(property.get("type")).isEqualTo("java.lang.Boolean");
		assertThat(property.get("defaultValue")).isEqualTo(true);
		assertThat((String) property.get("description")).contains("migrations");
	}

	@Test
	void hintsNameExistingKeys() {
		for (Map<String, Object> hint : entries(metadata, "hints", null)) {
			assertThat(entries(metadata, "properties", (String) hint.get("name"))).as("property %s", hint.get("name"))
				.hasSize(1);
		}
	}

	private static Map<String, Object> hint(String name) {
		List<Map<String, Object>> hints = entries(metadata, "hints", name);
		assertThat(hints).as("hints for %s", name).hasSize(1);
		return hints.get(0);
	}

	private static List<String> hintValues(String name) {
		return values(hint(name)).stream().map((value) -> (String) value.get("value")).toList();
	}

	private static List<Map<String, Object>> values(Map<String, Object> hint) {
		return entries(hint, "values", null);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> entries(Map<String, Object> json, String kind, String name) {
		Object entries = json.get(kind);
		if (!(entries instanceof List<?> list)) {
			return List.of();
		}
		return ((List<Map<String, Object>>) list).stream()
			.filter((entry) -> name == null || name.equals(entry.get("name")))
			.toList();
	}

}
