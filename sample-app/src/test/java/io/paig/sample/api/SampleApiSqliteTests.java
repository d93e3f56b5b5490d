package io.paig.sample.api;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's REST endpoints on SQLite.
 *
 * @author paig-db authors
 */
class SampleApiSqliteTests extends AbstractSampleApiTests {

	@TempDir
	static Path temp;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("database.url", () -> "sqlite+aiosqlite:///" + temp.resolve("db/database.db"));
	}

}
