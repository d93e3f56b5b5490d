package io.paig.sample;

import java.nio.file.Path;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's migrations endpoint, health and metrics on PostgreSQL, with a password in
 * the URL (the server trusts local connections, so any password gets in) that must appear
 * nowhere.
 *
 * @author paig-db authors
 */
class SampleMigrationsPostgresqlTests extends AbstractSampleMigrationsTests {

	static final String PASSWORD = "S3cret-Pw!47";

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@TempDir
	static Path temp;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("database.url", () -> database.url("postgresql+asyncpg"));
		registry.add("database.password", () -> PASSWORD);
		registry.add("database.migration.changelog", () -> copyChangelog(temp.resolve("changelog")));
	}

	@Override
	Path changelogFolder() {
		return temp.resolve("changelog");
	}

	@Override
	String password() {
		return PASSWORD;
	}

}
