package io.paig.db.migration.runner;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link MigrationRunner} on MariaDB (or MySQL), where DDL commits itself.
 *
 * @author paig-db authors
 */
class MigrationRunnerMariaDbTests extends AbstractMigrationRunnerTests {

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
	boolean transactionalDdl() {
		return false;
	}

}
