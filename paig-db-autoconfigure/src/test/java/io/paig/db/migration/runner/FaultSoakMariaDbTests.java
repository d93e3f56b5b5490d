package io.paig.db.migration.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.paig.db.testsupport.Changelogs;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The soak on MariaDB.
 *
 * @author paig-db authors
 */
class FaultSoakMariaDbTests extends AbstractFaultSoakTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	long sessionOf(Connection connection) throws SQLException {
		return AbstractServerFaultsTests.count(connection, "select connection_id()");
	}

	@Override
	void end(Connection admin, long session) {
		try (Statement statement = admin.createStatement()) {
			statement.execute("KILL " + session);
		}
		catch (SQLException ex) {
			// 1094: the session has ended already
			if (ex.getErrorCode() != 1094) {
				throw new IllegalStateException(ex);
			}
		}
	}

	@Override
	Changelogs changelog(Path folder) {
		return new Changelogs(folder).revision("1ccc00000001", "create users", """
				  - changeSet:
				      id: create-users
				      author: paig
				      preConditions:
				        - onFail: MARK_RAN
				        - not:
				            - tableExists: { tableName: users }
				      changes:
				        - createTable:
				            tableName: users
				            columns:
				              - column: { name: id, type: int, autoIncrement: true, constraints: { primaryKey: true } }
				              - column: { name: name, type: varchar(100), constraints: { nullable: false } }
				""").revision("1ccc00000002", "slow", """
				  - changeSet:
				      id: sleep
				      author: paig
				      changes:
				        - sql: { sql: "select sleep(0.3)" }
				""").revision("1ccc00000003", "add email", """
				  - changeSet:
				      id: add-email
				      author: paig
				      preConditions:
				        - onFail: MARK_RAN
				        - not:
				            - columnExists: { tableName: users, columnName: email }
				      changes:
				        - addColumn:
				            tableName: users
				            columns:
				              - column: { name: email, type: varchar(255) }
				""").revision("1ccc00000004", "seed admin", AbstractMigrationRunnerTests.SEED);
	}

}
