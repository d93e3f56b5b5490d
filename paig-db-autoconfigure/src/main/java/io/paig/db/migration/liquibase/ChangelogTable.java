package io.paig.db.migration.liquibase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.paig.db.jdbc.JdbcSupport;
import io.paig.db.migration.AppliedChangeSet;
import io.paig.db.migration.ChangeSetRef;
import io.paig.db.migration.Revision;
import org.jspecify.annotations.Nullable;

/**
 * Reads Liquibase's history table with one query, without creating it: where the database
 * stands costs a single round trip.
 *
 * @author paig-db authors
 */
public final class ChangelogTable {

	/** Revisions tagged by one statement: 700 parameters, well under SQLite's 999. */
	private static final int TAGS_PER_STATEMENT = 100;

	private final String qualifiedName;

	private final String tableName;

	private final @Nullable String schema;

	/**
	 * Create a reader.
	 * @param qualifiedName the table as SQL names it, quoted as the database needs
	 * @param tableName the bare table name
	 * @param schema the schema, or {@code null} for the connection's
	 */
	public ChangelogTable(String qualifiedName, String tableName, @Nullable String schema) {
		this.qualifiedName = qualifiedName;
		this.tableName = tableName;
		this.schema = schema;
	}

	/**
	 * The rows, in the order they ran.
	 * @param connection an open connection
	 * @return the applied changesets; empty when the table does not exist yet
	 * @throws SQLException when the table exists but cannot be read
	 */
	public List<AppliedChangeSet> read(Connection connection) throws SQLException {
		if (!exists(connection)) {
			return List.of();
		}
		List<AppliedChangeSet> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, "
						+ "EXECTYPE, MD5SUM, DESCRIPTION, TAG, DEPLOYMENT_ID FROM " + this.qualifiedName
						+ " ORDER BY ORDEREXECUTED, DATEEXECUTED")) {
			while (result.next()) {
				Timestamp executed = timestamp(result);
				rows.add(new AppliedChangeSet(result.getString(1), result.getString(2), result.getString(3),
						(executed != null) ? executed.toInstant() : null, result.getInt(5), result.getString(6),
						result.getString(7), result.getString(8), result.getString(9), result.getString(10)));
			}
		}
		return rows;
	}

	private static @Nullable Timestamp timestamp(ResultSet result) {
		try {
			return result.getTimestamp(4);
		}
		catch (SQLException ex) {
			// SQLite keeps the text Liquibase wrote; the time is shown as unknown rather
			// than guessed.
			return null;
		}
	}

	/**
	 * Record each revision's id as the tag of its last changeset's row, unless that row
	 * has a tag already: one statement per hundred revisions. A JDBC batch would not do:
	 * MySQL's driver sends a batch of updates one statement at a time unless the URL asks
	 * it to rewrite them.
	 * @param connection an open connection
	 * @param revisions the revisions
	 * @return whether a row was tagged
	 * @throws SQLException on a database error
	 */
	public boolean tag(Connection connection, List<Revision> revisions) throws SQLException {
		boolean tagged = false;
		for (int from = 0; from < revisions.size(); from += TAGS_PER_STATEMENT) {
			List<Revision> chunk = revisions.subList(from, Math.min(revisions.size(), from + TAGS_PER_STATEMENT));
			String row = "(ID = ? AND AUTHOR = ? AND FILENAME = ?)";
			StringBuilder sql = new StringBuilder("UPDATE ").append(this.qualifiedName).append(" SET TAG = CASE");
			chunk.forEach((revision) -> sql.append(" WHEN ").append(row).append(" THEN ?"));
			sql.append(" END WHERE TAG IS NULL AND (")
				.append(String.join(" OR ", Collections.nCopies(chunk.size(), row)))
				.append(")");
			try (var statement = connection.prepareStatement(sql.toString())) {
				int index = 1;
				for (Revision revision : chunk) {
					index = setRow(statement, index, revision.last());
					statement.setString(index++, revision.id());
				}
				for (Revision revision : chunk) {
					index = setRow(statement, index, revision.last());
				}
				tagged |= statement.executeUpdate() > 0;
			}
		}
		return tagged;
	}

	private static int setRow(PreparedStatement statement, int index, ChangeSetRef changeSet) throws SQLException {
		statement.setString(index, changeSet.id());
		statement.setString(index + 1, changeSet.author());
		statement.setString(index + 2, changeSet.file());
		return index + 3;
	}

	public boolean exists(Connection connection) throws SQLException {
		return JdbcSupport.tableExists(connection, this.schema, this.tableName);
	}

}
