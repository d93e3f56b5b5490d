package io.paig.db.autogenerate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A change SQLite cannot make in place, written as a table rebuild like Alembic's batch
 * mode: the table is created anew with its new definition, the rows of the columns both
 * definitions have are copied, and its indexes are recreated; the reverse rebuild is its
 * rollback.
 * <p>
 * The application's connections have {@code foreign_keys=on} and a revision runs in one
 * transaction, where {@code PRAGMA foreign_keys=OFF} does nothing. Dropping a table then
 * deletes its rows first, and the {@code ON DELETE} actions of the tables that refer to
 * it would delete or change their rows too. The rebuild therefore:
 * <ol>
 * <li>defers the foreign key checks to the end of the transaction
 * ({@code PRAGMA defer_foreign_keys});</li>
 * <li>keeps the rows of each table that refers to the rebuilt one with temporary triggers
 * that ignore the deletes and updates of the {@code ON DELETE} actions
 * ({@code RAISE(IGNORE)});</li>
 * <li>copies the rows to a temporary table, drops the table, creates it anew under its
 * own name (so the references of the other tables, which name it, hold), and inserts the
 * rows back, which settles the deferred checks; an {@code AUTOINCREMENT} counter is
 * kept;</li>
 * <li>recreates its indexes and drops the triggers and the copy.</li>
 * </ol>
 * A row that does not fit the new definition (a {@code NOT NULL} column without a
 * default, a foreign key without its parent row) makes the revision fail and roll back;
 * nothing is lost.
 *
 * @author paig-db authors
 */
final class SqliteTableRebuild {

	private final String table;

	private final Definition from;

	private final Definition to;

	private final Set<String> children;

	private SqliteTableRebuild(String table, Definition from, Definition to, Set<String> children) {
		this.table = table;
		this.from = from;
		this.to = to;
		this.children = children;
	}

	/**
	 * Plan the rebuild of a table from its definition in the real database to the one in
	 * the scratch.
	 * @param table the table
	 * @param real a connection to the real database
	 * @param scratch a connection to the scratch database
	 * @return the rebuild
	 * @throws SQLException on failure to read the definitions
	 */
	static SqliteTableRebuild plan(String table, Connection real, Connection scratch) throws SQLException {
		Definition from = Definition.read(real, table);
		Definition to = Definition.read(scratch, table);
		if (from == null || to == null) {
			throw new SQLException("Table " + table + " is not in both the database and the entities' schema.");
		}
		Set<String> children = new LinkedHashSet<>(children(real, table));
		children.addAll(children(scratch, table));
		return new SqliteTableRebuild(from.name(), from, to, children);
	}

	/**
	 * Plan a rebuild between two known definitions.
	 * @param table the table
	 * @param from its definition now
	 * @param to its new definition
	 * @param children the tables that refer to it
	 * @return the rebuild
	 */
	static SqliteTableRebuild of(String table, Definition from, Definition to, Set<String> children) {
		return new SqliteTableRebuild(table, from, to, children);
	}

	String table() {
		return this.table;
	}

	/**
	 * The statements that rebuild the table to its new definition.
	 * @return the statements, one each
	 */
	List<String> upgrade() {
		return steps(this.from, this.to);
	}

	/**
	 * The statements that rebuild it back.
	 * @return the statements, one each
	 */
	List<String> downgrade() {
		return steps(this.to, this.from);
	}

	/**
	 * The changeset that rebuilds the table, with the reverse rebuild as its rollback, as
	 * YAML under {@code databaseChangeLog}.
	 * @param id the changeset id
	 * @param reason why the table is rebuilt
	 * @return the YAML text
	 */
	String changeSet(String id, String reason) {
		StringBuilder yaml = new StringBuilder();
		yaml.append("  - changeSet:\n");
		yaml.append("      id: ").append(id).append('\n');
		yaml.append("      author: paig-db\n");
		yaml.append("      comment: ")
			.append(quote("Rebuild " + this.table + " (SQLite cannot make this change in place): " + reason))
			.append('\n');
		yaml.append("      changes:\n");
		sql(yaml, upgrade());
		yaml.append("      rollback:\n");
		sql(yaml, downgrade());
		return yaml.toString();
	}

	private static void sql(StringBuilder yaml, List<String> statements) {
		for (String statement : statements) {
			yaml.append("      - sql:\n");
			yaml.append("          splitStatements: false\n");
			yaml.append("          sql: |-\n");
			for (String line : statement.split("\\R")) {
				yaml.append("            ").append(line.stripTrailing()).append('\n');
			}
		}
	}

	private List<String> steps(Definition from, Definition to) {
		String table = quoteName(this.table);
		String copy = "temp." + quoteName("paig_rebuild_" + this.table);
		String sequence = "temp." + quoteName("paig_rebuild_" + this.table + "_seq");
		boolean keepSequence = from.autoIncrement() && to.autoIncrement();
		List<String> steps = new ArrayList<>();
		steps.add("PRAGMA defer_foreign_keys = ON");
		for (String child : this.children) {
			steps.add("CREATE TEMP TRIGGER " + trigger(child, "delete") + " BEFORE DELETE ON main." + quoteName(child)
					+ " BEGIN SELECT RAISE(IGNORE); END");
			steps.add("CREATE TEMP TRIGGER " + trigger(child, "update") + " BEFORE UPDATE ON main." + quoteName(child)
					+ " BEGIN SELECT RAISE(IGNORE); END");
		}
		steps.add("CREATE TEMP TABLE " + copy + " AS SELECT * FROM main." + table);
		if (keepSequence) {
			steps.add("CREATE TEMP TABLE " + sequence + " AS SELECT seq FROM main.sqlite_sequence WHERE name = "
					+ literal(this.table));
		}
		steps.add("DROP TABLE main." + table);
		steps.add(to.createSql());
		List<String> common = new ArrayList<>();
		for (String column : to.columns()) {
			if (from.columns().stream().anyMatch(column::equalsIgnoreCase)) {
				common.add(quoteName(column));
			}
		}
		String columns = String.join(", ", common);
		steps.add("INSERT INTO main." + table + " (" + columns + ") SELECT " + columns + " FROM " + copy);
		if (keepSequence) {
			steps.add("UPDATE main.sqlite_sequence SET seq = (SELECT max(seq) FROM " + sequence + ") WHERE name = "
					+ literal(this.table) + " AND seq < (SELECT max(seq) FROM " + sequence + ")");
			steps.add("INSERT INTO main.sqlite_sequence (name, seq) SELECT " + literal(this.table) + ", seq FROM "
					+ sequence + " WHERE NOT EXISTS (SELECT 1 FROM main.sqlite_sequence WHERE name = "
					+ literal(this.table) + ")");
			steps.add("DROP TABLE " + sequence);
		}
		steps.add("DROP TABLE " + copy);
		steps.addAll(to.indexSqls());
		for (String child : this.children) {
			steps.add("DROP TRIGGER temp." + trigger(child, "delete"));
			steps.add("DROP TRIGGER temp." + trigger(child, "update"));
		}
		steps.add("PRAGMA defer_foreign_keys = OFF");
		return steps;
	}

	private String trigger(String child, String what) {
		return quoteName("paig_keep_" + child + "_" + what + "_during_" + this.table + "_rebuild");
	}

	private static String quoteName(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * The tables, other than itself, whose foreign keys refer to a table.
	 * @param connection the database
	 * @param table the table
	 * @return their names
	 * @throws SQLException on failure
	 */
	static Set<String> children(Connection connection, String table) throws SQLException {
		Set<String> children = new LinkedHashSet<>();
		for (String candidate : tables(connection)) {
			if (candidate.equalsIgnoreCase(table)) {
				continue;
			}
			try (Statement statement = connection.createStatement();
					ResultSet keys = statement.executeQuery("PRAGMA foreign_key_list(" + quoteName(candidate) + ")")) {
				while (keys.next()) {
					if (table.equalsIgnoreCase(keys.getString("table"))) {
						children.add(candidate);
					}
				}
			}
		}
		return children;
	}

	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
			while (result.next()) {
				tables.add(result.getString(1));
			}
		}
		return tables;
	}

	/**
	 * A table's definition as SQLite keeps it.
	 *
	 * @param name the table's name as the database spells it
	 * @param createSql its {@code CREATE TABLE} statement
	 * @param indexSqls the {@code CREATE INDEX} statements of its own indexes (not
	 * SQLite's automatic ones)
	 * @param columns its columns
	 * @param autoIncrement whether it counts its keys with {@code AUTOINCREMENT}
	 */
	record Definition(String name, String createSql, List<String> indexSqls, List<String> columns,
			boolean autoIncrement) {

		static @Nullable Definition read(Connection connection, String table) throws SQLException {
			String name = null;
			String createSql = null;
			try (PreparedStatement statement = connection
				.prepareStatement("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND lower(name) = ?")) {
				statement.setString(1, table.toLowerCase(Locale.ROOT));
				try (ResultSet result = statement.executeQuery()) {
					if (result.next()) {
						name = result.getString(1);
						createSql = result.getString(2);
					}
				}
			}
			if (name == null || createSql == null) {
				return null;
			}
			List<String> indexes = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT sql FROM sqlite_master WHERE type = 'index' AND lower(tbl_name) = ? AND sql IS NOT NULL ORDER BY name")) {
				statement.setString(1, table.toLowerCase(Locale.ROOT));
				try (ResultSet result = statement.executeQuery()) {
					while (result.next()) {
						indexes.add(result.getString(1));
					}
				}
			}
			List<String> columns = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("PRAGMA table_info(" + quoteName(name) + ")")) {
				while (result.next()) {
					columns.add(result.getString("name"));
				}
			}
			boolean autoIncrement = createSql.toLowerCase(Locale.ROOT).contains("autoincrement");
			return new Definition(name, createSql, indexes, columns, autoIncrement);
		}

	}

}
