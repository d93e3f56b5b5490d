package io.paig.db.autogenerate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddDefaultValueChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import org.jspecify.annotations.Nullable;

/**
 * Compares the PostgreSQL enum types ({@code CREATE TYPE ... AS ENUM}, what Hibernate
 * makes of an {@code @Enumerated(STRING)} field with
 * {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)}) of the entities' scratch schema with the
 * real schema's, which Liquibase's diff does not snapshot. Types and their values, in
 * their order ({@code pg_enum.enumsortorder}), are read from the catalog, and each
 * difference becomes {@code sql} changes with their rollback. The order alone is not a
 * difference: Hibernate writes the values in alphabetical order, whatever the Java enum
 * declares, where a revision written by hand may keep the declared one.
 * <ul>
 * <li>a new type: {@code CREATE TYPE}, before the tables that use it; rollback
 * {@code DROP TYPE};</li>
 * <li>values added: {@code ALTER TYPE ... ADD VALUE ... BEFORE/AFTER}; PostgreSQL cannot
 * drop a value, so the rollback makes the type again with the old values;</li>
 * <li>values removed: the type is made again (renamed, created anew, each column that
 * uses it cast over by its text, the old one dropped), and its rollback makes it again
 * with the old values; rows holding a removed value make the cast fail, which a warning
 * says;</li>
 * <li>a type no entity uses any more: {@code DROP TYPE}, after the columns that used it
 * are dropped; rollback {@code CREATE TYPE} with its values.</li>
 * </ul>
 * A revision runs in one transaction, where a value added by {@code ADD VALUE} cannot be
 * used before the commit: when the revision's own changes use an added value (as a
 * default), or before PostgreSQL 12 (where {@code ADD VALUE} cannot run in a
 * transaction), the type is made again instead. A type that a table the entities do not
 * map still uses, or that belongs to an extension, is not dropped.
 *
 * @author paig-db authors
 */
final class PostgresEnumTypes {

	private static final Pattern LITERAL = Pattern.compile("^'((?:[^']|'')*)'::");

	private final Map<String, List<String>> entities;

	private final Map<String, List<String>> database;

	private final Map<String, List<UsingColumn>> columns;

	private final Set<String> usedElsewhere;

	private final boolean addValueInTransaction;

	private final Map<String, String> entityDefaults;

	private final Map<String, String> databaseDefaults;

	private final List<String> warnings = new ArrayList<>();

	private PostgresEnumTypes(Map<String, List<String>> entities, Map<String, List<String>> database,
			Map<String, List<UsingColumn>> columns, Set<String> usedElsewhere, boolean addValueInTransaction,
			Map<String, String> entityDefaults, Map<String, String> databaseDefaults) {
		this.entities = entities;
		this.database = database;
		this.columns = columns;
		this.usedElsewhere = usedElsewhere;
		this.addValueInTransaction = addValueInTransaction;
		this.entityDefaults = entityDefaults;
		this.databaseDefaults = databaseDefaults;
	}

	/**
	 * Read the enum types of both sides.
	 * @param scratch a connection to the entities' scratch schema
	 * @param scratchSchema the scratch schema
	 * @param real a connection to the real database
	 * @param realSchema the real database's schema
	 * @param mapped the tables the entities map, in lower case
	 * @return the comparison
	 * @throws SQLException on a database error
	 */
	static PostgresEnumTypes read(Connection scratch, String scratchSchema, Connection real, String realSchema,
			Set<String> mapped) throws SQLException {
		Map<String, List<UsingColumn>> columns = new LinkedHashMap<>();
		Set<String> usedElsewhere = new TreeSet<>();
		String sql = "SELECT t.typname, c.relname, tn.nspname <> cn.nspname, a.attname, "
				+ "pg_get_expr(d.adbin, d.adrelid), cn.nspname FROM pg_attribute a "
				+ "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace "
				+ "JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace tn ON tn.oid = t.typnamespace "
				+ "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
				+ "WHERE t.typtype = 'e' AND tn.nspname = ? AND a.attnum > 0 AND NOT a.attisdropped "
				+ "AND a.attinhcount = 0 AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
				+ "ORDER BY t.typname, cn.nspname, c.relname, a.attnum";
		try (PreparedStatement statement = real.prepareStatement(sql)) {
			statement.setString(1, realSchema);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String type = rows.getString(1);
					String table = rows.getString(2);
					boolean otherSchema = rows.getBoolean(3);
					columns.computeIfAbsent(type, (key) -> new ArrayList<>())
						.add(new UsingColumn(otherSchema ? quote(rows.getString(6)) + "." + quote(table) : quote(table),
								rows.getString(4), rows.getString(5)));
					if (otherSchema || !mapped.contains(table.toLowerCase(Locale.ROOT))) {
						usedElsewhere.add(type);
					}
				}
			}
		}
		return new PostgresEnumTypes(types(scratch, scratchSchema), types(real, realSchema), columns, usedElsewhere,
				real.getMetaData().getDatabaseMajorVersion() >= 12, defaults(scratch, scratchSchema),
				defaults(real, realSchema));
	}

	/**
	 * The column defaults of a schema's tables.
	 * @param connection a connection to the database
	 * @param schema the schema
	 * @return the default expressions by {@code table.column}, in lower case
	 * @throws SQLException on a database error
	 */
	private static Map<String, String> defaults(Connection connection, String schema) throws SQLException {
		String sql = "SELECT c.relname, a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d "
				+ "JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
				+ "JOIN pg_class c ON c.oid = d.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE n.nspname = ?";
		Map<String, String> defaults = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					defaults.put(key(rows.getString(1), rows.getString(2)), rows.getString(3));
				}
			}
		}
		return defaults;
	}

	private static String key(String table, String column) {
		return (table + "." + column).toLowerCase(Locale.ROOT);
	}

	private static Map<String, List<String>> types(Connection connection, String schema) throws SQLException {
		String sql = "SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
				+ "JOIN pg_enum e ON e.enumtypid = t.oid WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_depend d "
				+ "WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e') "
				+ "ORDER BY t.typname, e.enumsortorder";
		Map<String, List<String>> types = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					types.computeIfAbsent(rows.getString(1), (key) -> new ArrayList<>()).add(rows.getString(2));
				}
			}
		}
		return types;
	}

	/**
	 * The types only the entities have, each created by a changeset of its own.
	 * @param revisionId the revision id, for the changesets' ids
	 * @param author the changesets' author
	 * @return the changesets, to run before the diff's (whose tables use the types)
	 */
	List<ChangeSet> creates(String revisionId, String author) {
		List<ChangeSet> changeSets = new ArrayList<>();
		this.entities.forEach((type, values) -> {
			if (!this.database.containsKey(type)) {
				changeSets.add(changeSet(revisionId + "-create-enum-" + (changeSets.size() + 1), author,
						"create enum type " + type + " " + list(values), List.of(create(type, values)),
						List.of(drop(type))));
			}
		});
		return changeSets;
	}

	/**
	 * The types whose values differ, each changed by a changeset of its own.
	 * @param revisionId the revision id, for the changesets' ids
	 * @param author the changesets' author
	 * @param diff the other changesets of the revision, to tell whether they use a value
	 * this adds
	 * @return the changesets, to run before the diff's (whose columns may use the new
	 * values)
	 */
	List<ChangeSet> alters(String revisionId, String author, List<ChangeSet> diff) {
		List<ChangeSet> changeSets = new ArrayList<>();
		this.entities.forEach((type, values) -> {
			List<String> old = this.database.get(type);
			// the order is not compared: Hibernate writes the values in alphabetical
			// order, whatever the Java enum declares
			if (old == null || Set.copyOf(old).equals(Set.copyOf(values))) {
				return;
			}
			String id = revisionId + "-alter-enum-" + (changeSets.size() + 1);
			List<String> added = values.stream().filter((value) -> !old.contains(value)).toList();
			List<String> removed = old.stream().filter((value) -> !values.contains(value)).toList();
			if (removed.isEmpty() && this.addValueInTransaction && !usesAny(diff, added)) {
				List<String> sql = new ArrayList<>();
				for (int i = 0; i < values.size(); i++) {
					String value = values.get(i);
					if (old.contains(value)) {
						continue;
					}
					String position = (i > 0) ? " AFTER " + literal(values.get(i - 1))
							: (old.isEmpty() ? "" : " BEFORE " + literal(old.get(0)));
					sql.add("ALTER TYPE " + quote(type) + " ADD VALUE " + literal(value) + position);
				}
				changeSets.add(changeSet(id, author, "add value(s) " + list(added) + " to enum type " + type
						+ "; the rollback makes the type again " + "without them (rows holding them make it fail)", sql,
						recreate(type, old)));
				return;
			}
			String comment = (removed.isEmpty() ? "" : "remove value(s) " + list(removed) + " ")
					+ (added.isEmpty() ? "" : "add value(s) " + list(added) + " ") + "of enum type " + type
					+ " by making it again " + list(values);
			if (!removed.isEmpty()) {
				String users = this.columns.getOrDefault(type, List.of())
					.stream()
					.map((column) -> column.table().replace("\"", "") + "." + column.name())
					.collect(Collectors.joining(", "));
				this.warnings.add("value(s) " + list(removed) + " removed from enum type '" + type + "'"
						+ (users.isEmpty() ? "" : " used by " + users) + ": rows holding "
						+ ((removed.size() > 1) ? "them" : "it") + " make the upgrade fail; update them first");
			}
			changeSets.add(changeSet(id, author, comment, recreate(type, values), recreate(type, old)));
		});
		return changeSets;
	}

	/**
	 * The types only the database has, each dropped by a changeset of its own, unless a
	 * table the entities do not map still uses it.
	 * @param revisionId the revision id, for the changesets' ids
	 * @param author the changesets' author
	 * @return the changesets, to run after the diff's (which drop or change the columns
	 * that use the types)
	 */
	List<ChangeSet> drops(String revisionId, String author) {
		List<ChangeSet> changeSets = new ArrayList<>();
		this.database.forEach((type, values) -> {
			if (!this.entities.containsKey(type) && !this.usedElsewhere.contains(type)) {
				changeSets.add(changeSet(revisionId + "-drop-enum-" + (changeSets.size() + 1), author,
						"drop enum type " + type + " " + list(values), List.of(drop(type)),
						List.of(create(type, values))));
			}
		});
		return changeSets;
	}

	/**
	 * Rewrite the diff's {@code modifyDataType} of a column whose new or old type is an
	 * enum type: Liquibase casts straight to the new type, which PostgreSQL has no cast
	 * for between two enum types, nor for the column's default from text to an enum. Such
	 * a change becomes {@code ALTER COLUMN ... TYPE ... USING column::text::type}, its
	 * default dropped before and set after (the entities' default; in the rollback, the
	 * database's), and its rollback the same back to the old type.
	 * @param diff the diff's changesets, with their rollbacks
	 * @return the changesets, those of an enum column's type rewritten
	 */
	List<ChangeSet> retype(List<ChangeSet> diff) {
		List<ChangeSet> rewritten = new ArrayList<>();
		for (ChangeSet changeSet : diff) {
			List<Change> changes = changeSet.getChanges();
			List<Change> rollback = changeSet.getRollback().getChanges();
			if (changes.size() == 1 && changes.get(0) instanceof ModifyDataTypeChange modify && rollback.size() == 1
					&& rollback.get(0) instanceof ModifyDataTypeChange back
					&& (isEnum(this.entities, modify.getNewDataType())
							|| isEnum(this.database, back.getNewDataType()))) {
				String table = modify.getTableName();
				String column = modify.getColumnName();
				ChangeSet retyped = new ChangeSet(changeSet.getId(), changeSet.getAuthor(), false, false, null, null,
						null, changeSet.getObjectQuotingStrategy(), changeSet.getChangeLog());
				retyped.setComments("change type of column " + table + "." + column + " from " + back.getNewDataType()
						+ " to " + modify.getNewDataType() + ", cast by its text");
				String key = key(table, column);
				retyped.addChange(script(retype(table, column, modify.getNewDataType(), this.databaseDefaults.get(key),
						this.entityDefaults.get(key))));
				retyped.addRollbackChange(script(retype(table, column, back.getNewDataType(),
						this.databaseDefaults.get(key), this.databaseDefaults.get(key))));
				rewritten.add(retyped);
			}
			else {
				rewritten.add(changeSet);
			}
		}
		return rewritten;
	}

	private static boolean isEnum(Map<String, List<String>> types, @Nullable String type) {
		return type != null && types.containsKey(type.replace("\"", "").toLowerCase(Locale.ROOT));
	}

	private static List<String> retype(String table, String column, String type, @Nullable String oldDefault,
			@Nullable String newDefault) {
		String alter = "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column);
		List<String> sql = new ArrayList<>();
		if (oldDefault != null) {
			sql.add(alter + " DROP DEFAULT");
		}
		sql.add(alter + " TYPE " + type + " USING " + quote(column) + "::text::" + type);
		if (newDefault != null) {
			sql.add(alter + " SET DEFAULT " + newDefault);
		}
		return sql;
	}

	/**
	 * What the user should know before applying the changes: values removed from a type.
	 * @return one warning per type that loses values
	 */
	List<String> warnings() {
		return this.warnings;
	}

	/**
	 * Whether the changesets use one of the values as a column default, which the
	 * transaction that adds the value cannot.
	 * @param changeSets the changesets
	 * @param values the values
	 * @return {@code true} when a default of a new column or an added default is one
	 */
	private static boolean usesAny(List<ChangeSet> changeSets, List<String> values) {
		for (ChangeSet changeSet : changeSets) {
			for (Change change : changeSet.getChanges()) {
				List<Object> defaults = new ArrayList<>();
				if (change instanceof AddDefaultValueChange add) {
					defaults.add(add.getDefaultValue());
					defaults.add(add.getDefaultValueComputed());
				}
				else if (change instanceof AddColumnChange add) {
					add.getColumns().forEach((column) -> defaults(column, defaults));
				}
				else if (change instanceof CreateTableChange create) {
					create.getColumns().forEach((column) -> defaults(column, defaults));
				}
				else if (change instanceof RawSQLChange sql) {
					// a column cast to the type sets its default
					defaults.add(sql.getSql());
				}
				for (Object value : defaults) {
					if (value != null && values.stream()
						.anyMatch(
								(each) -> value.toString().equals(each) || value.toString().contains(literal(each)))) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static void defaults(ColumnConfig column, List<Object> defaults) {
		defaults.add(column.getDefaultValue());
		defaults.add(column.getDefaultValueComputed());
	}

	/**
	 * The statements that make a type again with the given values: the old type renamed,
	 * the new one created, each column cast over by its text (its default dropped and set
	 * again, unless the default is a value the type no longer has), the old type dropped.
	 * @param type the type
	 * @param values its values, in their order
	 * @return the statements
	 */
	private List<String> recreate(String type, List<String> values) {
		String old = quote(truncate(type, "_paig_old"));
		List<String> sql = new ArrayList<>();
		sql.add("ALTER TYPE " + quote(type) + " RENAME TO " + old);
		sql.add(create(type, values));
		for (UsingColumn column : this.columns.getOrDefault(type, List.of())) {
			String alter = "ALTER TABLE " + column.table() + " ALTER COLUMN " + quote(column.name());
			if (column.defaultValue() != null) {
				sql.add(alter + " DROP DEFAULT");
			}
			sql.add(alter + " TYPE " + quote(type) + " USING " + quote(column.name()) + "::text::" + quote(type));
			if (column.defaultValue() != null && kept(column.defaultValue(), values)) {
				sql.add(alter + " SET DEFAULT " + column.defaultValue());
			}
		}
		sql.add("DROP TYPE " + old);
		return sql;
	}

	private static boolean kept(String defaultValue, List<String> values) {
		Matcher literal = LITERAL.matcher(defaultValue);
		return !literal.find() || values.contains(literal.group(1).replace("''", "'"));
	}

	private static String truncate(String name, String suffix) {
		return name.substring(0, Math.min(name.length(), 63 - suffix.length())) + suffix;
	}

	private static String create(String type, List<String> values) {
		return "CREATE TYPE " + quote(type) + " AS ENUM ("
				+ values.stream().map(PostgresEnumTypes::literal).collect(Collectors.joining(", ")) + ")";
	}

	private static String drop(String type) {
		return "DROP TYPE " + quote(type);
	}

	private static String list(List<String> values) {
		return values.stream().map(PostgresEnumTypes::literal).collect(Collectors.joining(", ", "(", ")"));
	}

	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	private static String quote(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private static ChangeSet changeSet(String id, String author, String comment, List<String> sql,
			List<String> rollback) {
		ChangeSet changeSet = new ChangeSet(id, author, false, false, null, null, null, null);
		changeSet.setComments(comment);
		changeSet.addChange(script(sql));
		changeSet.addRollbackChange(script(rollback));
		return changeSet;
	}

	/**
	 * One {@code sql} change for statements, which Liquibase splits at the semicolons (a
	 * rollback of several changes is not written back as Liquibase reads it).
	 * @param sql the statements
	 * @return the change
	 */
	private static RawSQLChange script(List<String> sql) {
		RawSQLChange change = new RawSQLChange(String.join(";\n", sql));
		change.setSplitStatements(sql.size() > 1);
		return change;
	}

	/**
	 * A column that uses an enum type in the real database.
	 *
	 * @param table the table, quoted (and qualified when in another schema)
	 * @param name the column
	 * @param defaultValue its default expression, or {@code null}
	 */
	private record UsingColumn(String table, String name, @Nullable String defaultValue) {

	}

}
