package io.paig.sample;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A data migration of PAIG's history on MariaDb.
 *
 * @author paig-db authors
 */
class SampleDataMigrationMariaDbTests extends AbstractSampleDataMigrationTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	String serverUrl() {
		return database.url();
	}

}
