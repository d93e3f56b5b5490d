package io.paig.sample.reference;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.paig.sample.reference.Schema.Column;
import io.paig.sample.reference.Schema.ForeignKey;
import io.paig.sample.reference.Schema.Index;
import io.paig.sample.reference.Schema.PrimaryKey;
import io.paig.sample.reference.Schema.Table;
import io.paig.sample.reference.Schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * Reads a live schema straight from the database's catalog ({@code PRAGMA}s on SQLite,
 * {@code pg_catalog} on PostgreSQL, {@code information_schema} on MariaDB), into the
 * comparison's model. Liquibase's history tables and SQLite's internal ones are left out.
 *
 * @author paig-db authors
 */
abstract class CatalogReader {

	/**
	 * The schema of the connection's database.
	 * @param connection the connection
	 * @return the schema
	 * @throws SQLException on a database error
	 */
	final Schema read(Connection connection) throws SQLException {
		Map<String, Table> tables = new LinkedHashMap<>();
		for (String table : tables(connection)) {
			tables.put(table, table(connection, table));
		}
		return new Schema(tables, enums(connection), sequences(connection));
	}

	/**
	 * The names of the tables, Liquibase's own and the database's internal ones left out.
	 * @param connection the connection
	 * @return the table names
	 * @throws SQLException on a database error
	 */
	final List<String> tables(Connection connection) throws SQLException {
		return allTables(connection).stream().filter((name) -> !isLiquibaseTable(name)).toList();
	}

	static boolean isLiquibaseTable(String name) {
		// DATABASECHANGELOG, DATABASECHANGELOGLOCK and the tables Liquibase keeps beside
		// them
		return name.toUpperCase(Locale.ROOT).startsWith("DATABASECHANGELOG");
	}

	abstract List<String> allTables(Connection connection) throws SQLException;

	abstract Table table(Connection connection, String table) throws SQLException;

	Map<String, List<String>> enums(Connection connection) throws SQLException {
		return Map.of();
	}

	Set<String> sequences(Connection connection) throws SQLException {
		return Set.of();
	}

	static List<Map<String, @Nullable Object>> query(Connection connection, String sql, Object... parameters)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			List<Map<String, @Nullable Object>> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				int count = result.getMetaData().getColumnCount();
				while (result.next()) {
					Map<String, @Nullable Object> row = new LinkedHashMap<>();
					for (int i = 1; i <= count; i++) {
						Object value = result.getObject(i);
						if (value instanceof Array array) {
							value = Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
						}
						row.put(result.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), value);
					}
					rows.add(row);
				}
			}
			return rows;
		}
	}

	@SuppressWarnings("unchecked")
	static List<String> strings(@Nullable Object value) {
		return (List<String>) value;
	}

	static String string(@Nullable Object value) {
		return String.valueOf(value);
	}

	static boolean truth(@Nullable Object value) {
		return (value instanceof Boolean bool) ? bool : (value instanceof Number number) ? number.intValue() != 0
				: "YES".equalsIgnoreCase(String.valueOf(value));
	}

	/**
	 * SQLite, through its {@code PRAGMA}s. SQLite reports no constraint names: primary
	 * keys, unique constraints and foreign keys are compared without them.
	 */
	static final class Sqlite extends CatalogReader {

		@Override
		List<String> allTables(Connection connection) throws SQLException {
			return query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
				.stream()
				.map((row) -> string(row.get("name")))
				.toList();
		}

		@Override
		Table table(Connection connection, String table) throws SQLException {
			String quoted = "\"" + table + "\"";
			List<Column> columns = new ArrayList<>();
			Map<Integer, String> primaryKey = new TreeMap<>();
			for (Map<String, @Nullable Object> row : query(connection, "PRAGMA table_info(" + quoted + ")")) {
				int pk = ((Number) row.get("pk")).intValue();
				columns.add(new Column(string(row.get("name")), string(row.get("type")).toUpperCase(Locale.ROOT),
						!truth(row.get("notnull")), (String) row.get("dflt_value"), pk > 0));
				if (pk > 0) {
					primaryKey.put(pk, string(row.get("name")));
				}
			}
			Set<Index> indexes = new HashSet<>();
			Set<UniqueConstraint> uniques = new HashSet<>();
			for (Map<String, @Nullable Object> row : query(connection, "PRAGMA index_list(" + quoted + ")")) {
				String name = string(row.get("name"));
				List<String> indexColumns = query(connection, "PRAGMA index_info(\"" + name + "\")").stream()
					.map((column) -> string(column.get("name")))
					.toList();
				switch (string(row.get("origin"))) {
					case "c" -> indexes.add(new Index(name, indexColumns, truth(row.get("unique"))));
					case "u" -> uniques.add(new UniqueConstraint(null, indexColumns));
					default -> {
						// the primary key's own index
					}
				}
			}
			Map<Integer, List<Map<String, @Nullable Object>>> keys = new TreeMap<>();
			for (Map<String, @Nullable Object> row : query(connection, "PRAGMA foreign_key_list(" + quoted + ")")) {
				keys.computeIfAbsent(((Number) row.get("id")).intValue(), (id) -> new ArrayList<>()).add(row);
			}
			Set<ForeignKey> foreignKeys = new HashSet<>();
			for (List<Map<String, @Nullable Object>> rows : keys.values()) {
				String onDelete = string(rows.get(0).get("on_delete"));
				foreignKeys.add(new ForeignKey(null, rows.stream().map((row) -> string(row.get("from"))).toList(),
						string(rows.get(0).get("table")), rows.stream().map((row) -> string(row.get("to"))).toList(),
						"NO ACTION".equals(onDelete) ? null : onDelete));
			}
			return new Table(table, columns, new PrimaryKey(null, List.copyOf(primaryKey.values())), indexes, uniques,
					foreignKeys);
		}

	}

	/**
	 * PostgreSQL, through {@code pg_catalog}, in the connection's current schema. Types
	 * are spelled as {@code format_type} gives them, upper case, with
	 * {@code character varying(n)} as {@code VARCHAR(n)}.
	 */
	static final class Postgresql extends CatalogReader {

		private static final String TABLE_OID = "(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE n.nspname = current_schema() AND c.relname = ?)";

		private static final String COLUMNS_OF = "ARRAY(SELECT a.attname FROM unnest(%s) WITH ORDINALITY k(num, ord)"
				+ " JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.num ORDER BY k.ord)";

		@Override
		List<String> allTables(Connection connection) throws SQLException {
			return query(connection,
					"SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
							+ " WHERE n.nspname = current_schema() AND c.relkind = 'r'")
				.stream()
				.map((row) -> string(row.get("relname")))
				.toList();
		}

		@Override
		Table table(Connection connection, String table) throws SQLException {
			List<Column> columns = new ArrayList<>();
			for (Map<String, @Nullable Object> row : query(connection,
					"SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,"
							+ " pg_get_expr(d.adbin, d.adrelid) AS dflt, EXISTS (SELECT 1 FROM pg_constraint p"
							+ " WHERE p.conrelid = a.attrelid AND p.contype = 'p' AND a.attnum = ANY (p.conkey)) AS pk"
							+ " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
							+ " WHERE a.attrelid = " + TABLE_OID
							+ " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
					table)) {
				columns.add(new Column(string(row.get("attname")), type(string(row.get("type"))),
						!truth(row.get("attnotnull")), (String) row.get("dflt"), truth(row.get("pk"))));
			}
			PrimaryKey primaryKey = new PrimaryKey(null, List.of());
			Set<UniqueConstraint> uniques = new HashSet<>();
			Set<ForeignKey> foreignKeys = new HashSet<>();
			for (Map<String, @Nullable Object> row : query(connection,
					"SELECT con.conname, con.contype, con.confdeltype,"
							+ " (SELECT relname FROM pg_class WHERE oid = con.confrelid) AS referred, "
							+ COLUMNS_OF.formatted("con.conkey", "con.conrelid") + " AS cols, "
							+ COLUMNS_OF.formatted("con.confkey", "con.confrelid") + " AS referred_cols"
							+ " FROM pg_constraint con WHERE con.conrelid = " + TABLE_OID,
					table)) {
				String name = string(row.get("conname"));
				switch (string(row.get("contype"))) {
					case "p" -> primaryKey = new PrimaryKey(name, strings(row.get("cols")));
					case "u" -> uniques.add(new UniqueConstraint(name, strings(row.get("cols"))));
					case "f" -> foreignKeys.add(new ForeignKey(name, strings(row.get("cols")),
							string(row.get("referred")), strings(row.get("referred_cols")),
							"c".equals(string(row.get("confdeltype"))) ? "CASCADE" : null));
					default -> {
						// checks and exclusions: PAIG's schema has none
					}
				}
			}
			Set<Index> indexes = new HashSet<>();
			for (Map<String, @Nullable Object> row : query(connection,
					"SELECT i.relname, ix.indisunique, " + COLUMNS_OF.formatted("ix.indkey::int2[]", "ix.indrelid")
							+ " AS cols" + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid"
							+ " WHERE ix.indrelid = " + TABLE_OID + " AND NOT ix.indisprimary",
					table)) {
				indexes.add(
						new Index(string(row.get("relname")), strings(row.get("cols")), truth(row.get("indisunique"))));
			}
			return new Table(table, columns, primaryKey, indexes, uniques, foreignKeys);
		}

		private static String type(String formatted) {
			String type = formatted.toUpperCase(Locale.ROOT);
			return type.startsWith("CHARACTER VARYING") ? "VARCHAR" + type.substring("CHARACTER VARYING".length())
					: type;
		}

		@Override
		Map<String, List<String>> enums(Connection connection) throws SQLException {
			Map<String, List<String>> enums = new LinkedHashMap<>();
			for (Map<String, @Nullable Object> row : query(connection, "SELECT t.typname, ARRAY(SELECT e.enumlabel"
					+ " FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels FROM pg_type t"
					+ " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND n.nspname = current_schema()")) {
				enums.put(string(row.get("typname")), strings(row.get("labels")));
			}
			return enums;
		}

		@Override
		Set<String> sequences(Connection connection) throws SQLException {
			Set<String> sequences = new HashSet<>();
			for (Map<String, @Nullable Object> row : query(connection, "SELECT c.relname FROM pg_class c"
					+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'S'")) {
				sequences.add(string(row.get("relname")));
			}
			return sequences;
		}

	}

	/**
	 * MariaDB (and MySQL), through {@code information_schema}. Types are
	 * {@code COLUMN_TYPE} upper case; a default of {@code NULL} counts as none. Left out,
	 * because PostgreSQL has nothing like them: the indexes MariaDB creates for a foreign
	 * key by itself (named as the key) and foreign key names, which MariaDB makes up for
	 * unnamed keys. MariaDB does not tell a unique constraint from a unique index: both
	 * are read as unique indexes (see {@link MariaDbSpellings}).
	 */
	static final class MariaDb extends CatalogReader {

		@Override
		List<String> allTables(Connection connection) throws SQLException {
			return query(connection,
					"SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
							+ " AND TABLE_TYPE = 'BASE TABLE'")
				.stream()
				.map((row) -> string(row.get("table_name")))
				.toList();
		}

		@Override
		Table table(Connection connection, String table) throws SQLException {
			List<Column> columns = new ArrayList<>();
			for (Map<String, @Nullable Object> row : query(connection, "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,"
					+ " COLUMN_DEFAULT, COLUMN_KEY FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
					+ " AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", table)) {
				String defaultValue = (String) row.get("column_default");
				columns.add(new Column(string(row.get("column_name")),
						string(row.get("column_type")).toUpperCase(Locale.ROOT), truth(row.get("is_nullable")),
						"NULL".equals(defaultValue) ? null : defaultValue, "PRI".equals(row.get("column_key"))));
			}
			Set<ForeignKey> foreignKeys = new HashSet<>();
			Set<String> foreignKeyNames = new HashSet<>();
			for (Map<String, @Nullable Object> row : query(connection,
					"SELECT r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME,"
							+ " r.DELETE_RULE, GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION) AS cols,"
							+ " GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION) AS referred_cols"
							+ " FROM information_schema.REFERENTIAL_CONSTRAINTS r JOIN information_schema.KEY_COLUMN_USAGE k"
							+ " ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.TABLE_NAME = r.TABLE_NAME"
							+ " AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME WHERE r.CONSTRAINT_SCHEMA = DATABASE() AND r.TABLE_NAME = ?"
							+ " GROUP BY r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME, r.DELETE_RULE",
					table)) {
				foreignKeyNames.add(string(row.get("constraint_name")));
				String onDelete = string(row.get("delete_rule"));
				foreignKeys.add(new ForeignKey(null, List.of(string(row.get("cols")).split(",")),
						string(row.get("referenced_table_name")), List.of(string(row.get("referred_cols")).split(",")),
						"CASCADE".equals(onDelete) ? "CASCADE" : null));
			}
			Map<String, List<String>> indexColumns = new LinkedHashMap<>();
			Map<String, Boolean> unique = new LinkedHashMap<>();
			for (Map<String, @Nullable Object> row : query(connection,
					"SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME"
							+ " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?"
							+ " ORDER BY INDEX_NAME, SEQ_IN_INDEX",
					table)) {
				String name = string(row.get("index_name"));
				indexColumns.computeIfAbsent(name, (key) -> new ArrayList<>()).add(string(row.get("column_name")));
				unique.put(name, !truth(row.get("non_unique")));
			}
			PrimaryKey primaryKey = new PrimaryKey("PRIMARY", indexColumns.getOrDefault("PRIMARY", List.of()));
			Set<Index> indexes = new HashSet<>();
			indexColumns.forEach((name, indexed) -> {
				if (!name.equals("PRIMARY") && !foreignKeyNames.contains(name)) {
					indexes.add(new Index(name, indexed, unique.get(name)));
				}
			});
			return new Table(table, columns, primaryKey, indexes, Set.of(), foreignKeys);
		}

	}

}
