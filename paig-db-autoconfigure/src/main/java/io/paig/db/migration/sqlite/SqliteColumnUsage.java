package io.paig.db.migration.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.UnexpectedLiquibaseException;
import org.jspecify.annotations.Nullable;

/**
 * What, in a live SQLite database, stops {@code ALTER TABLE ... DROP COLUMN} from
 * dropping a column in place (<a href="https://www.sqlite.org/lang_altertable.html">its
 * restrictions</a>): a SQLite older than 3.35, the primary key, a UNIQUE constraint or
 * any index (their columns, expressions and WHERE clauses), a foreign key of the table or
 * of another table that refers to the column, a view or trigger, a CHECK constraint or
 * generated column of the table that names it. Read from {@code PRAGMA table_xinfo},
 * {@code index_list}, {@code index_info}, {@code foreign_key_list} and
 * {@code sqlite_master}; a name that only might be the column counts as the column, so
 * that a doubt never drops in place what SQLite would refuse.
 *
 * @author paig-db authors
 */
final class SqliteColumnUsage {

	private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");

	private static final Pattern QUOTES = Pattern.compile("[\"`\\[\\]]");

	private static final Pattern REFERENCES = Pattern.compile("(?i)\\bREFERENCES\\s+[^\\s(]+\\s*(\\([^)]*\\))?");

	private static final Pattern TABLE_CONSTRAINT = Pattern
		.compile("(?i)^\\s*(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN)\\b");

	private final Connection connection;

	/**
	 * Read a database's schema.
	 * @param connection a connection to it
	 */
	SqliteColumnUsage(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Why SQLite cannot drop columns of a table in place, if it cannot. A table or column
	 * that does not exist is no reason: SQLite's own {@code DROP COLUMN} reports it.
	 * @param table the table
	 * @param columns the columns
	 * @return the reason, or {@code null} if {@code ALTER TABLE ... DROP COLUMN} drops
	 * each of them
	 * @throws SQLException on failure to read the schema
	 */
	@Nullable String whyNotDroppable(String table, List<String> columns) throws SQLException {
		String version = single("SELECT sqlite_version()");
		if (!dropsColumns(version)) {
			return "SQLite " + version + " has no ALTER TABLE ... DROP COLUMN (3.35.0 and later have)";
		}
		for (String column : columns) {
			String reason = whyNotDroppable(table, column);
			if (reason != null) {
				return reason;
			}
		}
		return null;
	}

	private @Nullable String whyNotDroppable(String table, String column) throws SQLException {
		boolean found = false;
		for (String[] row : rows("SELECT name, pk, hidden FROM pragma_table_xinfo(?)", table)) {
			if (row[0].equalsIgnoreCase(column)) {
				found = true;
				if (!"0".equals(row[1])) {
					return column + " is part of the primary key of " + table;
				}
				if (!"0".equals(row[2])) {
					return column + " is a generated column";
				}
			}
		}
		if (!found) {
			return null;
		}
		for (String[] index : rows("SELECT name, origin FROM pragma_index_list(?)", table)) {
			String kind = switch (index[1]) {
				case "u" -> "a UNIQUE constraint";
				case "pk" -> "the primary key";
				default -> "index " + index[0];
			};
			for (String[] indexed : rows("SELECT name FROM pragma_index_info(?)", index[0])) {
				if (indexed[0] != null && indexed[0].equalsIgnoreCase(column)) {
					return column + " is in " + kind + " of " + table;
				}
			}
			String sql = sqlOf("index", index[0]);
			if (sql != null && names(sql, column)) {
				return column + " is used by index " + index[0];
			}
		}
		for (String[] key : rows("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)", table)) {
			if (column.equalsIgnoreCase(key[0])) {
				return column + " is in a foreign key of " + table + " to " + key[1];
			}
		}
		for (String[] other : rows("SELECT name FROM sqlite_master WHERE type = 'table'")) {
			for (String[] key : rows("SELECT \"table\", \"to\" FROM pragma_foreign_key_list(?)", other[0])) {
				if (table.equalsIgnoreCase(key[0]) && column.equalsIgnoreCase(key[1])) {
					return "a foreign key of " + other[0] + " refers to " + table + "." + column;
				}
			}
		}
		for (String[] dependent : rows(
				"SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') AND sql IS NOT NULL")) {
			if (names(dependent[2], table) && names(dependent[2], column)) {
				return column + " may be used by " + dependent[0] + " " + dependent[1];
			}
		}
		String create = sqlOf("table", table);
		if (create != null) {
			for (String definition : definitions(create)) {
				if (!definesColumn(definition, column)
						&& names(REFERENCES.matcher(definition).replaceAll(""), column)) {
					return column + " is used by '" + definition.strip() + "' in the definition of " + table;
				}
			}
		}
		return null;
	}

	/**
	 * Refuse to let Liquibase rebuild a table that other tables' enforced foreign keys
	 * refer to: its rebuild renames the table, which points their keys at the copy it
	 * then drops, and deletes their rows where the keys cascade. Nothing is checked
	 * without a live connection ({@code --sql}).
	 * @param database the database
	 * @param table the table Liquibase would rebuild
	 * @param change what the change does, for the message
	 * @param reason why SQLite cannot do it in place
	 * @throws UnexpectedLiquibaseException when other tables refer to the table and
	 * foreign keys are on
	 */
	static void refuseRebuildOfReferencedTable(Database database, @Nullable String table, String change,
			String reason) {
		if (table == null || !(database.getConnection() instanceof JdbcConnection jdbc)) {
			return;
		}
		List<String> referencing;
		try {
			referencing = new SqliteColumnUsage(jdbc.getUnderlyingConnection()).enforcedReferencesTo(table);
		}
		catch (SQLException ex) {
			throw new UnexpectedLiquibaseException("Could not read the schema of " + table + ": " + ex.getMessage(),
					ex);
		}
		if (!referencing.isEmpty()) {
			throw new UnexpectedLiquibaseException("SQLite cannot " + change + " of " + table + " in place (" + reason
					+ "), and Liquibase's rebuild of " + table + " would break the foreign keys of "
					+ String.join(", ", referencing) + " that refer to it and delete their rows where they cascade: "
					+ "nothing was changed. Write this change as a table rebuild that keeps them (what "
					+ "'db revision --autogenerate' writes on SQLite, see docs/commands.md), or first remove what "
					+ "keeps SQLite from doing it in place.");
		}
	}

	/**
	 * The other tables whose foreign keys refer to a table, when SQLite enforces foreign
	 * keys.
	 * @param table the table
	 * @return their names; empty when foreign keys are off
	 * @throws SQLException on failure to read the schema
	 */
	List<String> enforcedReferencesTo(String table) throws SQLException {
		if (!"1".equals(single("PRAGMA foreign_keys"))) {
			return List.of();
		}
		List<String> referencing = new ArrayList<>();
		for (String[] other : rows("SELECT name FROM sqlite_master WHERE type = 'table'")) {
			if (other[0].equalsIgnoreCase(table)) {
				continue;
			}
			for (String[] key : rows("SELECT \"table\" FROM pragma_foreign_key_list(?)", other[0])) {
				if (table.equalsIgnoreCase(key[0])) {
					referencing.add(other[0]);
					break;
				}
			}
		}
		return referencing;
	}

	/**
	 * The column definitions and table constraints of a {@code CREATE TABLE}: what is
	 * between its outer parentheses, split at the commas outside nested parentheses,
	 * quotes and string literals.
	 * @param create the {@code CREATE TABLE} statement
	 * @return the definitions, in order, as written
	 */
	static List<String> definitions(String create) {
		List<String> definitions = new ArrayList<>();
		int depth = 0;
		int start = -1;
		char quote = 0;
		for (int i = 0; i < create.length(); i++) {
			char c = create.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"' || c == '`') {
				quote = c;
			}
			else if (c == '[') {
				quote = ']';
			}
			else if (c == '(') {
				depth++;
				if (depth == 1) {
					start = i + 1;
				}
			}
			else if (c == ')') {
				depth--;
				if (depth == 0) {
					definitions.add(create.substring(start, i));
					break;
				}
			}
			else if (c == ',' && depth == 1) {
				definitions.add(create.substring(start, i));
				start = i + 1;
			}
		}
		return definitions;
	}

	private static boolean definesColumn(String definition, String column) {
		if (TABLE_CONSTRAINT.matcher(definition).find()) {
			return false;
		}
		String unquoted = QUOTES.matcher(definition.strip()).replaceAll("");
		return unquoted.toLowerCase(Locale.ROOT).startsWith(column.toLowerCase(Locale.ROOT))
				&& (unquoted.length() == column.length() || !isNamePart(unquoted.charAt(column.length())));
	}

	/**
	 * Whether SQL names an identifier, outside string literals, quoted or not.
	 * @param sql the SQL
	 * @param name the identifier
	 * @return {@code true} when the identifier appears as a whole name, in any case
	 */
	static boolean names(String sql, String name) {
		String text = QUOTES.matcher(STRING_LITERAL.matcher(sql).replaceAll("''")).replaceAll("");
		String lower = text.toLowerCase(Locale.ROOT);
		String target = name.toLowerCase(Locale.ROOT);
		for (int at = lower.indexOf(target); at >= 0; at = lower.indexOf(target, at + 1)) {
			int end = at + target.length();
			if ((at == 0 || !isNamePart(lower.charAt(at - 1)))
					&& (end == lower.length() || !isNamePart(lower.charAt(end)))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isNamePart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

	static boolean dropsColumns(String version) {
		String[] parts = version.split("\\.");
		try {
			int major = Integer.parseInt(parts[0]);
			int minor = (parts.length > 1) ? Integer.parseInt(parts[1]) : 0;
			return major > 3 || (major == 3 && minor >= 35);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private @Nullable String sqlOf(String type, String name) throws SQLException {
		List<String[]> rows = rows("SELECT sql FROM sqlite_master WHERE type = ? AND name = ? COLLATE NOCASE", type,
				name);
		return rows.isEmpty() ? null : rows.get(0)[0];
	}

	private String single(String sql) throws SQLException {
		return rows(sql).get(0)[0];
	}

	private List<String[]> rows(String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				int width = result.getMetaData().getColumnCount();
				List<String[]> rows = new ArrayList<>();
				while (result.next()) {
					String[] row = new String[width];
					for (int i = 0; i < width; i++) {
						row[i] = result.getString(i + 1);
					}
					rows.add(row);
				}
				return rows;
			}
		}
	}

}
