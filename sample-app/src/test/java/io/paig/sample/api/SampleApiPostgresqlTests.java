package io.paig.sample.api;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's REST endpoints on PostgreSQL, where the permission and tag columns are
 * native enum types.
 *
 * @author paig-db authors
 */
class SampleApiPostgresqlTests extends AbstractSampleApiTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("database.url", () -> database.url("postgresql+asyncpg"));
	}

}
