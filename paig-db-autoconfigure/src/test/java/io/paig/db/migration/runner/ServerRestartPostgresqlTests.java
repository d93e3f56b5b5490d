package io.paig.db.migration.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL stopped ({@code pg_ctlcluster ... stop}, fast mode: sessions are ended) and
 * started again mid-migration.
 *
 * @author paig-db authors
 */
class ServerRestartPostgresqlTests extends AbstractServerRestartTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	List<Long> sessionsRunning(Connection connection, String text) throws SQLException {
		return ServerFaultsPostgresqlTests.postgresqlSessionsRunning(connection, text);
	}

	@Override
	void stopServer() throws Exception {
		run("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "stop");
	}

	@Override
	void startServer() throws Exception {
		run("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "start");
	}

	@Override
	boolean transactional() {
		return true;
	}

}
