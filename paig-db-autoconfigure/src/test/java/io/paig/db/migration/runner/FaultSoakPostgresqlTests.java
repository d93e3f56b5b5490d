package io.paig.db.migration.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.paig.db.testsupport.Changelogs;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The soak on PostgreSQL.
 *
 * @author paig-db authors
 */
class FaultSoakPostgresqlTests extends AbstractFaultSoakTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	long sessionOf(Connection connection) throws SQLException {
		return AbstractServerFaultsTests.count(connection, "select pg_backend_pid()");
	}

	@Override
	void end(Connection admin, long session) {
		try (Statement statement = admin.createStatement()) {
			statement.execute("select pg_terminate_backend(" + session + ")");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	Changelogs changelog(Path folder) {
		return new Changelogs(folder).revision("1ccc00000001", "create users", AbstractMigrationRunnerTests.USERS)
			.revision("1ccc00000002", "slow", """
					  - changeSet:
					      id: sleep
					      author: paig
					      changes:
					        - sql: { sql: "select pg_sleep(0.3)" }
					""")
			.revision("1ccc00000003", "add email", AbstractMigrationRunnerTests.EMAIL)
			.revision("1ccc00000004", "seed admin", AbstractMigrationRunnerTests.SEED);
	}

	@Override
	boolean lockHeld(Connection admin) throws SQLException {
		return AbstractServerFaultsTests.count(admin, "select count(*) from pg_locks where locktype = 'advisory' "
				+ "and database = (select oid from pg_database where datname = current_database())") > 0;
	}

}
