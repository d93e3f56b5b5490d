package io.paig.db.migration.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import liquibase.change.ChangeMetaData;
import liquibase.change.ColumnConfig;
import liquibase.change.DatabaseChange;
import liquibase.change.core.DropColumnChange;
import liquibase.database.Database;
import liquibase.database.DatabaseConnection;
import liquibase.database.OfflineConnection;
import liquibase.database.core.SQLiteDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.UnexpectedLiquibaseException;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.DropColumnStatement;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Liquibase's {@code dropColumn}, which on SQLite drops the columns with SQLite's own
 * {@code ALTER TABLE ... DROP COLUMN} when nothing in the live schema stops it
 * ({@link SqliteColumnUsage}), and leaves everything else to Liquibase's
 * {@link DropColumnChange}; in offline SQL, where there is no schema to read, it drops in
 * place. Liquibase's SQLite way renames the table to {@code TABLE_temporary}, creates it
 * anew, copies the rows and drops the copy: with foreign keys on, the rename points the
 * other tables' foreign keys at the copy, and dropping it breaks them (and deletes their
 * rows with {@code ON DELETE CASCADE}).
 * <p>
 * Registered as a Liquibase {@code Change} of a higher priority than Liquibase's own, so
 * that changelogs get it for {@code dropColumn}; its name and properties are Liquibase's,
 * and so are the checksums of the changesets.
 *
 * @author paig-db authors
 */
@DatabaseChange(name = "dropColumn", description = "Drop existing column(s).",
		priority = ChangeMetaData.PRIORITY_DEFAULT + 1, appliesTo = "column")
public class SqliteDropColumnChange extends DropColumnChange {

	private static final Log logger = LogFactory.getLog(SqliteDropColumnChange.class);

	/**
	 * A {@code dropColumn} of the columns of another, e.g. the inverse of an
	 * {@code addColumn}.
	 * @param change the change to copy
	 * @return the copy
	 */
	static SqliteDropColumnChange of(DropColumnChange change) {
		SqliteDropColumnChange copy = new SqliteDropColumnChange();
		copy.setCatalogName(change.getCatalogName());
		copy.setSchemaName(change.getSchemaName());
		copy.setTableName(change.getTableName());
		copy.setColumnName(change.getColumnName());
		copy.setColumns(new ArrayList<>(change.getColumns()));
		copy.setChangeSet(change.getChangeSet());
		return copy;
	}

	@Override
	public boolean supports(Database database) {
		return super.supports(database);
	}

	@Override
	public ValidationErrors validate(Database database) {
		if (!(database instanceof SQLiteDatabase)) {
			return super.validate(database);
		}
		// Liquibase's SQLite validation wants a columnName even where 'columns' lists
		// them.
		ValidationErrors errors = new ValidationErrors();
		errors.checkRequiredField("tableName", getTableName());
		if (getColumns().isEmpty()) {
			errors.checkRequiredField("columnName", getColumnName());
		}
		return errors;
	}

	@Override
	public SqlStatement[] generateStatements(Database database) {
		if (!(database instanceof SQLiteDatabase)) {
			return super.generateStatements(database);
		}
		List<String> columns = columnNames();
		String reason = whyNotDroppable(database, columns);
		if (reason == null) {
			return columns.stream()
				.map((column) -> new DropColumnStatement(getCatalogName(), getSchemaName(), getTableName(), column))
				.toArray(SqlStatement[]::new);
		}
		SqliteColumnUsage.refuseRebuildOfReferencedTable(database, getTableName(), "drop " + columns, reason);
		logger.info("SQLite cannot drop " + columns + " of " + getTableName() + " in place (" + reason
				+ "): Liquibase rebuilds the table");
		if (getColumns().isEmpty() && getColumnName() != null) {
			// Liquibase's SQLite rebuild only drops the columns listed under 'columns'.
			SqliteDropColumnChange listed = of(this);
			listed.setColumnName(null);
			listed.addColumn(new ColumnConfig().setName(getColumnName()));
			return listed.rebuild(database);
		}
		return rebuild(database);
	}

	private SqlStatement[] rebuild(Database database) {
		return super.generateStatements(database);
	}

	private List<String> columnNames() {
		if (getColumns().isEmpty()) {
			return (getColumnName() != null) ? List.of(getColumnName()) : List.of();
		}
		return getColumns().stream().map(ColumnConfig::getName).toList();
	}

	private @Nullable String whyNotDroppable(Database database, List<String> columns) {
		DatabaseConnection connection = database.getConnection();
		if (connection instanceof OfflineConnection && getTableName() != null && !columns.isEmpty()) {
			// offline SQL (db ... --sql with a range) has no table to rebuild from: the
			// script drops in place, and SQLite says so when something stops it
			return null;
		}
		if (!(connection instanceof JdbcConnection jdbc) || getTableName() == null || columns.isEmpty()) {
			return "no connection to read the schema from";
		}
		try {
			Connection underlying = jdbc.getUnderlyingConnection();
			return new SqliteColumnUsage(underlying).whyNotDroppable(getTableName(), columns);
		}
		catch (SQLException ex) {
			throw new UnexpectedLiquibaseException(
					"Could not read the schema of " + getTableName() + ": " + ex.getMessage(), ex);
		}
	}

}
