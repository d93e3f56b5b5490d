package io.paig.db.migration.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.paig.db.jdbc.JdbcSupport;
import org.jspecify.annotations.Nullable;

/**
 * Alembic's {@code alembic_version} table: where a database built by Alembic stands, and
 * where the Python service still reads it. paig-db never creates it; where it exists,
 * paig-db reads it once to adopt the database and then keeps it in step with its own
 * history.
 *
 * @author paig-db authors
 */
final class AlembicVersionTable {

	static final String NAME = "alembic_version";

	private final @Nullable String schema;

	/**
	 * Create an accessor.
	 * @param schema the schema the application's tables are in, or {@code null} for the
	 * connection's
	 */
	AlembicVersionTable(@Nullable String schema) {
		this.schema = schema;
	}

	/**
	 * The revisions {@code alembic_version} names: one for a linear history, none when
	 * Alembic is at base.
	 * @param connection an open connection
	 * @return the version numbers, or empty when there is no such table
	 * @throws SQLException on a database error
	 */
	Optional<List<String>> read(Connection connection) throws SQLException {
		if (!exists(connection)) {
			return Optional.empty();
		}
		List<String> versions = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT version_num FROM " + qualifiedName())) {
			while (result.next()) {
				versions.add(result.getString(1).strip());
			}
		}
		return Optional.of(versions);
	}

	/**
	 * Record a revision in {@code alembic_version}, as Alembic would after the same run,
	 * when the table exists.
	 * @param connection an open connection
	 * @param revision the revision the database is now at, or {@code null} at base
	 * @return whether the table exists (and was written)
	 * @throws SQLException on a database error
	 */
	boolean write(Connection connection, @Nullable String revision) throws SQLException {
		if (!exists(connection)) {
			return false;
		}
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("DELETE FROM " + qualifiedName());
		}
		if (revision != null) {
			try (PreparedStatement insert = connection
				.prepareStatement("INSERT INTO " + qualifiedName() + " (version_num) VALUES (?)")) {
				insert.setString(1, revision);
				insert.executeUpdate();
			}
		}
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
		return true;
	}

	private String qualifiedName() {
		return (this.schema != null) ? this.schema + "." + NAME : NAME;
	}

	private boolean exists(Connection connection) throws SQLException {
		return JdbcSupport.tableExists(connection, this.schema, NAME);
	}

}
