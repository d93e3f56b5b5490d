package io.paig.db.command;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code db merge} on MariaDB.
 *
 * @author paig-db authors
 */
class DbMergeMariaDbTests extends AbstractDbMergeTests {

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
