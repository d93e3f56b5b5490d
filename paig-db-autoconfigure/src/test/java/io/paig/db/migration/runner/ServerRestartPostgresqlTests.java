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
		if (!ready()) {
			run("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "start");
		}
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
		while (!ready()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("PostgreSQL did not accept connections within 60 s of starting");
			}
			Thread.sleep(200);
		}
	}

	private static boolean ready() throws Exception {
		Process ready = new ProcessBuilder("pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432")
			.redirectErrorStream(true)
			.start();
		ready.getInputStream().readAllBytes();
		return ready.waitFor() == 0;
	}

	@Override
	boolean transactional() {
		return true;
	}

}
