package io.paig.db.test;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests for {@link DatabaseClones} on Postgresql.
 *
 * @author paig-db authors
 */
class DatabaseClonesPostgresqlTests extends AbstractDatabaseClonesTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Override
	String serverUrl() {
		return database.url();
	}

}
