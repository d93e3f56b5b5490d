package io.paig.db.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;

import io.paig.db.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link AbstractMigrationCredentialsTests} on MariaDB (or MySQL): the owner user has
 * every right on the test database, the application's user only reads and writes rows.
 * The server checks both passwords.
 *
 * @author paig-db authors
 */
class MigrationCredentialsMariaDbTests extends AbstractMigrationCredentialsTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@BeforeAll
	static void createUsers() throws SQLException {
		try (Connection root = database.connection()) {
			execute(root, "CREATE USER '" + OWNER + "'@'%' IDENTIFIED BY '" + OWNER_PASSWORD + "'",
					"CREATE USER '" + APP + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'",
					"GRANT ALL PRIVILEGES ON `" + database.name() + "`.* TO '" + OWNER + "'@'%'",
					"GRANT SELECT, INSERT, UPDATE, DELETE ON `" + database.name() + "`.* TO '" + APP + "'@'%'");
		}
	}

	@AfterAll
	static void dropUsers() throws SQLException {
		try (Connection root = database.connection()) {
			execute(root, "DROP USER IF EXISTS '" + OWNER + "'@'%'", "DROP USER IF EXISTS '" + APP + "'@'%'");
		}
	}

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	void grant(Connection root) {
		// the rights are on the database, which reset() keeps
	}

	@Override
	int ownerSessions(Connection root) throws SQLException {
		return count(root, "SELECT count(*) FROM information_schema.PROCESSLIST WHERE USER = ?", OWNER);
	}

	@Override
	@Nullable String noteTableOwner(Connection root) {
		// MariaDB keeps no owner per table: that the application's user cannot create one
		// shows who did
		return null;
	}

}
