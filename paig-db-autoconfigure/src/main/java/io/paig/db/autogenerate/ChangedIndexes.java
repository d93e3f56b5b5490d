package io.paig.db.autogenerate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import liquibase.change.Change;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropUniqueConstraintChange;
import liquibase.changelog.ChangeSet;
import liquibase.diff.DiffResult;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.Index;
import liquibase.structure.core.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * Makes the drops of a changed index or unique constraint name what the database has.
 * Liquibase's diff takes two indexes on the same columns of a table for the same index
 * whatever their names and kinds, and writes a changed one as a drop and an add, both
 * with the entities' name: the drop then names an object the database does not have, and
 * the upgrade fails. So where a unique constraint became a plain index on the same
 * columns, or the other way round, or an index on the same columns has another name:
 * <ul>
 * <li>a drop of an index or unique constraint the database does not have becomes the drop
 * of the database's index (or of the unique constraint it backs) on those columns;</li>
 * <li>a drop of an index goes where a drop of the revision already takes it (a dropped
 * unique constraint takes its index with it; Liquibase 5 names the database's index but
 * still drops it after its constraint);</li>
 * <li>a unique constraint added twice (once as missing, once as the second half of a
 * changed one) is added once.</li>
 * </ul>
 * {@link DiffRollbacks} then gives each drop its rollback by the database's name.
 *
 * @author paig-db authors
 */
final class ChangedIndexes {

	private final DiffResult result;

	/**
	 * Create the step.
	 * @param result the diff of the entities' schema (reference) and the real database
	 * (comparison)
	 */
	ChangedIndexes(DiffResult result) {
		this.result = result;
	}

	/**
	 * Name each drop of an index as the database has it, or leave it out where a dropped
	 * unique constraint takes the index with it.
	 * @param changeSets the changesets the diff generated
	 * @return the changesets, less those left with no change
	 */
	List<ChangeSet> rename(List<ChangeSet> changeSets) {
		Set<String> droppedConstraints = new HashSet<>();
		changeSets.forEach((changeSet) -> changeSet.getChanges()
			.stream()
			.filter(DropUniqueConstraintChange.class::isInstance)
			.map((change) -> (DropUniqueConstraintChange) change)
			.filter((drop) -> constraintExists(drop.getTableName(), drop.getConstraintName()))
			.forEach((drop) -> droppedConstraints.add(key(drop.getTableName(), drop.getConstraintName()))));
		Set<String> addedConstraints = new HashSet<>();
		List<ChangeSet> kept = new ArrayList<>();
		for (ChangeSet changeSet : changeSets) {
			List<Change> changes = new ArrayList<>();
			for (Change change : changeSet.getChanges()) {
				Change fixed = fix(change, droppedConstraints, addedConstraints);
				if (fixed != null) {
					changes.add(fixed);
				}
			}
			if (changes.equals(changeSet.getChanges())) {
				kept.add(changeSet);
			}
			else if (!changes.isEmpty()) {
				ChangeSet fixed = DiffRollbacks.copy(changeSet, changeSet.getId());
				changes.forEach(fixed::addChange);
				changeSet.getRollback().getChanges().forEach(fixed::addRollbackChange);
				kept.add(fixed);
			}
		}
		return kept;
	}

	/**
	 * The change as it should be.
	 * @param change a change of the diff
	 * @param droppedConstraints the unique constraints the revision drops, by table
	 * @param addedConstraints the unique constraints added so far, by table
	 * @return the change, or {@code null} when it should go
	 */
	private @Nullable Change fix(Change change, Set<String> droppedConstraints, Set<String> addedConstraints) {
		if (change instanceof DropIndexChange drop) {
			Index real = find(this.result.getComparisonSnapshot().get(Index.class), drop.getTableName(),
					drop.getIndexName());
			if (real == null) {
				// a changed index whose database twin has another name
				Index entities = find(this.result.getReferenceSnapshot().get(Index.class), drop.getTableName(),
						drop.getIndexName());
				if (entities == null) {
					return change;
				}
				real = indexOn(drop.getTableName(), columns(entities.getColumns()));
			}
			Change fixed = (real != null) ? dropOf(drop.getTableName(), real, droppedConstraints) : null;
			return (fixed instanceof DropIndexChange same && same.getIndexName().equals(drop.getIndexName())) ? change
					: fixed;
		}
		if (change instanceof DropUniqueConstraintChange drop
				&& !constraintExists(drop.getTableName(), drop.getConstraintName())) {
			// a unique constraint of the entities whose database twin is a plain index
			UniqueConstraint entities = find(this.result.getReferenceSnapshot().get(UniqueConstraint.class),
					drop.getTableName(), drop.getConstraintName());
			Index real = (entities != null) ? indexOn(drop.getTableName(), columns(entities.getColumns())) : null;
			return (real != null) ? dropOf(drop.getTableName(), real, droppedConstraints) : null;
		}
		if (change instanceof AddUniqueConstraintChange add
				&& !addedConstraints.add(key(add.getTableName(), add.getConstraintName()))) {
			// added once as missing, once more as the second half of a changed one
			return null;
		}
		return change;
	}

	/**
	 * The database's index on these columns of a table.
	 * @param table the table
	 * @param columns the columns, in order, in lower case
	 * @return the index, or {@code null}
	 */
	private @Nullable Index indexOn(String table, List<String> columns) {
		return this.result.getComparisonSnapshot()
			.get(Index.class)
			.stream()
			.filter((index) -> on(index, table) && columns(index.getColumns()).equals(columns))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The drop of a database's index, or of the unique constraint it backs.
	 * @param table the table
	 * @param real the database's index
	 * @param droppedConstraints the unique constraints the revision drops, by table
	 * @return the drop, or {@code null} when a drop of the revision takes the index
	 * already (a dropped unique constraint takes its index with it)
	 */
	private @Nullable Change dropOf(String table, Index real, Set<String> droppedConstraints) {
		String constraint = backedConstraint(real);
		if (constraint != null) {
			if (droppedConstraints.contains(key(table, constraint))) {
				return null;
			}
			DropUniqueConstraintChange drop = new DropUniqueConstraintChange();
			drop.setTableName(table);
			drop.setConstraintName(constraint);
			droppedConstraints.add(key(table, constraint));
			return drop;
		}
		DropIndexChange drop = new DropIndexChange();
		drop.setTableName(table);
		drop.setIndexName(real.getName());
		return drop;
	}

	private boolean constraintExists(String table, String name) {
		return find(this.result.getComparisonSnapshot().get(UniqueConstraint.class), table, name) != null;
	}

	private static <T extends DatabaseObject> @Nullable T find(Set<T> objects, String table, @Nullable String name) {
		return objects.stream()
			.filter((object) -> on(object, table) && name != null && name.equalsIgnoreCase(object.getName()))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The name of the database's unique constraint the index backs (on PostgreSQL and
	 * MySQL the constraint and its index share the name).
	 * @param index the database's index
	 * @return the constraint's name, or {@code null}
	 */
	private @Nullable String backedConstraint(Index index) {
		return this.result.getComparisonSnapshot()
			.get(UniqueConstraint.class)
			.stream()
			.filter((constraint) -> on(constraint, SchemaObjects.tableOf(index))
					&& (index.getName().equalsIgnoreCase(constraint.getName()) || (constraint.getBackingIndex() != null
							&& index.getName().equalsIgnoreCase(constraint.getBackingIndex().getName()))))
			.map(UniqueConstraint::getName)
			.findFirst()
			.orElse(null);
	}

	private static List<String> columns(List<Column> columns) {
		return columns.stream().map(Column::getName).map((name) -> name.toLowerCase(Locale.ROOT)).toList();
	}

	private static String key(String table, String name) {
		return (table + "." + name).toLowerCase(Locale.ROOT);
	}

	private static boolean on(DatabaseObject object, @Nullable String table) {
		return table != null && table.toLowerCase(Locale.ROOT).equals(SchemaObjects.tableOf(object));
	}

}
