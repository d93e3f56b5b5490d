package io.paig.sample;

import java.nio.file.Path;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's migrations endpoint, health and metrics on MariaDB.
 *
 * @author paig-db authors
 */
class SampleMigrationsMariaDbTests extends AbstractSampleMigrationsTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@TempDir
	static Path temp;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("database.url", () -> database.url("mysql+aiomysql"));
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
