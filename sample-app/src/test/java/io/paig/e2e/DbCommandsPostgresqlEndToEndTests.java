package io.paig.e2e;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code db} commands end to end on PostgreSQL.
 *
 * @author paig-db authors
 */
class DbCommandsPostgresqlEndToEndTests extends AbstractDbCommandsEndToEndTests {

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
