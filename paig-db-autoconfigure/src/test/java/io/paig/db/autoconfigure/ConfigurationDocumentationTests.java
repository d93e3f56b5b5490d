package io.paig.db.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/configuration.md} in step with the {@code database.*} keys that
 * {@code spring-boot-configuration-processor} generates into
 * {@code META-INF/spring-configuration-metadata.json}: every key has a row in the
 * reference, with its default, and every {@code database.*} key the reference names
 * exists.
 *
 * @author paig-db authors
 */
class ConfigurationDocumentationTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final Pattern NAMED_KEY = Pattern.compile("(?<![\\w/.:-])database\\.[a-z0-9][a-z0-9.*-]*");

	private static final Map<String, Object> properties = new LinkedHashMap<>();

	private static final Set<String> groups = new LinkedHashSet<>();

	private static final Set<String> mapProperties = new LinkedHashSet<>();

	private static List<String> lines;

	@BeforeAll
	static void readMetadataAndDocument() throws IOException {
		Enumeration<URL> resources = ConfigurationDocumentationTests.class.getClassLoader().getResources(METADATA);
		while (resources.hasMoreElements()) {
			try (InputStream in = resources.nextElement().openStream()) {
				Map<String, Object> json = JsonPath.parse(in).json();
				for (Map<String, Object> property : entries(json, "properties")) {
					String name = (String) property.get("name");
					if (name.startsWith("database.")) {
						properties.put(name, property.get("defaultValue"));
						if (String.valueOf(property.get("type")).startsWith("java.util.Map<")) {
							mapProperties.add(name);
						}
					}
				}
				for (Map<String, Object> group : entries(json, "groups")) {
					String name = (String) group.get("name");
					if (name.equals("database") || name.startsWith("database.")) {
						groups.add(name);
					}
				}
			}
		}
		lines = Files.readAllLines(projectRoot().resolve("docs/configuration.md"));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> entries(Map<String, Object> json, String kind) {
		Object entries = json.get(kind);
		return (entries instanceof List<?> list) ? (List<Map<String, Object>>) list : List.of();
	}

	@Test
	void metadataHasTheDatabaseKeys() {
		assertThat(properties).as("database.* keys in %s", METADATA)
			.containsKeys("database.url", "database.migration.on-startup", "database.command.changelog-folder");
	}

	@Test
	void everyKeyHasARowInTheReference() {
		List<String> missing = new ArrayList<>();
		for (String key : properties.keySet()) {
			if (row(key) == null) {
				missing.add(key + (mapProperties.contains(key) ? " (as `" + key + ".*`)" : ""));
			}
		}
		assertThat(missing)
			.as("keys of %s without a row '| `key` | type | default | description |' in docs/configuration.md",
					METADATA)
			.isEmpty();
	}

	@Test
	void everyRowShowsTheKeysDefault() {
		List<String> wrong = new ArrayList<>();
		properties.forEach((key, defaultValue) -> {
			String row = row(key);
			if (row != null && defaultValue != null && !(defaultValue instanceof List || defaultValue instanceof Map)) {
				String expected = "`" + String.valueOf(defaultValue).toLowerCase(Locale.ROOT) + "`";
				if (!row.toLowerCase(Locale.ROOT).contains(expected)) {
					wrong.add(key + ": the metadata's default is " + expected);
				}
			}
		});
		assertThat(wrong).as("rows of docs/configuration.md that do not show the key's default").isEmpty();
	}

	@Test
	void everyDatabaseKeyTheReferenceNamesExists() {
		Set<String> unknown = new TreeSet<>();
		for (String line : lines) {
			Matcher matcher = NAMED_KEY.matcher(line);
			while (matcher.find()) {
				String named = matcher.group().replaceAll("[.-]+$", "");
				if (!exists(named)) {
					unknown.add(named);
				}
			}
		}
		assertThat(unknown).as("database.* keys named in docs/configuration.md that are not in %s", METADATA).isEmpty();
	}

	private static boolean exists(String named) {
		String name = named.endsWith(".*") ? named.substring(0, named.length() - 2) : named;
		if (properties.containsKey(name) || groups.contains(name) || name.equals("database")) {
			return true;
		}
		return mapProperties.stream().anyMatch((map) -> name.startsWith(map + "."));
	}

	private static String row(String key) {
		for (String line : lines) {
			if (line.startsWith("| `" + key + "` |") || line.startsWith("| `" + key + ".*` |")) {
				return line;
			}
		}
		return null;
	}

	static Path projectRoot() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			if (Files.isDirectory(directory.resolve("docs")) && Files.isRegularFile(directory.resolve("README.md"))) {
				return directory;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException(
				"No folder above " + Path.of("").toAbsolutePath() + " holds docs/ and README.md");
	}

}
