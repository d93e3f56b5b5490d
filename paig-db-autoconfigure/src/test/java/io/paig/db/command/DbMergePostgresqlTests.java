package io.paig.db.command;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code db merge} on PostgreSQL.
 *
 * @author paig-db authors
 */
class DbMergePostgresqlTests extends AbstractDbMergeTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Override
	String url() {
		return database.url();
	}

	@Override
	void reset() throws Exception {
		database.reset();
	}

}
