package io.paig.db.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.diff.DiffResult;
import liquibase.statement.DatabaseFunction;
import liquibase.structure.core.Column;
import org.jspecify.annotations.Nullable;

/**
 * Writes a changed MySQL/MariaDB {@code ENUM(...)} column (what Hibernate makes of an
 * {@code @Enumerated(STRING)} field there) so that it keeps what the column has besides
 * its type. Liquibase's diff sees the changed values as a changed type, but its
 * {@code modifyDataType} is a bare {@code ALTER TABLE ... MODIFY} that drops the column's
 * {@code NOT NULL}, default and comment. Each such change becomes an {@code sql} change
 * {@code ALTER TABLE ... MODIFY COLUMN ... ENUM(...)} with the column's {@code NOT NULL},
 * default and comment as the database has them, and its rollback the same with the old
 * values. A removed value gets a warning: rows that hold it make the upgrade fail in
 * strict mode (and become {@code ''} without it).
 *
 * @author paig-db authors
 */
final class MySqlEnumColumns {

	private final DiffResult result;

	private final List<String> warnings = new ArrayList<>();

	/**
	 * Create the rewrite for a diff.
	 * @param result the diff of the entities' schema (reference) and the real database
	 * (comparison)
	 */
	MySqlEnumColumns(DiffResult result) {
		this.result = result;
	}

	/**
	 * Rewrite the changesets that change an {@code ENUM} column's values.
	 * @param changeSets the changesets, with their rollbacks
	 * @return the changesets, those of an {@code ENUM} column's type rewritten
	 */
	List<ChangeSet> rewrite(List<ChangeSet> changeSets) {
		List<ChangeSet> rewritten = new ArrayList<>();
		for (ChangeSet changeSet : changeSets) {
			ChangeSet enumChange = rewrite(changeSet);
			rewritten.add((enumChange != null) ? enumChange : changeSet);
		}
		return rewritten;
	}

	/**
	 * What the user should know before applying the changes: values removed from a
	 * column's {@code ENUM}.
	 * @return one warning per column that loses values
	 */
	List<String> warnings() {
		return this.warnings;
	}

	private @Nullable ChangeSet rewrite(ChangeSet changeSet) {
		if (changeSet.getChanges().size() != 1
				|| !(changeSet.getChanges().get(0) instanceof ModifyDataTypeChange modify)) {
			return null;
		}
		Column column = column(modify.getTableName(), modify.getColumnName());
		if (column == null || column.getType() == null) {
			return null;
		}
		String oldType = column.getType().toString();
		String newType = modify.getNewDataType();
		if (!isEnum(newType) || !isEnum(oldType)) {
			return null;
		}
		List<String> oldValues = values(oldType);
		List<String> newValues = values(newType);
		List<String> added = newValues.stream().filter((value) -> !oldValues.contains(value)).toList();
		List<String> removed = oldValues.stream().filter((value) -> !newValues.contains(value)).toList();
		String name = modify.getTableName() + "." + modify.getColumnName();
		if (!removed.isEmpty()) {
			this.warnings.add("value(s) " + list(removed) + " removed from ENUM column '" + name + "': rows holding "
					+ ((removed.size() > 1) ? "them" : "it")
					+ " make the upgrade fail (in strict mode; without it they become ''); update them first");
		}
		ChangeSet rewritten = new ChangeSet(changeSet.getId(), changeSet.getAuthor(), false, false, null, null, null,
				changeSet.getObjectQuotingStrategy(), changeSet.getChangeLog());
		rewritten
			.setComments("change ENUM of column " + name + ":" + (added.isEmpty() ? "" : " add value(s) " + list(added))
					+ (removed.isEmpty() ? "" : " remove value(s) " + list(removed))
					+ ((added.isEmpty() && removed.isEmpty()) ? " reorder values" : ""));
		rewritten.addChange(raw(modify(modify.getTableName(), column, newType, newValues)));
		rewritten.addRollbackChange(raw(modify(modify.getTableName(), column, oldType, oldValues)));
		return rewritten;
	}

	/**
	 * {@code ALTER TABLE ... MODIFY COLUMN} with a type and the column's
	 * {@code NOT NULL}, default (unless the type has not its value) and comment.
	 * @param table the table
	 * @param column the column as the database has it
	 * @param type the type
	 * @param values the type's values
	 * @return the statement
	 */
	private static String modify(String table, Column column, String type, List<String> values) {
		StringBuilder sql = new StringBuilder("ALTER TABLE ").append(quote(table))
			.append(" MODIFY COLUMN ")
			.append(quote(column.getName()))
			.append(' ')
			.append(type);
		if (Boolean.FALSE.equals(column.isNullable())) {
			sql.append(" NOT NULL");
		}
		Object defaultValue = column.getDefaultValue();
		if (defaultValue instanceof DatabaseFunction function) {
			sql.append(" DEFAULT ").append(function.getValue());
		}
		else if (defaultValue != null && values.contains(defaultValue.toString())) {
			sql.append(" DEFAULT ").append(literal(defaultValue.toString()));
		}
		if (column.getRemarks() != null && !column.getRemarks().isEmpty()) {
			sql.append(" COMMENT ").append(literal(column.getRemarks()));
		}
		return sql.toString();
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
		return String.join(", ", values.stream().map(MySqlEnumColumns::literal).toList());
	}

	private static String literal(String value) {
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

}
