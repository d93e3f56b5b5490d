package io.paig.db.autogenerate;

import java.util.List;
import java.util.stream.Collectors;

import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.unique.AlterTableUniqueDelegate;
import org.hibernate.dialect.unique.UniqueDelegate;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.tool.schema.internal.StandardTableExporter;
import org.hibernate.tool.schema.spi.Exporter;

/**
 * Hibernate's community SQLite dialect for autogenerate's scratch export only: SQLite has
 * no {@code ALTER TABLE ... ADD CONSTRAINT}, so Hibernate's schema export leaves foreign
 * keys out on SQLite ({@code hasAlterTable()} is {@code false}). This dialect's table
 * exporter writes each table's foreign keys inline in its {@code CREATE TABLE}, as SQLite
 * accepts them, so that Liquibase's diff sees them on SQLite as on the other databases.
 * Never used for the application's own session factory.
 *
 * @author paig-db authors
 */
public class ScratchSqliteDialect extends SQLiteDialect {

	private final Exporter<Table> tableExporter = new InlineForeignKeysTableExporter(this);

	private final UniqueDelegate uniqueDelegate = new UniqueIndexDelegate(this);

	/**
	 * Create a dialect for the default SQLite version.
	 */
	public ScratchSqliteDialect() {
	}

	/**
	 * Create a dialect for the version the database reports.
	 * @param info what the database reports
	 */
	public ScratchSqliteDialect(DialectResolutionInfo info) {
		super(info);
	}

	@Override
	public Exporter<Table> getTableExporter() {
		return this.tableExporter;
	}

	@Override
	public UniqueDelegate getUniqueDelegate() {
		// unique keys as CREATE UNIQUE INDEX, which SQLite has (and what an @Index(unique
		// = true) is)
		return this.uniqueDelegate;
	}

	/**
	 * Hibernate's own table exporter, with
	 * {@code constraint ... foreign key (..) references t (..)} clauses before the
	 * closing parenthesis.
	 */
	static final class InlineForeignKeysTableExporter extends StandardTableExporter {

		InlineForeignKeysTableExporter(Dialect dialect) {
			super(dialect);
		}

		@Override
		protected void applyTableCheck(Table table, StringBuilder buf) {
			super.applyTableCheck(table, buf);
			for (ForeignKey foreignKey : table.getForeignKeyCollection()) {
				if (foreignKey.isCreationEnabled() && foreignKey.isPhysicalConstraint()
						&& foreignKey.getReferencedTable() != null) {
					buf.append(", ").append(clause(foreignKey));
				}
			}
		}

		private String clause(ForeignKey foreignKey) {
			List<Column> referenced = foreignKey.isReferenceToPrimaryKey()
					? foreignKey.getReferencedTable().getPrimaryKey().getColumns() : foreignKey.getReferencedColumns();
			StringBuilder clause = new StringBuilder();
			if (foreignKey.getName() != null) {
				clause.append("constraint ").append(this.dialect.quote(foreignKey.getName())).append(' ');
			}
			clause.append("foreign key (")
				.append(names(foreignKey.getColumns()))
				.append(") references ")
				.append(foreignKey.getReferencedTable().getQuotedName(this.dialect))
				.append(" (")
				.append(names(referenced))
				.append(')');
			OnDeleteAction onDelete = foreignKey.getOnDeleteAction();
			if (onDelete != null && onDelete != OnDeleteAction.NO_ACTION) {
				clause.append(" on delete ").append(onDelete.toSqlString());
			}
			return clause.toString();
		}

		private String names(List<Column> columns) {
			return columns.stream()
				.map((column) -> column.getQuotedName(this.dialect))
				.collect(Collectors.joining(", "));
		}

	}

	/**
	 * Unique keys as {@code create unique index}, the only way SQLite adds uniqueness to
	 * an existing table (and what an {@code @Index(unique = true)} means).
	 */
	static final class UniqueIndexDelegate extends AlterTableUniqueDelegate {

		UniqueIndexDelegate(Dialect dialect) {
			super(dialect);
		}

		@Override
		public String getAlterTableToAddUniqueKeyCommand(UniqueKey uniqueKey, Metadata metadata,
				SqlStringGenerationContext context) {
			return "create unique index " + uniqueKey.getName() + " on "
					+ context.format(uniqueKey.getTable().getQualifiedTableName()) + " ("
					+ uniqueKey.getColumns()
						.stream()
						.map((column) -> column.getQuotedName(this.dialect))
						.collect(Collectors.joining(", "))
					+ ")";
		}

		@Override
		public String getAlterTableToDropUniqueKeyCommand(UniqueKey uniqueKey, Metadata metadata,
				SqlStringGenerationContext context) {
			return "drop index if exists " + uniqueKey.getName();
		}

	}

}
