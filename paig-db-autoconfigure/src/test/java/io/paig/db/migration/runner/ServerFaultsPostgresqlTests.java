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
 * Faults on the database side on PostgreSQL: {@code pg_terminate_backend} ends sessions.
 *
 * @author paig-db authors
 */
class ServerFaultsPostgresqlTests extends AbstractServerFaultsTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	List<Long> sessionsRunning(Connection connection, String text) throws SQLException {
		return postgresqlSessionsRunning(connection, text);
	}

	static List<Long> postgresqlSessionsRunning(Connection connection, String text) throws SQLException {
		List<Long> sessions = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() "
						+ "and state = 'active' and strpos(query, ?) > 0")) {
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
			statement.execute("select pg_terminate_backend(" + session + ")");
		}
	}

	@Override
	String mark(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set application_name = 'nightly-report'");
		}
		return "application_name 'nightly-report'";
	}

	@Override
	String unreachableJdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:1/paig?user=paig&password=s3cret&connectTimeout=2";
	}

	@Override
	boolean transactional() {
		return true;
	}

}
