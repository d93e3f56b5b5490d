package io.paig.e2e;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code db} commands end to end on MariaDB.
 *
 * @author paig-db authors
 */
class DbCommandsMariaDbEndToEndTests extends AbstractDbCommandsEndToEndTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	String url() {
		return database.url();
	}

	@Override
	void reset() throws Exception {
		database.reset();
	}

}
