package io.paig.db.autoconfigure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link AbstractMigrationCredentialsTests} on PostgreSQL: the owner role may create in
 * the {@code public} schema, the application's role only use it, with the rights on the
 * owner's new tables that {@code ALTER DEFAULT PRIVILEGES} gives it. The local server
 * trusts its clients, so passwords are not checked by it; they are checked for never
 * being shown.
 *
 * @author paig-db authors
 */
class MigrationCredentialsPostgresqlTests extends AbstractMigrationCredentialsTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@BeforeAll
	static void createRoles() throws SQLException {
		try (Connection root = database.connection()) {
			execute(root, "CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'",
					"CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
		}
	}

	@AfterAll
	static void dropRoles() throws SQLException {
		try (Connection root = database.connection()) {
			// one role at a time: the default privileges tie the two together
			execute(root, "DROP OWNED BY " + OWNER + " CASCADE", "DROP OWNED BY " + APP + " CASCADE",
					"DROP ROLE " + OWNER + ", " + APP);
		}
	}

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	void grant(Connection root) throws SQLException {
		execute(root, "GRANT USAGE, CREATE ON SCHEMA public TO " + OWNER, "GRANT USAGE ON SCHEMA public TO " + APP,
				"ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public GRANT SELECT, INSERT, UPDATE, "
						+ "DELETE ON TABLES TO " + APP,
				"ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "
						+ APP);
	}

	@Override
	int ownerSessions(Connection root) throws SQLException {
		return count(root, "SELECT count(*) FROM pg_stat_activity WHERE usename = ?", OWNER);
	}

	@Override
	String noteTableOwner(Connection root) throws SQLException {
		try (PreparedStatement statement = root
			.prepareStatement("SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'note'");
				ResultSet result = statement.executeQuery()) {
			return result.next() ? result.getString(1) : "(no table)";
		}
	}

}
