package io.paig.db.autogenerate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The first rows of the tables Hibernate draws ids from. On a database without sequences
 * (SQLite) Hibernate's default generator keeps an entity's next id in a table of its own
 * ({@code <entity>_SEQ}, one {@code next_val} row), and a {@code @TableGenerator} keeps
 * its values in a table on every database; Hibernate's schema export inserts their first
 * rows. A revision that creates such a table inserts them too, or the application's first
 * insert fails ("could not read a hi value"): each table the revision creates that holds
 * rows in the scratch gets a {@code sql} changeset inserting them, with a {@code DELETE}
 * as its rollback.
 *
 * @author paig-db authors
 */
final class GeneratorRows {

	private GeneratorRows() {
	}

	/**
	 * The changesets that insert the scratch's rows of the tables a revision creates.
	 * @param scratch a connection to the scratch
	 * @param kind the kind of database
	 * @param created the tables the revision creates
	 * @param revisionId the revision's id, for the changesets' ids
	 * @param author the changesets' author
	 * @return the changesets, none where the tables are empty in the scratch
	 * @throws SQLException when a table cannot be read
	 */
	static List<ChangeSet> inserts(Connection scratch, DatabaseDriver kind, List<String> created, String revisionId,
			String author) throws SQLException {
		List<ChangeSet> changeSets = new ArrayList<>();
		for (String table : created) {
			List<String> inserts = new ArrayList<>();
			try (Statement statement = scratch.createStatement();
					ResultSet rows = statement.executeQuery("SELECT * FROM " + quote(kind, table))) {
				ResultSetMetaData meta = rows.getMetaData();
				StringJoiner columns = new StringJoiner(", ");
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					columns.add(quote(kind, meta.getColumnName(i)));
				}
				while (rows.next()) {
					StringJoiner values = new StringJoiner(", ");
					for (int i = 1; i <= meta.getColumnCount(); i++) {
						values.add(literal(rows.getObject(i)));
					}
					inserts.add("INSERT INTO " + quote(kind, table) + " (" + columns + ") VALUES (" + values + ")");
				}
			}
			if (inserts.isEmpty()) {
				continue;
			}
			ChangeSet changeSet = new ChangeSet(revisionId + "-seed-" + (changeSets.size() + 1), author, false, false,
					null, null, null, null);
			changeSet.setComments("insert the first row(s) Hibernate's id generator needs into " + table);
			inserts.forEach((insert) -> changeSet.addChange(new RawSQLChange(insert)));
			changeSet.addRollbackChange(new RawSQLChange("DELETE FROM " + quote(kind, table)));
			changeSets.add(changeSet);
		}
		return changeSets;
	}

	private static String literal(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		return "'" + value.toString().replace("'", "''") + "'";
	}

	private static String quote(DatabaseDriver kind, String name) {
		return (kind == DatabaseDriver.MYSQL || kind == DatabaseDriver.MARIADB) ? "`" + name.replace("`", "``") + "`"
				: "\"" + name.replace("\"", "\"\"") + "\"";
	}

}
