package io.paig.db.r2dbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reactive application on MariaDB's own R2DBC driver (a {@code mariadb://} URL, with
 * io.asyncer's driver on the class path too), against MariaDB.
 *
 * @author paig-db authors
 */
class MariadbR2dbcApplicationTests extends AbstractR2dbcApplicationTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	String databaseUrl() {
		return database.url("mariadb+asyncmy");
	}

	@Override
	String expectedDriver() {
		return "mariadb";
	}

	@Override
	String sessionIdQuery() {
		return "select connection_id()";
	}

	@Override
	List<Long> otherSessions(Connection connection) throws Exception {
		return processList(connection, database.name());
	}

	static List<Long> processList(Connection connection, String databaseName) throws Exception {
		try (PreparedStatement statement = connection
			.prepareStatement("select id from information_schema.processlist where db = ? and id <> connection_id()")) {
			statement.setString(1, databaseName);
			return ids(statement);
		}
	}

}
