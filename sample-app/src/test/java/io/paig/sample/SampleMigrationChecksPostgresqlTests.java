package io.paig.sample;

import io.paig.db.test.MigrationChecks;
import io.paig.db.test.MigrationTest;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The migration checks over the sample's whole history on PostgreSQL.
 *
 * @author paig-db authors
 */
@MigrationTest
class SampleMigrationChecksPostgresqlTests extends MigrationChecks {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("database.url", database::url);
	}

}
