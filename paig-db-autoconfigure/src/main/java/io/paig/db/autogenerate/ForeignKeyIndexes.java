package io.paig.db.autogenerate;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import liquibase.change.Change;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.diff.DiffResult;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * Drops the index a foreign key needed along with the key, on databases that create one
 * for each foreign key and keep it when the key is dropped (MySQL, MariaDB).
 * <p>
 * Liquibase's diff leaves such an index out while its key is there, so a revision that
 * drops the key alone would leave an index the entities do not have, and the next
 * {@code db check} would ask for its drop. When the entities keep no index on those
 * columns, the {@code dropIndex} follows the {@code dropForeignKeyConstraint} in its
 * changeset ({@link DiffRollbacks} then gives each its rollback).
 *
 * @author paig-db authors
 */
final class ForeignKeyIndexes {

	private final DiffResult result;

	private final Database database;

	/**
	 * Create the step.
	 * @param result the diff of the entities' schema (reference) and the real database
	 * (comparison)
	 * @param database the real database
	 */
	ForeignKeyIndexes(DiffResult result, Database database) {
		this.result = result;
		this.database = database;
	}

	/**
	 * Add the drop of its index to each dropped foreign key's changeset, where the index
	 * is left otherwise.
	 * @param changeSets the changesets the diff generated
	 * @return the same changesets
	 */
	List<ChangeSet> add(List<ChangeSet> changeSets) {
		if (!this.database.createsIndexesForForeignKeys()) {
			return changeSets;
		}
		for (ChangeSet changeSet : changeSets) {
			for (Change change : List.copyOf(changeSet.getChanges())) {
				if (change instanceof DropForeignKeyConstraintChange drop && !addedBack(changeSet, drop)) {
					Index index = index(drop);
					if (index != null) {
						DropIndexChange dropIndex = new DropIndexChange();
						dropIndex.setTableName(drop.getBaseTableName());
						dropIndex.setIndexName(index.getName());
						changeSet.addChange(dropIndex);
					}
				}
			}
		}
		return changeSets;
	}

	/**
	 * Whether the key is dropped to be added anew (a changed key), which keeps needing
	 * its index.
	 * @param changeSet the changeset that drops the key
	 * @param drop the drop of the key
	 * @return {@code true} when the changeset adds the same key to the same table
	 */
	private static boolean addedBack(ChangeSet changeSet, DropForeignKeyConstraintChange drop) {
		return changeSet.getChanges()
			.stream()
			.anyMatch((change) -> change instanceof AddForeignKeyConstraintChange add
					&& drop.getBaseTableName().equalsIgnoreCase(add.getBaseTableName())
					&& drop.getConstraintName().equalsIgnoreCase(add.getConstraintName()));
	}

	/**
	 * The real database's index of the dropped key's columns, if the entities have none
	 * on them.
	 * @param drop the drop of the key
	 * @return the index, or {@code null} when the key or its index is not found or the
	 * entities index the same columns
	 */
	private @Nullable Index index(DropForeignKeyConstraintChange drop) {
		String table = drop.getBaseTableName().toLowerCase(Locale.ROOT);
		ForeignKey key = this.result.getComparisonSnapshot()
			.get(ForeignKey.class)
			.stream()
			.filter((candidate) -> table.equals(SchemaObjects.tableOf(candidate))
					&& drop.getConstraintName().equalsIgnoreCase(candidate.getName()))
			.findFirst()
			.orElse(null);
		if (key == null) {
			return null;
		}
		String columns = columns(key.getForeignKeyColumns());
		if (covered(this.result.getReferenceSnapshot(), table, columns)) {
			return null;
		}
		return this.result.getComparisonSnapshot()
			.get(Index.class)
			.stream()
			.filter((index) -> table.equals(SchemaObjects.tableOf(index))
					&& columns.equals(columns(index.getColumns())))
			.findFirst()
			.orElse(null);
	}

	private static boolean covered(DatabaseSnapshot snapshot, String table, String columns) {
		return snapshot.get(Index.class)
			.stream()
			.anyMatch((index) -> table.equals(SchemaObjects.tableOf(index))
					&& columns.equals(columns(index.getColumns())))
				|| snapshot.get(UniqueConstraint.class)
					.stream()
					.anyMatch((unique) -> table.equals(SchemaObjects.tableOf(unique))
							&& columns.equals(columns(unique.getColumns())));
	}

	private static String columns(List<Column> columns) {
		return columns.stream()
			.map((column) -> column.getName().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(","));
	}

}
