package io.paig.db.migration.sqlite;

import java.util.ArrayList;
import java.util.List;

import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.DropColumnChange;
import liquibase.database.Database;
import liquibase.database.core.SQLiteDatabase;
import liquibase.exception.RollbackImpossibleException;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.AddColumnStatement;

/**
 * Liquibase's {@code addColumn}, which on SQLite adds each column that SQLite can add in
 * place ({@link SqliteAddColumnStatement#addsInPlace}) with
 * {@code ALTER TABLE ... ADD COLUMN} and leaves the others to Liquibase's rebuild of the
 * table; and whose derived rollback on SQLite is a {@link SqliteDropColumnChange} of the
 * added columns, without Liquibase's {@code dropDefaultValue}s before it, which SQLite
 * does not support (the column's default goes with the column).
 * <p>
 * Registered as a Liquibase {@code Change} of a higher priority than Liquibase's own, so
 * that changelogs get it for {@code addColumn}; its name and properties are Liquibase's,
 * and so are the checksums of the changesets.
 *
 * @author paig-db authors
 */
@DatabaseChange(name = "addColumn", description = "Adds a new column to an existing table",
		priority = ChangeMetaData.PRIORITY_DEFAULT + 1, appliesTo = "table")
public class SqliteAddColumnChange extends AddColumnChange {

	@Override
	public boolean supports(Database database) {
		return super.supports(database);
	}

	@Override
	public SqlStatement[] generateStatements(Database database) {
		SqlStatement[] statements = super.generateStatements(database);
		if (!(database instanceof SQLiteDatabase)) {
			return statements;
		}
		List<SqlStatement> result = new ArrayList<>();
		for (SqlStatement statement : statements) {
			if (statement instanceof AddColumnStatement add && SqliteAddColumnStatement.addsInPlace(add)) {
				for (AddColumnStatement column : add.isMultiple() ? add.getColumns() : List.of(add)) {
					result.add(new SqliteAddColumnStatement(column));
				}
			}
			else {
				if (statement instanceof AddColumnStatement add && add.getTableName() != null) {
					// (Liquibase also calls this on an empty change, to learn what it
					// supports: no table, no check)
					List<String> names = new ArrayList<>();
					for (AddColumnStatement column : add.isMultiple() ? add.getColumns() : List.of(add)) {
						names.add(String.valueOf(column.getColumnName()));
					}
					SqliteColumnUsage.refuseRebuildOfReferencedTable(database, add.getTableName(), "add " + names,
							"a primary key, unique, foreign key, auto-increment, function default, NOT NULL without a "
									+ "default or a column position");
				}
				result.add(statement);
			}
		}
		return result.toArray(SqlStatement[]::new);
	}

	@Override
	public SqlStatement[] generateRollbackStatements(Database database) throws RollbackImpossibleException {
		if (!(database instanceof SQLiteDatabase)) {
			return super.generateRollbackStatements(database);
		}
		return dropColumns().generateStatements(database);
	}

	@Override
	public boolean generateRollbackStatementsVolatile(Database database) {
		if (!(database instanceof SQLiteDatabase)) {
			return super.generateRollbackStatementsVolatile(database);
		}
		return dropColumns().generateStatementsVolatile(database);
	}

	@Override
	protected Change[] createInverses() {
		Change[] inverses = super.createInverses();
		for (int i = 0; i < inverses.length; i++) {
			if (inverses[i] instanceof DropColumnChange drop) {
				inverses[i] = SqliteDropColumnChange.of(drop);
			}
		}
		return inverses;
	}

	private SqliteDropColumnChange dropColumns() {
		SqliteDropColumnChange drop = new SqliteDropColumnChange();
		drop.setCatalogName(getCatalogName());
		drop.setSchemaName(getSchemaName());
		drop.setTableName(getTableName());
		for (AddColumnConfig column : getColumns()) {
			drop.addColumn(column);
		}
		drop.setChangeSet(getChangeSet());
		return drop;
	}

}
