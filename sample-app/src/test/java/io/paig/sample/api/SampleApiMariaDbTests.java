package io.paig.sample.api;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's REST endpoints on MariaDB, where the enums are inline {@code ENUM}s and
 * JSON is {@code longtext}.
 *
 * @author paig-db authors
 */
class SampleApiMariaDbTests extends AbstractSampleApiTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("database.url", () -> database.url("mysql+aiomysql"));
	}

}
