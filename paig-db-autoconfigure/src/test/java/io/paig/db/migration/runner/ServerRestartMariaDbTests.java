package io.paig.db.migration.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MariaDB shut down ({@code mysqladmin shutdown}) and started again mid-migration.
 *
 * @author paig-db authors
 */
class ServerRestartMariaDbTests extends AbstractServerRestartTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	List<Long> sessionsRunning(Connection connection, String text) throws SQLException {
		return ServerFaultsMariaDbTests.mysqlSessionsRunning(connection, text);
	}

	@Override
	void stopServer() throws Exception {
		run("mysqladmin", "-uroot", "-h127.0.0.1", "shutdown");
	}

	@Override
	void startServer() throws Exception {
		run("start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd");
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			Process ping = new ProcessBuilder("mysqladmin", "-uroot", "-h127.0.0.1", "ping").redirectErrorStream(true)
				.start();
			ping.getInputStream().readAllBytes();
			if (ping.waitFor() == 0) {
				return;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("MariaDB did not answer a ping within 60 s of starting");
	}

	@Override
	boolean transactional() {
		return false;
	}

}
