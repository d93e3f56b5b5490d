package io.paig.sample.e2e;

import java.sql.Connection;
import java.sql.Statement;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code db} commands end to end on PostgreSQL.
 *
 * @author paig-db
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
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA public CASCADE");
			statement.execute("CREATE SCHEMA public");
		}
	}

}
