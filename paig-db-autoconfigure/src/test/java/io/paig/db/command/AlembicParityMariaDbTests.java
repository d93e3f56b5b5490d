package io.paig.db.command;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code db} commands against real Alembic on MariaDB.
 *
 * @author paig-db authors
 */
class AlembicParityMariaDbTests extends AbstractAlembicParityTests {

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

	@Override
	String dialect() {
		return "mariadb";
	}

}
