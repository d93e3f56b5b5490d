package io.paig.db.autogenerate;

import java.util.ArrayList;
import java.util.List;

import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddNotNullConstraintChange;
import liquibase.changelog.ChangeSet;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Warns of a NOT NULL column without a default added to a table that already exists: the
 * rows the table has cannot get a value for it. PostgreSQL and SQLite refuse the upgrade
 * while the table has rows; MySQL and MariaDB fill the column with its type's implicit
 * value ({@code 0}, {@code ''}, a zero date), which is rarely what the entities mean. A
 * diff cannot choose the value, as Alembic's autogenerate cannot (Django asks for one),
 * so the column keeps its {@code addColumn} and gets a warning that names both ways out.
 *
 * @author paig-db authors
 */
final class NotNullColumnWarnings {

	private NotNullColumnWarnings() {
	}

	/**
	 * The warnings for a revision's changesets.
	 * @param changeSets the revision's changesets, as the diff wrote them (before a
	 * column changed in place on MySQL/MariaDB becomes SQL)
	 * @param kind the database the revision is for
	 * @return one warning per NOT NULL column without a default that an {@code addColumn}
	 * adds, and one per column an {@code addNotNullConstraint} without a
	 * {@code defaultNullValue} makes NOT NULL
	 */
	static List<String> of(List<ChangeSet> changeSets, DatabaseDriver kind) {
		List<String> warnings = new ArrayList<>();
		for (ChangeSet changeSet : changeSets) {
			for (Change change : changeSet.getChanges()) {
				if (change instanceof AddColumnChange add) {
					for (AddColumnConfig column : add.getColumns()) {
						if (notNullWithoutDefault(column)) {
							warnings.add(warning(add.getTableName(), column, kind));
						}
					}
				}
				else if (change instanceof AddNotNullConstraintChange notNull
						&& notNull.getDefaultNullValue() == null) {
					warnings.add(madeNotNull(notNull.getTableName(), notNull.getColumnName(), kind));
				}
			}
		}
		return warnings;
	}

	/**
	 * Whether existing rows would have no value for the column.
	 * @param column an added column
	 * @return whether it is NOT NULL with no default and no generated value
	 */
	private static boolean notNullWithoutDefault(AddColumnConfig column) {
		return column.getConstraints() != null && Boolean.FALSE.equals(column.getConstraints().isNullable())
				&& !column.hasDefaultValue() && !Boolean.TRUE.equals(column.isAutoIncrement())
				&& !Boolean.TRUE.equals(column.getComputed());
	}

	private static String madeNotNull(String table, String column, DatabaseDriver kind) {
		String fill = switch (kind) {
			case MYSQL, MARIADB, SQLITE -> "update them first (an update or sql change before this one)";
			default -> "update them first, or give the addNotNullConstraint a defaultNullValue (the value "
					+ "for those rows)";
		};
		return "column '" + table + "." + column + "' made NOT NULL: rows holding NULL in it make the upgrade fail; "
				+ fill;
	}

	private static String warning(String table, AddColumnConfig column, DatabaseDriver kind) {
		String outcome = switch (kind) {
			case MYSQL, MARIADB -> "the rows " + table + " has get the type's implicit value (0, '' or a zero date)";
			default -> "the upgrade fails while " + table + " has rows";
		};
		return "column '" + column.getName() + "' added to table '" + table + "' as NOT NULL with no default: "
				+ outcome + ". Give the field a server default (@ColumnDefault), or write the column here without "
				+ "'nullable: false' and follow it with addNotNullConstraint (tableName: " + table + ", columnName: "
				+ column.getName() + ", columnDataType: " + column.getType()
				+ ", defaultNullValue: <the value for the existing rows>)";
	}

}
