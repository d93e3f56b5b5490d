package io.paig.db.test;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests for {@link DatabaseClones} on MariaDb.
 *
 * @author paig-db authors
 */
class DatabaseClonesMariaDbTests extends AbstractDatabaseClonesTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	String serverUrl() {
		return database.url();
	}

}
