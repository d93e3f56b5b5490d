package io.paig.db.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddNotNullConstraintChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.changelog.ChangeSet;
import liquibase.diff.DiffResult;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.structure.core.Column;
import liquibase.structure.core.DataType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Warns of a change that the rows a table already has may make fail. A diff cannot see
 * the rows, nor choose a value for them, as Alembic's autogenerate cannot (Django asks
 * for a value), so each change stays as the diff wrote it and gets a warning that names
 * the way out:
 * <ul>
 * <li>a NOT NULL column without a default added to the table: PostgreSQL and SQLite
 * refuse the upgrade while the table has rows; MySQL and MariaDB fill the column with its
 * type's implicit value ({@code 0}, {@code ''}, a zero date), rarely what the entities
 * mean;</li>
 * <li>a column made NOT NULL: every database refuses the upgrade while a row holds NULL
 * in it;</li>
 * <li>a column narrowed (a shorter {@code varchar}, fewer digits): PostgreSQL and MariaDB
 * refuse the upgrade while a row holds a longer value, MySQL without strict mode cuts it;
 * fewer decimals round the values. On SQLite, whose declared types are only affinities,
 * type changes are not compared, so there is nothing to warn of.</li>
 * </ul>
 *
 * @author paig-db authors
 */
final class ExistingRowWarnings {

	private ExistingRowWarnings() {
	}

	/**
	 * The warnings for a revision's changesets.
	 * @param changeSets the revision's changesets, as the diff wrote them (before a
	 * column changed in place on MySQL/MariaDB becomes SQL)
	 * @param result the diff (its reference snapshot has the entities' columns, its
	 * comparison snapshot the database's)
	 * @param kind the database the revision is for
	 * @return one warning per NOT NULL column without a default that an {@code addColumn}
	 * adds, per column an {@code addNotNullConstraint} without a {@code defaultNullValue}
	 * makes NOT NULL, and per column a {@code modifyDataType} narrows
	 */
	static List<String> of(List<ChangeSet> changeSets, DiffResult result, DatabaseDriver kind) {
		List<String> warnings = new ArrayList<>();
		for (ChangeSet changeSet : changeSets) {
			for (Change change : changeSet.getChanges()) {
				if (change instanceof AddColumnChange add) {
					for (AddColumnConfig column : add.getColumns()) {
						if (notNullWithoutDefault(column)) {
							warnings.add(added(add.getTableName(), column, kind));
						}
					}
				}
				else if (change instanceof AddNotNullConstraintChange notNull
						&& notNull.getDefaultNullValue() == null) {
					warnings.add(madeNotNull(notNull.getTableName(), notNull.getColumnName(), kind));
				}
				else if (change instanceof ModifyDataTypeChange modify) {
					DataType before = type(result.getComparisonSnapshot(), modify.getTableName(),
							modify.getColumnName());
					DataType after = type(result.getReferenceSnapshot(), modify.getTableName(), modify.getColumnName());
					if (before != null && after != null && narrower(after, before)) {
						warnings.add(narrowed(modify.getTableName(), modify.getColumnName(), before, after));
					}
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

	/**
	 * Whether a type holds less than another of the same name: a shorter length, fewer
	 * digits or fewer decimals.
	 * @param after the entities' type
	 * @param before the database's type
	 * @return whether {@code after} is {@code before} narrowed
	 */
	private static boolean narrower(DataType after, DataType before) {
		if (after.getTypeName() == null || !after.getTypeName().equalsIgnoreCase(before.getTypeName())) {
			return false;
		}
		return smaller(after.getColumnSize(), before.getColumnSize())
				|| smaller(after.getDecimalDigits(), before.getDecimalDigits());
	}

	private static boolean smaller(@Nullable Integer after, @Nullable Integer before) {
		return after != null && before != null && after < before;
	}

	private static @Nullable DataType type(DatabaseSnapshot snapshot, String table, String name) {
		for (Column column : snapshot.get(Column.class)) {
			if (name.equalsIgnoreCase(column.getName())
					&& table.toLowerCase(Locale.ROOT).equals(SchemaObjects.tableOf(column))) {
				return column.getType();
			}
		}
		return null;
	}

	private static String added(String table, AddColumnConfig column, DatabaseDriver kind) {
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

	private static String madeNotNull(String table, String column, DatabaseDriver kind) {
		String fill = switch (kind) {
			case MYSQL, MARIADB, SQLITE -> "update them first (an update or sql change before this one)";
			default -> "update them first, or give the addNotNullConstraint a defaultNullValue (the value "
					+ "for those rows)";
		};
		return "column '" + table + "." + column + "' made NOT NULL: rows holding NULL in it make the upgrade fail; "
				+ fill;
	}

	/**
	 * The warning for a narrowed column.
	 * @param table the column's table
	 * @param column the column
	 * @param before the database's type
	 * @param after the entities' type
	 * @return a longer value fails the upgrade when the length or digits shrink; fewer
	 * decimals round it
	 */
	private static String narrowed(String table, String column, DataType before, DataType after) {
		String outcome = smaller(after.getColumnSize(), before.getColumnSize())
				? "rows holding a longer value make the upgrade fail (or, on MySQL without strict mode, are cut); "
						+ "shorten them first (an update or sql change before this one)"
				: "the values rows hold are rounded to " + after.getDecimalDigits() + " decimals";
		return "column '" + table + "." + column + "' narrowed from " + describe(before) + " to " + describe(after)
				+ ": " + outcome;
	}

	/**
	 * A type as its declaration says it, without Liquibase's size unit.
	 * @param type the type
	 * @return its name with its size and decimals
	 */
	private static String describe(DataType type) {
		if (type.getColumnSize() == null) {
			return type.getTypeName();
		}
		return type.getTypeName() + "(" + type.getColumnSize()
				+ ((type.getDecimalDigits() != null) ? ", " + type.getDecimalDigits() : "") + ")";
	}

}
