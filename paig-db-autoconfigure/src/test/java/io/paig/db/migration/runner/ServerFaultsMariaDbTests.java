package io.paig.db.migration.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults on the database side on MariaDB: {@code KILL} ends sessions.
 *
 * @author paig-db authors
 */
class ServerFaultsMariaDbTests extends AbstractServerFaultsTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	List<Long> sessionsRunning(Connection connection, String text) throws SQLException {
		return mysqlSessionsRunning(connection, text);
	}

	static List<Long> mysqlSessionsRunning(Connection connection, String text) throws SQLException {
		List<Long> sessions = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"select ID from information_schema.PROCESSLIST where DB = database() and ID <> connection_id() "
						+ "and COMMAND = 'Query' and locate(?, INFO) > 0")) {
			statement.setString(1, text);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					sessions.add(result.getLong(1));
				}
			}
		}
		return sessions;
	}

	@Override
	void end(Connection connection, long session) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("KILL " + session);
		}
	}

	@Override
	String mark(Connection connection) throws SQLException {
		return "connection id " + count(connection, "select connection_id()") + ",";
	}

	@Override
	String unreachableJdbcUrl() {
		return "jdbc:mysql://127.0.0.1:1/paig?user=paig&password=s3cret&connectTimeout=2000";
	}

	@Override
	boolean transactional() {
		return false;
	}

}
