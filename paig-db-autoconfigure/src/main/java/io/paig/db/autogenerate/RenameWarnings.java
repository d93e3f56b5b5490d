package io.paig.db.autogenerate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.DropColumnChange;
import liquibase.changelog.ChangeSet;
import liquibase.diff.DiffResult;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.structure.core.Column;
import org.jspecify.annotations.Nullable;

/**
 * Warns of a column that may have been renamed. A diff cannot tell a renamed column from
 * a dropped one and an added one, and Alembic's autogenerate cannot either: both write
 * the drop and the add, which loses the column's data. So a dropped and an added column
 * of the same type in one table keep their {@code dropColumn} and {@code addColumn}, and
 * get a warning that says how to write the {@code renameColumn} instead.
 *
 * @author paig-db authors
 */
final class RenameWarnings {

	private RenameWarnings() {
	}

	/**
	 * The warnings for the changesets of a diff.
	 * @param changeSets the changesets the diff generated
	 * @param result the diff (its reference snapshot has the added columns, its
	 * comparison snapshot the dropped ones)
	 * @return one warning per dropped and added column of the same type in one table
	 */
	static List<String> of(List<ChangeSet> changeSets, DiffResult result) {
		Map<String, List<String>> dropped = new LinkedHashMap<>();
		Map<String, List<String>> added = new LinkedHashMap<>();
		for (ChangeSet changeSet : changeSets) {
			for (Change change : changeSet.getChanges()) {
				if (change instanceof DropColumnChange drop) {
					List<String> names = (drop.getColumnName() != null) ? List.of(drop.getColumnName())
							: drop.getColumns().stream().map(ColumnConfig::getName).toList();
					dropped.computeIfAbsent(drop.getTableName(), (table) -> new ArrayList<>()).addAll(names);
				}
				else if (change instanceof AddColumnChange add) {
					added.computeIfAbsent(add.getTableName(), (table) -> new ArrayList<>())
						.addAll(add.getColumns().stream().map(AddColumnConfig::getName).toList());
				}
			}
		}
		List<String> warnings = new ArrayList<>();
		dropped.forEach((table, oldNames) -> {
			for (String oldName : oldNames) {
				String oldType = type(result.getComparisonSnapshot(), table, oldName);
				for (String newName : added.getOrDefault(table, List.of())) {
					String newType = type(result.getReferenceSnapshot(), table, newName);
					if (oldType != null && oldType.equals(newType)) {
						warnings.add(warning(table, oldName, newName, oldType));
					}
				}
			}
		});
		return warnings;
	}

	/**
	 * The warnings as YAML comments, to stand above the changesets in the revision file.
	 * @param warnings the warnings
	 * @return the comment lines, each ending in a line break; empty without warnings
	 */
	static String comments(List<String> warnings) {
		StringBuilder comments = new StringBuilder();
		for (String warning : warnings) {
			comments.append("  # WARNING: ").append(warning).append('\n');
		}
		return comments.toString();
	}

	private static String warning(String table, String oldName, String newName, String type) {
		return "column '" + oldName + "' dropped and column '" + newName + "' added in table '" + table
				+ "' with the same type (" + type + "): if this is a rename, replace both with renameColumn "
				+ "(tableName: " + table + ", oldColumnName: " + oldName + ", newColumnName: " + newName
				+ ", columnDataType: " + type + ") or the data in '" + oldName + "' is lost";
	}

	private static @Nullable String type(DatabaseSnapshot snapshot, String table, String name) {
		for (Column column : snapshot.get(Column.class)) {
			if (name.equalsIgnoreCase(column.getName())
					&& table.toLowerCase(Locale.ROOT).equals(SchemaObjects.tableOf(column))) {
				return (column.getType() != null) ? column.getType().toString().toUpperCase(Locale.ROOT) : null;
			}
		}
		return null;
	}

}
