package io.paig.db.command;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code db} commands against real Alembic on PostgreSQL.
 *
 * @author paig-db authors
 */
class AlembicParityPostgresqlTests extends AbstractAlembicParityTests {

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

	@Override
	String dialect() {
		return "postgresql";
	}

}
