package io.paig.db.autogenerate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import liquibase.snapshot.DatabaseSnapshot;
import liquibase.structure.core.Table;
import org.jspecify.annotations.Nullable;

/**
 * What a MySQL/MariaDB database's catalog says of its tables and Connector/J's metadata,
 * which Liquibase's snapshot reads, does not, from one read of
 * {@code information_schema.TABLES}:
 * <ul>
 * <li>their comments: Connector/J's {@code getTables} leaves {@code REMARKS} empty unless
 * {@code useInformationSchema} is on, so a table comment (Hibernate's {@code @Comment} on
 * an entity, Alembic's {@code modify_table_comment}) would be neither seen nor
 * compared;</li>
 * <li>which of them are MariaDB sequences, which Connector/J lists as tables
 * ({@link MariaDbSequences}).</li>
 * </ul>
 *
 * @author paig-db authors
 */
final class MySqlTables {

	private final Map<String, String> comments;

	private final Set<String> sequences;

	private MySqlTables(Map<String, String> comments, Set<String> sequences) {
		this.comments = comments;
		this.sequences = sequences;
	}

	/**
	 * Read a database's tables.
	 * @param connection a connection to the database
	 * @param catalog the database (schema), or {@code null} for the connection's
	 * @return what the catalog says of them
	 * @throws SQLException when the catalog cannot be read
	 */
	static MySqlTables read(Connection connection, @Nullable String catalog) throws SQLException {
		Map<String, String> comments = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		Set<String> sequences = new HashSet<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM information_schema.TABLES "
					+ "WHERE TABLE_SCHEMA = COALESCE(?, DATABASE())")) {
			statement.setString(1, catalog);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					if ("SEQUENCE".equals(rows.getString(2))) {
						sequences.add(rows.getString(1));
					}
					else if ("BASE TABLE".equals(rows.getString(2))) {
						comments.put(rows.getString(1), rows.getString(3));
					}
				}
			}
		}
		return new MySqlTables(comments, sequences);
	}

	/**
	 * Set the comment of each table of the database's snapshot, or none where it has
	 * none.
	 * @param snapshot the snapshot of the same database
	 */
	void fillComments(DatabaseSnapshot snapshot) {
		for (Table table : snapshot.get(Table.class)) {
			String comment = this.comments.get(table.getName());
			table.setRemarks((comment == null || comment.isEmpty()) ? null : comment);
		}
	}

	/**
	 * The database's sequences (MariaDB).
	 * @return their names, as the database spells them (Hibernate's are
	 * {@code <entity>_SEQ})
	 */
	Set<String> sequences() {
		return this.sequences;
	}

}
