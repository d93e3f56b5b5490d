package io.paig.db.migration;

import java.sql.Connection;
import java.sql.Statement;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link MigrationRunner} on PostgreSQL.
 *
 * @author paig-db
 */
class MigrationRunnerPostgresqlTests extends AbstractMigrationRunnerTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Override
	String url() {
		return database.url();
	}

	@Override
	void reset() throws Exception {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA public CASCADE");
			statement.execute("CREATE SCHEMA public");
		}
	}

	@Override
	boolean transactionalDdl() {
		return true;
	}

}
