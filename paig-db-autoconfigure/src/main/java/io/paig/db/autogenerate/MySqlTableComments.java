package io.paig.db.autogenerate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import liquibase.snapshot.DatabaseSnapshot;
import liquibase.structure.core.Table;
import org.jspecify.annotations.Nullable;

/**
 * Gives the tables of a MySQL/MariaDB snapshot the comments the database has for them.
 * Liquibase takes a table's comment from the driver's {@code getTables}, whose
 * {@code REMARKS} Connector/J leaves empty unless {@code useInformationSchema} is on, so
 * a table comment (Hibernate's {@code @Comment} on an entity, Alembic's
 * {@code modify_table_comment}) would be neither seen nor compared. They are read from
 * {@code information_schema.TABLES} instead.
 *
 * @author paig-db authors
 */
final class MySqlTableComments {

	private MySqlTableComments() {
	}

	/**
	 * Set the comment of each table of a snapshot, or none where it has none.
	 * @param snapshot the snapshot of one database
	 * @param connection a connection to that database
	 * @param catalog the database (schema) the snapshot is of, or {@code null} for the
	 * connection's
	 * @throws SQLException when the catalog cannot be read
	 */
	static void fill(DatabaseSnapshot snapshot, Connection connection, @Nullable String catalog) throws SQLException {
		Map<String, String> comments = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES "
					+ "WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE = 'BASE TABLE'")) {
			statement.setString(1, catalog);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					comments.put(rows.getString(1), rows.getString(2));
				}
			}
		}
		for (Table table : snapshot.get(Table.class)) {
			String comment = comments.get(table.getName());
			table.setRemarks((comment == null || comment.isEmpty()) ? null : comment);
		}
	}

}
