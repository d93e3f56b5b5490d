package io.paig.db.autogenerate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import liquibase.change.Change;
import liquibase.change.ChangeWithColumns;
import liquibase.change.ColumnConfig;
import liquibase.change.core.AddAutoIncrementChange;
import liquibase.change.core.AddDefaultValueChange;
import liquibase.change.core.AddNotNullConstraintChange;
import liquibase.change.core.DropDefaultValueChange;
import liquibase.change.core.DropNotNullConstraintChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.SetColumnRemarksChange;
import liquibase.changelog.ChangeSet;
import liquibase.diff.DiffResult;
import liquibase.structure.core.Column;
import org.jspecify.annotations.Nullable;

/**
 * Writes the diff's changes to a MySQL/MariaDB column so that the column keeps what it
 * has besides what changes. Liquibase runs a changed type ({@code modifyDataType}), a
 * {@code NOT NULL} added or dropped, a changed comment ({@code setColumnRemarks}) and an
 * added {@code AUTO_INCREMENT} there as a bare {@code ALTER TABLE ... MODIFY}, which
 * drops every other attribute of the column: its {@code NOT NULL}, default,
 * {@code AUTO_INCREMENT} and comment. As Alembic's {@code alter_column} does on MySQL,
 * the changes of one column become one {@code sql} changeset, an
 * {@code ALTER TABLE ... MODIFY COLUMN} with the column's whole definition: what changes
 * as the entities have it, the rest as the database has it; its rollback is the same
 * statement with the column as the database has it. A changed default stays the diff's
 * own {@code addDefaultValue} or {@code dropDefaultValue} ({@code ALTER COLUMN ... SET}
 * or {@code DROP DEFAULT}, which keep the rest), right after the {@code MODIFY}.
 * <p>
 * A changed {@code ENUM(...)} (what Hibernate makes of an {@code @Enumerated(STRING)}
 * field) is said as the values it adds and removes; a removed value gets a warning: rows
 * that hold it make the upgrade fail in strict mode (and become {@code ''} without it).
 *
 * @author paig-db authors
 */
final class MySqlColumnChanges {

	private final DiffResult result;

	private final Connection connection;

	private final @Nullable String catalog;

	private final boolean mariaDb;

	private final List<String> warnings = new ArrayList<>();

	/**
	 * Create the rewrite for a diff.
	 * @param result the diff of the entities' schema (reference) and the real database
	 * (comparison)
	 * @param connection a connection to the real database, to read each changed column's
	 * exact type, character set and {@code ON UPDATE} clause
	 * @param catalog the real database's schema (MySQL's database), or {@code null} for
	 * the connection's
	 * @param mariaDb whether the server is MariaDB, whose catalog gives defaults as SQL
	 */
	MySqlColumnChanges(DiffResult result, Connection connection, @Nullable String catalog, boolean mariaDb) {
		this.result = result;
		this.connection = connection;
		this.catalog = catalog;
		this.mariaDb = mariaDb;
	}

	/**
	 * Rewrite the changesets that change a column in place. On MariaDB, the text defaults
	 * the diff writes are first freed of the catalog's escaping
	 * ({@link #unescape(String)}).
	 * @param changeSets the changesets, one change each, with their rollbacks
	 * @return the changesets, each column's in-place changes merged into one
	 * {@code MODIFY}, placed before the first of them and before the column's default
	 * change
	 * @throws SQLException when the real database's catalog cannot be read
	 */
	List<ChangeSet> rewrite(List<ChangeSet> changeSets) throws SQLException {
		if (this.mariaDb) {
			unescapeDefaults(changeSets);
		}
		Map<String, List<ChangeSet>> byColumn = new LinkedHashMap<>();
		Map<String, Integer> first = new LinkedHashMap<>();
		Set<String> defaultChanged = new HashSet<>();
		for (int i = 0; i < changeSets.size(); i++) {
			ChangeSet changeSet = changeSets.get(i);
			Change change = (changeSet.getChanges().size() == 1) ? changeSet.getChanges().get(0) : null;
			ColumnName column = inPlace(change);
			String key = (column != null) ? key(column.table(), column.column()) : null;
			if (key != null) {
				byColumn.computeIfAbsent(key, (k) -> new ArrayList<>()).add(changeSet);
				first.putIfAbsent(key, i);
			}
		}
		for (int i = 0; i < changeSets.size(); i++) {
			ChangeSet changeSet = changeSets.get(i);
			Change change = (changeSet.getChanges().size() == 1) ? changeSet.getChanges().get(0) : null;
			String key = defaultChange(change);
			if (key != null && byColumn.containsKey(key)) {
				defaultChanged.add(key);
				first.merge(key, i, Math::min);
			}
		}
		Map<Integer, String> mergedAt = new LinkedHashMap<>();
		Map<String, ChangeSet> rewritten = new LinkedHashMap<>();
		Set<ChangeSet> merged = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Map.Entry<String, List<ChangeSet>> entry : byColumn.entrySet()) {
			ChangeSet changeSet = merge(entry.getValue(), defaultChanged.contains(entry.getKey()));
			if (changeSet != null) {
				mergedAt.put(first.get(entry.getKey()), entry.getKey());
				merged.addAll(entry.getValue());
				rewritten.put(entry.getKey(), changeSet);
			}
		}
		List<ChangeSet> out = new ArrayList<>();
		for (int i = 0; i < changeSets.size(); i++) {
			String key = mergedAt.get(i);
			if (key != null) {
				out.add(rewritten.get(key));
			}
			if (!merged.contains(changeSets.get(i))) {
				out.add(changeSets.get(i));
			}
		}
		return out;
	}

	/**
	 * Undo the escaping that Liquibase's MariaDB snapshot leaves in a text default:
	 * MariaDB's catalog gives a default as an SQL literal ({@code 'O''Brien'}), Liquibase
	 * takes off the outer quotes only, and its changes would then write {@code O''Brien},
	 * two quotes, into the revision and so into the database.
	 * @param changeSets the changesets, changed in place: the text defaults of
	 * {@code createTable}, {@code addColumn} and {@code addDefaultValue}, and of their
	 * rollbacks
	 */
	private static void unescapeDefaults(List<ChangeSet> changeSets) {
		for (ChangeSet changeSet : changeSets) {
			List<Change> changes = new ArrayList<>(changeSet.getChanges());
			changes.addAll(changeSet.getRollback().getChanges());
			for (Change change : changes) {
				if (change instanceof AddDefaultValueChange add && add.getDefaultValue() != null) {
					add.setDefaultValue(unescape(add.getDefaultValue()));
				}
				if (change instanceof ChangeWithColumns<?> withColumns) {
					for (ColumnConfig column : withColumns.getColumns()) {
						if (column.getDefaultValue() != null) {
							column.setDefaultValue(unescape(column.getDefaultValue()));
						}
					}
				}
			}
		}
	}

	/**
	 * The text of a MariaDB string literal without its quotes: {@code ''} is one quote, a
	 * backslash escapes the next character ({@code \n} a new line, {@code \0} NUL).
	 * @param escaped the literal's inside
	 * @return the text
	 */
	static String unescape(String escaped) {
		StringBuilder text = new StringBuilder(escaped.length());
		for (int i = 0; i < escaped.length(); i++) {
			char c = escaped.charAt(i);
			if (c == '\'' && i + 1 < escaped.length() && escaped.charAt(i + 1) == '\'') {
				text.append('\'');
				i++;
			}
			else if (c == '\\' && i + 1 < escaped.length()) {
				char next = escaped.charAt(++i);
				text.append(switch (next) {
					case 'n' -> '\n';
					case 'r' -> '\r';
					case 't' -> '\t';
					case '0' -> '\0';
					case 'b' -> '\b';
					case 'Z' -> (char) 26;
					default -> next;
				});
			}
			else {
				text.append(c);
			}
		}
		return text.toString();
	}

	/**
	 * What the user should know before applying the changes: values removed from a
	 * column's {@code ENUM}.
	 * @return one warning per column that loses values
	 */
	List<String> warnings() {
		return this.warnings;
	}

	// the table and column of a change MySQL runs as a bare MODIFY, else null
	private static @Nullable ColumnName inPlace(@Nullable Change change) {
		if (change instanceof ModifyDataTypeChange modify) {
			return new ColumnName(modify.getTableName(), modify.getColumnName());
		}
		if (change instanceof AddNotNullConstraintChange add && add.getDefaultNullValue() == null) {
			return new ColumnName(add.getTableName(), add.getColumnName());
		}
		if (change instanceof DropNotNullConstraintChange drop) {
			return new ColumnName(drop.getTableName(), drop.getColumnName());
		}
		if (change instanceof SetColumnRemarksChange remarks) {
			return new ColumnName(remarks.getTableName(), remarks.getColumnName());
		}
		if (change instanceof AddAutoIncrementChange increment) {
			return new ColumnName(increment.getTableName(), increment.getColumnName());
		}
		return null;
	}

	private static @Nullable String defaultChange(@Nullable Change change) {
		if (change instanceof AddDefaultValueChange add) {
			return key(add.getTableName(), add.getColumnName());
		}
		if (change instanceof DropDefaultValueChange drop) {
			return key(drop.getTableName(), drop.getColumnName());
		}
		return null;
	}

	private static @Nullable String key(@Nullable String table, @Nullable String column) {
		return (table != null && column != null)
				? table.toLowerCase(Locale.ROOT) + "." + column.toLowerCase(Locale.ROOT) : null;
	}

	private @Nullable ChangeSet merge(List<ChangeSet> changeSets, boolean defaultChanged) throws SQLException {
		Change firstChange = changeSets.get(0).getChanges().get(0);
		ColumnName names = inPlace(firstChange);
		if (names == null || names.table() == null || names.column() == null) {
			return null;
		}
		String table = names.table();
		String name = names.column();
		Column column = column(table, name);
		Catalog catalog = catalog(table, name);
		if (column == null || catalog == null) {
			return null;
		}
		Definition now = Definition.of(column, catalog);
		Definition next = now;
		List<String> said = new ArrayList<>();
		String where = table + "." + column.getName();
		for (ChangeSet changeSet : changeSets) {
			Change change = changeSet.getChanges().get(0);
			if (change instanceof ModifyDataTypeChange modify) {
				next = next.withType(modify.getNewDataType());
				said.add(typeChange(where, now.type(), modify.getNewDataType()));
			}
			else if (change instanceof AddNotNullConstraintChange) {
				next = next.withNotNull(true);
				said.add("NOT NULL added");
			}
			else if (change instanceof DropNotNullConstraintChange) {
				next = next.withNotNull(false);
				said.add("NOT NULL dropped");
			}
			else if (change instanceof SetColumnRemarksChange remarks) {
				String text = remarks.getRemarks();
				next = next.withRemarks((text == null || text.isEmpty()) ? null : text);
				said.add((next.remarks() == null) ? "comment dropped" : "comment " + literal(next.remarks()));
			}
			else if (change instanceof AddAutoIncrementChange) {
				next = next.withAutoIncrement(true);
				said.add("AUTO_INCREMENT added");
			}
		}
		if (defaultChanged) {
			// the diff's own default change follows, and the old default may not fit the
			// new type
			next = next.withDefault(null);
		}
		else if (isEnum(next.type()) && next.defaultSql() != null && next.defaultSql().startsWith("'")
				&& !values(next.type()).contains(values("(" + next.defaultSql() + ")").get(0))) {
			next = next.withDefault(null);
		}
		ChangeSet first = changeSets.get(0);
		ChangeSet rewritten = new ChangeSet(first.getId(), first.getAuthor(), false, false, null, null, null,
				first.getObjectQuotingStrategy(), first.getChangeLog());
		String typeSaid = said.stream().filter((part) -> part.startsWith("change ENUM")).findFirst().orElse(null);
		List<String> rest = said.stream().filter((part) -> !part.startsWith("change ENUM")).toList();
		rewritten.setComments((typeSaid != null) ? typeSaid + (rest.isEmpty() ? "" : ", " + String.join(", ", rest))
				: "change column " + where + ": " + String.join(", ", rest));
		rewritten.addChange(raw(next.modify(table, column.getName())));
		rewritten.addRollbackChange(raw(now.modify(table, column.getName())));
		return rewritten;
	}

	// "type A -> B", or for an ENUM what its values gain and lose, with a warning for a
	// lost one
	private String typeChange(String where, String oldType, String newType) {
		if (!isEnum(oldType) || !isEnum(newType)) {
			return "type " + oldType + " -> " + newType;
		}
		List<String> oldValues = values(oldType);
		List<String> newValues = values(newType);
		List<String> added = newValues.stream().filter((value) -> !oldValues.contains(value)).toList();
		List<String> removed = oldValues.stream().filter((value) -> !newValues.contains(value)).toList();
		if (!removed.isEmpty()) {
			this.warnings.add("value(s) " + list(removed) + " removed from ENUM column '" + where + "': rows holding "
					+ ((removed.size() > 1) ? "them" : "it")
					+ " make the upgrade fail (in strict mode; without it they become ''); update them first");
		}
		return "change ENUM of column " + where + ":" + (added.isEmpty() ? "" : " add value(s) " + list(added))
				+ (removed.isEmpty() ? "" : " remove value(s) " + list(removed))
				+ ((added.isEmpty() && removed.isEmpty()) ? " reorder values" : "");
	}

	private @Nullable Column column(String table, String name) {
		for (Column column : this.result.getComparisonSnapshot().get(Column.class)) {
			if (name.equalsIgnoreCase(column.getName())
					&& table.toLowerCase(Locale.ROOT).equals(SchemaObjects.tableOf(column))) {
				return column;
			}
		}
		return null;
	}

	private @Nullable Catalog catalog(String table, String name) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(
				"SELECT c.COLUMN_TYPE, c.CHARACTER_SET_NAME, c.COLLATION_NAME, t.TABLE_COLLATION, c.EXTRA, "
						+ "c.COLUMN_DEFAULT FROM information_schema.COLUMNS c JOIN information_schema.TABLES t "
						+ "ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
						+ "WHERE c.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND c.TABLE_NAME = ? AND c.COLUMN_NAME = ?")) {
			statement.setString(1, this.catalog);
			statement.setString(2, table);
			statement.setString(3, name);
			try (ResultSet row = statement.executeQuery()) {
				if (!row.next()) {
					return null;
				}
				String collation = row.getString(3);
				String characterSet = (collation != null && !collation.equalsIgnoreCase(row.getString(4)))
						? "CHARACTER SET " + row.getString(2) + " COLLATE " + collation : null;
				String extra = row.getString(5);
				int onUpdate = (extra != null) ? extra.toLowerCase(Locale.ROOT).indexOf("on update ") : -1;
				return new Catalog(row.getString(1), characterSet, defaultSql(row.getString(6), extra, this.mariaDb),
						(onUpdate >= 0) ? "ON UPDATE " + extra.substring(onUpdate + "on update ".length()).strip()
								: null);
			}
		}
	}

	/**
	 * A column's default as SQL, from the catalog rather than Liquibase's snapshot, whose
	 * MariaDB values keep the catalog's escaping ({@code O''Brien}).
	 * @param columnDefault {@code COLUMN_DEFAULT}: on MariaDB an SQL expression
	 * ({@code 'O''Brien'}, {@code 0}, {@code current_timestamp()}, {@code NULL}); on
	 * MySQL the bare value, an expression marked {@code DEFAULT_GENERATED} in
	 * {@code EXTRA}
	 * @param extra {@code EXTRA}
	 * @param mariaDb whether the server is MariaDB
	 * @return the SQL, or {@code null} for no default
	 */
	static @Nullable String defaultSql(@Nullable String columnDefault, @Nullable String extra, boolean mariaDb) {
		if (columnDefault == null) {
			return null;
		}
		if (mariaDb) {
			return columnDefault.equalsIgnoreCase("NULL") ? null : columnDefault;
		}
		if (extra != null && extra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED")) {
			return columnDefault.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP") ? columnDefault
					: "(" + columnDefault + ")";
		}
		return literal(columnDefault);
	}

	private static boolean isEnum(@Nullable String type) {
		return type != null && type.strip().toUpperCase(Locale.ROOT).startsWith("ENUM(");
	}

	/**
	 * The values of an {@code ENUM('a','b')} type, in their order.
	 * @param type the type
	 * @return the values, unquoted
	 */
	static List<String> values(String type) {
		List<String> values = new ArrayList<>();
		StringBuilder value = null;
		String text = type.substring(type.indexOf('(') + 1);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (value == null) {
				if (c == '\'') {
					value = new StringBuilder();
				}
			}
			else if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
				value.append('\'');
				i++;
			}
			else if (c == '\\' && i + 1 < text.length()) {
				value.append(text.charAt(++i));
			}
			else if (c == '\'') {
				values.add(value.toString());
				value = null;
			}
			else {
				value.append(c);
			}
		}
		return values;
	}

	private static String list(List<String> values) {
		return String.join(", ", values.stream().map(MySqlColumnChanges::literal).toList());
	}

	static String literal(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	private static String quote(String name) {
		return "`" + name.replace("`", "``") + "`";
	}

	private static RawSQLChange raw(String sql) {
		RawSQLChange change = new RawSQLChange(sql);
		change.setSplitStatements(false);
		return change;
	}

	/**
	 * The column a change is about.
	 *
	 * @param table the table, as the change names it
	 * @param column the column, as the change names it
	 */
	private record ColumnName(@Nullable String table, @Nullable String column) {

	}

	/**
	 * What the catalog says of a column and the snapshot does not: its exact type, its
	 * character set and collation when they are its own rather than the table's, and its
	 * {@code ON UPDATE} clause.
	 *
	 * @param type the type as {@code SHOW COLUMNS} gives it, {@code varchar(20)},
	 * {@code int(10) unsigned}
	 * @param characterSet the column's own character set and collation, as
	 * {@code CHARACTER SET ... COLLATE ...}, or {@code null} when they are the table's
	 * @param defaultSql the default as SQL, or {@code null}
	 * @param onUpdate the {@code ON UPDATE ...} clause, or {@code null}
	 */
	record Catalog(String type, @Nullable String characterSet, @Nullable String defaultSql, @Nullable String onUpdate) {

	}

	/**
	 * A column's whole definition, as {@code MODIFY COLUMN} takes it.
	 *
	 * @param type the type
	 * @param characterSet the column's own character set and collation, or {@code null}
	 * @param notNull whether it is {@code NOT NULL}
	 * @param defaultSql the default as SQL, or {@code null}
	 * @param onUpdate the {@code ON UPDATE ...} clause, or {@code null}
	 * @param autoIncrement whether it is {@code AUTO_INCREMENT}
	 * @param remarks the comment, or {@code null}
	 */
	record Definition(String type, @Nullable String characterSet, boolean notNull, @Nullable String defaultSql,
			@Nullable String onUpdate, boolean autoIncrement, @Nullable String remarks) {

		static Definition of(Column column, Catalog catalog) {
			String remarks = column.getRemarks();
			return new Definition(catalog.type(), catalog.characterSet(), Boolean.FALSE.equals(column.isNullable()),
					catalog.defaultSql(), catalog.onUpdate(), column.isAutoIncrement(),
					(remarks == null || remarks.isEmpty()) ? null : remarks);
		}

		Definition withType(String type) {
			// a character set of its own only stays on a type that has one
			return new Definition(type, isText(type) ? this.characterSet : null, this.notNull, this.defaultSql,
					this.onUpdate, this.autoIncrement, this.remarks);
		}

		Definition withNotNull(boolean notNull) {
			return new Definition(this.type, this.characterSet, notNull, this.defaultSql, this.onUpdate,
					this.autoIncrement, this.remarks);
		}

		Definition withDefault(@Nullable String defaultSql) {
			return new Definition(this.type, this.characterSet, this.notNull, defaultSql, this.onUpdate,
					this.autoIncrement, this.remarks);
		}

		Definition withAutoIncrement(boolean autoIncrement) {
			return new Definition(this.type, this.characterSet, this.notNull, this.defaultSql, this.onUpdate,
					autoIncrement, this.remarks);
		}

		Definition withRemarks(@Nullable String remarks) {
			return new Definition(this.type, this.characterSet, this.notNull, this.defaultSql, this.onUpdate,
					this.autoIncrement, remarks);
		}

		private static boolean isText(String type) {
			String lower = type.strip().toLowerCase(Locale.ROOT);
			return lower.startsWith("char") || lower.startsWith("varchar") || lower.contains("text")
					|| lower.startsWith("enum(") || lower.startsWith("set(");
		}

		/**
		 * {@code ALTER TABLE ... MODIFY COLUMN} with this definition.
		 * @param table the table
		 * @param column the column
		 * @return the statement
		 */
		String modify(String table, String column) {
			StringBuilder sql = new StringBuilder("ALTER TABLE ").append(quote(table))
				.append(" MODIFY COLUMN ")
				.append(quote(column))
				.append(' ')
				.append(this.type);
			if (this.characterSet != null) {
				sql.append(' ').append(this.characterSet);
			}
			if (this.notNull) {
				sql.append(" NOT NULL");
			}
			if (this.autoIncrement) {
				sql.append(" AUTO_INCREMENT");
			}
			if (this.defaultSql != null) {
				sql.append(" DEFAULT ").append(this.defaultSql);
			}
			if (this.onUpdate != null) {
				sql.append(' ').append(this.onUpdate);
			}
			if (this.remarks != null) {
				sql.append(" COMMENT ").append(literal(this.remarks));
			}
			return sql.toString();
		}

	}

}
