package io.paig.db.autogenerate;

import java.util.stream.Collectors;

import liquibase.change.Change;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddDefaultValueChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddNotNullConstraintChange;
import liquibase.change.core.AddPrimaryKeyChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateSequenceChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropDefaultValueChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropNotNullConstraintChange;
import liquibase.change.core.DropPrimaryKeyChange;
import liquibase.change.core.DropSequenceChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.DropUniqueConstraintChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.SetColumnRemarksChange;
import liquibase.change.core.SetTableRemarksChange;
import org.jspecify.annotations.Nullable;

/**
 * One line per change of a revision, as {@code db check} lists them: what changes, in
 * words, with the table and column it changes ({@code drop index ix_widget_state on
 * widget}, {@code make widget.stock NOT NULL}), where Liquibase's own descriptions name
 * each change's attributes ({@code dropIndex indexName=..., tableName=...}). A change
 * this class has no words for keeps Liquibase's description.
 *
 * @author paig-db authors
 */
final class ChangeDescriptions {

	private ChangeDescriptions() {
	}

	/**
	 * The line for a change.
	 * @param change a change of the revision
	 * @return what it does, in words
	 */
	static String of(Change change) {
		if (change instanceof CreateTableChange create) {
			return "create table " + create.getTableName() + " ("
					+ create.getColumns().stream().map((column) -> column.getName()).collect(Collectors.joining(", "))
					+ ")";
		}
		if (change instanceof DropTableChange drop) {
			return "drop table " + drop.getTableName();
		}
		if (change instanceof AddColumnChange add) {
			return "add column " + add.getColumns()
				.stream()
				.map((column) -> add.getTableName() + "." + column.getName() + " " + column.getType())
				.collect(Collectors.joining(", "));
		}
		if (change instanceof DropColumnChange drop) {
			return "drop column " + drop.getTableName() + "." + ((drop.getColumnName() != null) ? drop.getColumnName()
					: drop.getColumns().stream().map((column) -> column.getName()).collect(Collectors.joining(", ")));
		}
		if (change instanceof ModifyDataTypeChange modify) {
			return "change type of column " + modify.getTableName() + "." + modify.getColumnName() + " to "
					+ modify.getNewDataType();
		}
		if (change instanceof AddNotNullConstraintChange notNull) {
			return "make " + notNull.getTableName() + "." + notNull.getColumnName() + " NOT NULL";
		}
		if (change instanceof DropNotNullConstraintChange nullable) {
			return "make " + nullable.getTableName() + "." + nullable.getColumnName() + " nullable";
		}
		if (change instanceof AddDefaultValueChange add) {
			return "set default of " + add.getTableName() + "." + add.getColumnName() + " to " + defaultValue(add);
		}
		if (change instanceof DropDefaultValueChange drop) {
			return "drop default of " + drop.getTableName() + "." + drop.getColumnName();
		}
		if (change instanceof SetColumnRemarksChange remarks) {
			return "change comment of " + remarks.getTableName() + "." + remarks.getColumnName() + ": "
					+ comment(remarks.getRemarks());
		}
		if (change instanceof SetTableRemarksChange remarks) {
			return "change comment of table " + remarks.getTableName() + ": " + comment(remarks.getRemarks());
		}
		if (change instanceof CreateIndexChange index) {
			return "create " + (Boolean.TRUE.equals(index.isUnique()) ? "unique index " : "index ")
					+ index.getIndexName() + " on " + index.getTableName();
		}
		if (change instanceof DropIndexChange drop) {
			return "drop index " + drop.getIndexName() + " on " + drop.getTableName();
		}
		if (change instanceof AddUniqueConstraintChange unique) {
			return "add unique constraint " + unique.getConstraintName() + " " + unique.getTableName() + "("
					+ unique.getColumnNames() + ")";
		}
		if (change instanceof DropUniqueConstraintChange drop) {
			return "drop unique constraint " + drop.getConstraintName() + " on " + drop.getTableName();
		}
		if (change instanceof AddPrimaryKeyChange key) {
			return "add primary key " + key.getTableName() + "(" + key.getColumnNames() + ")";
		}
		if (change instanceof DropPrimaryKeyChange drop) {
			return "drop primary key of " + drop.getTableName();
		}
		if (change instanceof AddForeignKeyConstraintChange foreignKey) {
			return "add foreign key " + foreignKey.getConstraintName() + " " + foreignKey.getBaseTableName() + "("
					+ foreignKey.getBaseColumnNames() + ") -> " + foreignKey.getReferencedTableName() + "("
					+ foreignKey.getReferencedColumnNames() + ")";
		}
		if (change instanceof DropForeignKeyConstraintChange drop) {
			return "drop foreign key " + drop.getConstraintName() + " on " + drop.getBaseTableName();
		}
		if (change instanceof CreateSequenceChange sequence) {
			return "create sequence " + sequence.getSequenceName();
		}
		if (change instanceof DropSequenceChange sequence) {
			return "drop sequence " + sequence.getSequenceName();
		}
		return change.getDescription();
	}

	/**
	 * A default as the revision sets it.
	 * @param add the change
	 * @return the value, quoted when it is text
	 */
	private static String defaultValue(AddDefaultValueChange add) {
		if (add.getDefaultValue() != null) {
			return "'" + add.getDefaultValue() + "'";
		}
		if (add.getDefaultValueComputed() != null) {
			return add.getDefaultValueComputed().getValue();
		}
		if (add.getDefaultValueBoolean() != null) {
			return add.getDefaultValueBoolean().toString();
		}
		if (add.getDefaultValueNumeric() != null) {
			return add.getDefaultValueNumeric();
		}
		if (add.getDefaultValueDate() != null) {
			return add.getDefaultValueDate();
		}
		return "its sequence's next value";
	}

	/**
	 * A comment as the revision sets it.
	 * @param text the comment
	 * @return the comment quoted, or that it is dropped
	 */
	private static String comment(@Nullable String text) {
		return (text == null || text.isEmpty()) ? "dropped" : "'" + text + "'";
	}

}
