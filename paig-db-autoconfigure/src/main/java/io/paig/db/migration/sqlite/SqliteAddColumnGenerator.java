package io.paig.db.migration.sqlite;

import liquibase.database.Database;
import liquibase.database.core.SQLiteDatabase;
import liquibase.datatype.DataTypeFactory;
import liquibase.datatype.LiquibaseDataType;
import liquibase.exception.ValidationErrors;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.core.AbstractSqlGenerator;
import liquibase.statement.core.AddColumnStatement;
import liquibase.structure.core.Column;
import liquibase.structure.core.Table;

/**
 * Renders a {@link SqliteAddColumnStatement} as SQLite's
 * {@code ALTER TABLE t ADD COLUMN c type [NOT NULL] [DEFAULT x]}, which changes the table
 * in place and leaves the tables that refer to it alone.
 *
 * @author paig-db authors
 */
public class SqliteAddColumnGenerator extends AbstractSqlGenerator<SqliteAddColumnStatement> {

	@Override
	public int getPriority() {
		return PRIORITY_DATABASE + 1;
	}

	@Override
	public boolean supports(SqliteAddColumnStatement statement, Database database) {
		return database instanceof SQLiteDatabase;
	}

	@Override
	public ValidationErrors validate(SqliteAddColumnStatement statement, Database database,
			SqlGeneratorChain<SqliteAddColumnStatement> chain) {
		AddColumnStatement column = statement.getColumn();
		ValidationErrors errors = new ValidationErrors();
		errors.checkRequiredField("tableName", column.getTableName());
		errors.checkRequiredField("columnName", column.getColumnName());
		errors.checkRequiredField("columnType", column.getColumnType());
		return errors;
	}

	@Override
	public Sql[] generateSql(SqliteAddColumnStatement statement, Database database,
			SqlGeneratorChain<SqliteAddColumnStatement> chain) {
		AddColumnStatement column = statement.getColumn();
		LiquibaseDataType type = DataTypeFactory.getInstance().fromDescription(column.getColumnType(), database);
		StringBuilder sql = new StringBuilder("ALTER TABLE ")
			.append(database.escapeTableName(column.getCatalogName(), column.getSchemaName(), column.getTableName()))
			.append(" ADD COLUMN ")
			.append(database.escapeColumnName(column.getCatalogName(), column.getSchemaName(), column.getTableName(),
					column.getColumnName()))
			.append(' ')
			.append(type.toDatabaseDataType(database));
		if (!column.isNullable()) {
			sql.append(" NOT NULL");
		}
		if (column.getDefaultValue() != null) {
			sql.append(" DEFAULT ").append(type.objectToSql(column.getDefaultValue(), database));
		}
		Column affected = new Column().setName(column.getColumnName())
			.setRelation(new Table().setName(column.getTableName())
				.setSchema(column.getCatalogName(), column.getSchemaName()));
		return new Sql[] { new UnparsedSql(sql.toString(), affected) };
	}

}
