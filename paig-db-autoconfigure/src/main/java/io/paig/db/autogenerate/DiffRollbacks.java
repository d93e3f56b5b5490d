package io.paig.db.autogenerate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.AddDefaultValueChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropDefaultValueChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropPrimaryKeyChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.DropUniqueConstraintChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.SetColumnRemarksChange;
import liquibase.change.core.SetTableRemarksChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.diff.DiffResult;
import liquibase.diff.Difference;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.ChangeGeneratorFactory;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * Gives the changesets of Liquibase's diff the rollback Liquibase cannot derive, as
 * Alembic's autogenerate writes the downgrade of a drop: a dropped column, table, index,
 * foreign key, unique constraint or primary key is created again as the database has it
 * now (its data is not restored), and a changed column type, a dropped default or a
 * changed column or table comment goes back to the database's.
 * <p>
 * The rollback changes are Liquibase's own, from the real database's snapshot in the diff
 * result: {@link ChangeGeneratorFactory#fixMissing} of the dropped object,
 * {@link ChangeGeneratorFactory#fixChanged} of a changed column with the difference
 * turned round. A changeset of several changes (Liquibase writes a changed foreign key,
 * index or unique constraint as a drop and an add) is split into one changeset per
 * change, so that each keeps its derived rollback or gets its own and a downgrade undoes
 * them in reverse; the changesets are then numbered again. A change this class does not
 * know stays without a rollback, and the revision is irreversible as before.
 *
 * @author paig-db authors
 */
final class DiffRollbacks {

	private final DiffResult result;

	private final Database database;

	/**
	 * Create the rollbacks of a diff.
	 * @param result the diff of the entities' schema (reference) and the real database
	 * (comparison)
	 * @param database the real database, where the changesets and their rollbacks run
	 */
	DiffRollbacks(DiffResult result, Database database) {
		this.result = result;
		this.database = database;
	}

	/**
	 * Add the rollbacks the changesets need.
	 * @param changeSets the changesets the diff generated, in order
	 * @param revisionId the revision id, to number the changesets again when one is split
	 * @return the changesets, each change without a derived rollback given one where
	 * known
	 */
	List<ChangeSet> add(List<ChangeSet> changeSets, String revisionId) {
		List<ChangeSet> added = new ArrayList<>();
		boolean split = false;
		for (ChangeSet changeSet : changeSets) {
			List<Change> changes = changeSet.getChanges();
			if (changes.stream().allMatch(this::reversible)) {
				added.add(changeSet);
			}
			else if (changes.size() == 1) {
				List<Change> rollback = rollback(changes.get(0));
				rollback.forEach(changeSet::addRollbackChange);
				added.add(changeSet);
			}
			else {
				split = true;
				for (Change change : changes) {
					ChangeSet single = copy(changeSet, changeSet.getId());
					single.addChange(change);
					if (!reversible(change)) {
						rollback(change).forEach(single::addRollbackChange);
					}
					added.add(single);
				}
			}
		}
		if (!split) {
			return added;
		}
		List<ChangeSet> numbered = new ArrayList<>();
		for (ChangeSet changeSet : added) {
			ChangeSet renamed = copy(changeSet, revisionId + "-" + (numbered.size() + 1));
			changeSet.getChanges().forEach(renamed::addChange);
			changeSet.getRollback().getChanges().forEach(renamed::addRollbackChange);
			numbered.add(renamed);
		}
		return numbered;
	}

	static ChangeSet copy(ChangeSet changeSet, String id) {
		return new ChangeSet(id, changeSet.getAuthor(), false, false, null, null, null,
				changeSet.getObjectQuotingStrategy(), changeSet.getChangeLog());
	}

	private boolean reversible(Change change) {
		if (change instanceof AddDefaultValueChange add && hasDefault(add.getTableName(), add.getColumnName())) {
			// Liquibase's derived rollback drops the default; a changed default must get
			// the old one back
			return false;
		}
		try {
			return change.supportsRollback(this.database);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The changes that undo a change, in the order they run; empty if not known.
	 * @param change a change the diff generated
	 * @return the changes that undo it, or an empty list
	 */
	List<Change> rollback(Change change) {
		if (change instanceof DropColumnChange drop) {
			List<String> names = (drop.getColumnName() != null) ? List.of(drop.getColumnName())
					: drop.getColumns().stream().map(ColumnConfig::getName).toList();
			List<Change> rollback = new ArrayList<>();
			for (String name : names) {
				List<Change> added = missing(Column.class,
						(column) -> on(column, drop.getTableName()) && named(column, name));
				if (added.isEmpty()) {
					return List.of();
				}
				rollback.addAll(added);
			}
			return rollback;
		}
		if (change instanceof DropTableChange drop) {
			return missing(Table.class, (table) -> named(table, drop.getTableName()));
		}
		if (change instanceof DropIndexChange drop) {
			return missing(Index.class, (index) -> named(index, drop.getIndexName())
					&& (drop.getTableName() == null || on(index, drop.getTableName())));
		}
		if (change instanceof DropForeignKeyConstraintChange drop) {
			return missing(ForeignKey.class,
					(key) -> named(key, drop.getConstraintName()) && on(key, drop.getBaseTableName()));
		}
		if (change instanceof DropUniqueConstraintChange drop) {
			return missing(UniqueConstraint.class,
					(unique) -> named(unique, drop.getConstraintName()) && on(unique, drop.getTableName()));
		}
		if (change instanceof DropPrimaryKeyChange drop) {
			return missing(PrimaryKey.class, (key) -> on(key, drop.getTableName()));
		}
		if (change instanceof ModifyDataTypeChange modify) {
			return changedBack(modify.getTableName(), modify.getColumnName(), "type");
		}
		if (change instanceof DropDefaultValueChange drop) {
			return changedBack(drop.getTableName(), drop.getColumnName(), "defaultValue");
		}
		if (change instanceof AddDefaultValueChange add) {
			return changedBack(add.getTableName(), add.getColumnName(), "defaultValue");
		}
		if (change instanceof SetColumnRemarksChange remarks) {
			List<Change> back = changedBack(remarks.getTableName(), remarks.getColumnName(), "remarks");
			// no comment before: an empty one, which both PostgreSQL and MySQL take as
			// none
			back.stream()
				.filter((each) -> each instanceof SetColumnRemarksChange old && old.getRemarks() == null)
				.forEach((each) -> ((SetColumnRemarksChange) each).setRemarks(""));
			return back;
		}
		if (change instanceof SetTableRemarksChange remarks) {
			return tableRemarksBack(remarks);
		}
		return List.of();
	}

	/**
	 * The change that gives a table its comment back, as the real database has it (an
	 * empty one where there was none, which PostgreSQL and MySQL take as none).
	 * @param change the change of the table's comment
	 * @return the change back, or an empty list when the table is not in the database
	 */
	private List<Change> tableRemarksBack(SetTableRemarksChange change) {
		return this.result.getComparisonSnapshot()
			.get(Table.class)
			.stream()
			.filter((table) -> named(table, change.getTableName()))
			.findFirst()
			.map((table) -> {
				SetTableRemarksChange back = new SetTableRemarksChange();
				back.setCatalogName(change.getCatalogName());
				back.setSchemaName(change.getSchemaName());
				back.setTableName(change.getTableName());
				back.setRemarks((table.getRemarks() != null) ? table.getRemarks() : "");
				return List.<Change>of(back);
			})
			.orElse(List.of());
	}

	/**
	 * Whether the real database's column has a default.
	 * @param table the column's table
	 * @param name the column
	 * @return {@code true} when it has one
	 */
	private boolean hasDefault(String table, String name) {
		return this.result.getComparisonSnapshot()
			.get(Column.class)
			.stream()
			.anyMatch((column) -> on(column, table) && named(column, name) && column.getDefaultValue() != null);
	}

	/**
	 * Liquibase's changes that create the real database's object of a type that matches.
	 * @param <T> the object's type
	 * @param type the object's type
	 * @param matches whether an object of the real database is the one wanted
	 * @return the changes that create the first object that matches, or an empty list
	 * when none does
	 */
	private <T extends DatabaseObject> List<Change> missing(Class<T> type, Predicate<T> matches) {
		for (T object : this.result.getComparisonSnapshot().get(type)) {
			if (matches.test(object)) {
				Change[] changes = ChangeGeneratorFactory.getInstance()
					.fixMissing(object, control(), this.database, this.database);
				return (changes != null) ? Arrays.stream(changes).filter(Objects::nonNull).toList() : List.of();
			}
		}
		return List.of();
	}

	/**
	 * Liquibase's changes that take one field of a changed column back to the real
	 * database's value.
	 * @param table the column's table
	 * @param name the column's name
	 * @param field the field that changed, such as {@code type} or {@code defaultValue}
	 * @return the changes, or an empty list when the column or the field did not change
	 */
	private List<Change> changedBack(String table, String name, String field) {
		for (Map.Entry<Column, ObjectDifferences> entry : this.result.getChangedObjects(Column.class).entrySet()) {
			Column entities = entry.getKey();
			Difference difference = entry.getValue().getDifference(field);
			if (difference == null || !on(entities, table) || !named(entities, name)) {
				continue;
			}
			Column real = this.result.getComparisonSnapshot()
				.get(Column.class)
				.stream()
				.filter((column) -> on(column, table) && named(column, name))
				.findFirst()
				.orElse(null);
			if (real == null) {
				return List.of();
			}
			ObjectDifferences back = new ObjectDifferences(this.result.getCompareControl());
			back.addDifference(difference.getMessage(), field, difference.getComparedValue(),
					difference.getReferenceValue());
			Change[] changes = ChangeGeneratorFactory.getInstance()
				.fixChanged(real, back, control(), this.database, this.database);
			return (changes != null) ? Arrays.stream(changes).filter(Objects::nonNull).toList() : List.of();
		}
		return List.of();
	}

	/**
	 * A control of its own for each object: Liquibase marks in it what a change handles
	 * along (a foreign key its index on MySQL), which must not hide that object's own
	 * rollback.
	 * @return a new control
	 */
	private static DiffOutputControl control() {
		return new DiffOutputControl(false, false, false, null);
	}

	private static boolean on(DatabaseObject object, @Nullable String table) {
		return table != null && table.toLowerCase(Locale.ROOT).equals(SchemaObjects.tableOf(object));
	}

	private static boolean named(DatabaseObject object, @Nullable String name) {
		return name != null && name.equalsIgnoreCase(object.getName());
	}

}
