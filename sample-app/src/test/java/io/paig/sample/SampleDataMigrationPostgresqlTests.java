package io.paig.sample;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A data migration of PAIG's history on Postgresql.
 *
 * @author paig-db authors
 */
class SampleDataMigrationPostgresqlTests extends AbstractSampleDataMigrationTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Override
	String serverUrl() {
		return database.url();
	}

}
