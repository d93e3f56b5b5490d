package io.paig.db.migration.sqlite;

import java.util.List;

import liquibase.statement.AbstractSqlStatement;
import liquibase.statement.ColumnConstraint;
import liquibase.statement.DatabaseFunction;
import liquibase.statement.NotNullConstraint;
import liquibase.statement.core.AddColumnStatement;

/**
 * One column that SQLite adds in place, with {@code ALTER TABLE ... ADD COLUMN}, rendered
 * by {@link SqliteAddColumnGenerator}. A statement of its own rather than Liquibase's
 * {@link AddColumnStatement}: Liquibase picks generators per statement class and
 * database, never per statement, and its SQLite generator for {@code AddColumnStatement}
 * (a rebuild of the table, that needs the live schema) would always be among them.
 *
 * @author paig-db authors
 */
public final class SqliteAddColumnStatement extends AbstractSqlStatement {

	private final AddColumnStatement column;

	/**
	 * Create a statement.
	 * @param column the column, one that {@link #addsInPlace(AddColumnStatement)}
	 */
	public SqliteAddColumnStatement(AddColumnStatement column) {
		if (!addsInPlace(column) || column.isMultiple()) {
			throw new IllegalArgumentException("SQLite cannot add column '" + column.getColumnName() + "' to '"
					+ column.getTableName() + "' in place");
		}
		this.column = column;
	}

	/**
	 * The column to add.
	 * @return the Liquibase statement for it
	 */
	public AddColumnStatement getColumn() {
		return this.column;
	}

	/**
	 * Whether SQLite can add every column of a statement in place
	 * (<a href="https://www.sqlite.org/lang_altertable.html">ADD COLUMN</a>): not a
	 * primary key, not unique, not auto-increment, no foreign key; NOT NULL only with a
	 * default other than NULL; a default that is a constant, not a function such as
	 * {@code CURRENT_TIMESTAMP} or an expression; no position among the other columns.
	 * @param statement the Liquibase statement for one column or several
	 * @return {@code true} if each can be added with {@code ALTER TABLE ... ADD COLUMN}
	 */
	public static boolean addsInPlace(AddColumnStatement statement) {
		List<AddColumnStatement> columns = statement.isMultiple() ? statement.getColumns() : List.of(statement);
		return !columns.isEmpty() && columns.stream().allMatch(SqliteAddColumnStatement::columnAddsInPlace);
	}

	private static boolean columnAddsInPlace(AddColumnStatement column) {
		if (column.isMultiple() || column.getTableName() == null || column.getColumnName() == null
				|| column.getColumnType() == null || Boolean.TRUE.equals(column.getComputed())) {
			return false;
		}
		if (column.getAddAfterColumn() != null || column.getAddBeforeColumn() != null
				|| column.getAddAtPosition() != null) {
			return false;
		}
		for (ColumnConstraint constraint : column.getConstraints()) {
			// Primary key, unique, auto-increment and foreign key constraints all need a
			// rebuild.
			if (!(constraint instanceof NotNullConstraint)) {
				return false;
			}
		}
		Object defaultValue = column.getDefaultValue();
		if (defaultValue instanceof DatabaseFunction) {
			return false;
		}
		return column.isNullable() || defaultValue != null;
	}

}
