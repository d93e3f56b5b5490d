package io.paig.sample;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's migrations endpoint, health and metrics on SQLite.
 *
 * @author paig-db authors
 */
class SampleMigrationsSqliteTests extends AbstractSampleMigrationsTests {

	@TempDir
	static Path temp;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("database.url", () -> "sqlite:///" + temp.resolve("db/database.db"));
		registry.add("database.migration.changelog", () -> copyChangelog(temp.resolve("changelog")));
	}

	@Override
	Path changelogFolder() {
		return temp.resolve("changelog");
	}

	@Override
	String password() {
		return null;
	}

}
