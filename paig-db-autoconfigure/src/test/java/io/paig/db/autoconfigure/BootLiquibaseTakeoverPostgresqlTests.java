package io.paig.db.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;

import io.paig.db.testsupport.TestDatabase;
import io.paig.db.url.JdbcSettings;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Taking over a PostgreSQL database that Spring Boot's Liquibase support migrated.
 *
 * @author paig-db authors
 */
class BootLiquibaseTakeoverPostgresqlTests extends AbstractBootLiquibaseTakeoverTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Override
	JdbcSettings jdbc() {
		return database.jdbc();
	}

	@Override
	String url() {
		return database.url();
	}

	@Override
	Connection connection() throws SQLException {
		return database.connection();
	}

	@Override
	void reset() throws Exception {
		database.reset();
	}

}
