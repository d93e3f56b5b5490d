package io.paig.db.autogenerate;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import org.jspecify.annotations.Nullable;

/**
 * Shapes the changesets Liquibase's diff generates into a revision that works on SQLite,
 * where {@code ALTER TABLE} can add and drop columns and little else:
 * <ul>
 * <li>the foreign keys of a table created in the same revision go into its
 * {@code createTable} (a {@code createTable} from the scratch's own {@code CREATE TABLE}
 * when a key is more than {@code createTable}'s column constraints can say), so the table
 * is created with them;</li>
 * <li>a table that changes in any other way than an added nullable column or an added or
 * dropped index is rebuilt ({@link SqliteTableRebuild}), all its changes in one
 * rebuild;</li>
 * <li>an added nullable column stays Liquibase's typed {@code addColumn}, which paig-db
 * runs in place on SQLite ({@code io.paig.db.migration.sqlite.SqliteAddColumnChange}),
 * its derived rollback too.</li>
 * </ul>
 *
 * @author paig-db authors
 */
final class SqliteChangeSets {

	private final Connection real;

	private final Connection scratch;

	/**
	 * Create a shaper.
	 * @param real a connection to the real database
	 * @param scratch a connection to the scratch database the entities' schema was
	 * exported into
	 */
	SqliteChangeSets(Connection real, Connection scratch) {
		this.real = real;
		this.scratch = scratch;
	}

	/**
	 * Shape the changesets.
	 * @param changeSets the generated changesets
	 * @param revisionId the revision id, for the ids of added changesets
	 * @return the changesets to serialize and the YAML of the rebuilds that follow them
	 * @throws SQLException on failure to read a table's definition
	 */
	Shaped shape(List<ChangeSet> changeSets, String revisionId) throws SQLException {
		Map<String, CreateTableChange> created = new LinkedHashMap<>();
		for (ChangeSet changeSet : changeSets) {
			for (Change change : changeSet.getChanges()) {
				if (change instanceof CreateTableChange create) {
					created.put(lower(create.getTableName()), create);
				}
			}
		}
		Map<String, List<String>> rebuilt = new LinkedHashMap<>();
		Set<String> createdAsSql = new LinkedHashSet<>();
		for (ChangeSet changeSet : changeSets) {
			for (Change change : changeSet.getChanges()) {
				String table = tableOf(change);
				if (table == null) {
					continue;
				}
				if (created.containsKey(table)) {
					if (change instanceof AddForeignKeyConstraintChange foreignKey && !foldable(foreignKey)) {
						createdAsSql.add(table);
					}
				}
				else if (!inPlace(change)) {
					rebuilt.computeIfAbsent(table, (key) -> new ArrayList<>()).add(change.getDescription());
				}
			}
		}
		List<ChangeSet> shaped = new ArrayList<>();
		int last = 0;
		for (ChangeSet changeSet : changeSets) {
			last = Math.max(last, number(changeSet.getId()));
			List<Change> kept = new ArrayList<>();
			List<Change> rollback = new ArrayList<>();
			boolean same = true;
			for (Change change : changeSet.getChanges()) {
				String table = tableOf(change);
				if (table != null && rebuilt.containsKey(table)) {
					same = false;
					continue;
				}
				if (change instanceof AddForeignKeyConstraintChange foreignKey && created.containsKey(table)) {
					if (!createdAsSql.contains(table)) {
						fold(foreignKey, created.get(table));
					}
					same = false;
					continue;
				}
				if (change instanceof CreateTableChange create && createdAsSql.contains(table)) {
					kept.add(createFromScratch(create));
					DropTableChange drop = new DropTableChange();
					drop.setTableName(create.getTableName());
					rollback.add(drop);
					same = false;
					continue;
				}
				kept.add(change);
			}
			if (kept.isEmpty()) {
				continue;
			}
			ChangeSet target = changeSet;
			if (!same) {
				target = new ChangeSet(changeSet.getId(), changeSet.getAuthor(), false, false, null, null, null,
						changeSet.getObjectQuotingStrategy(), changeSet.getChangeLog());
				kept.forEach(target::addChange);
			}
			// an explicit rollback replaces the derived one of every change of the
			// changeset
			if (kept.stream().allMatch((change) -> change instanceof RawSQLChange)) {
				rollback.forEach(target::addRollbackChange);
			}
			shaped.add(target);
		}
		StringBuilder rebuilds = new StringBuilder();
		for (Map.Entry<String, List<String>> entry : rebuilt.entrySet()) {
			SqliteTableRebuild rebuild = SqliteTableRebuild.plan(entry.getKey(), this.real, this.scratch);
			rebuilds.append(rebuild.changeSet(revisionId + "-" + (++last), String.join("; ", entry.getValue())));
		}
		return new Shaped(shaped, rebuilds.toString(), List.copyOf(rebuilt.keySet()));
	}

	private Change createFromScratch(CreateTableChange create) throws SQLException {
		SqliteTableRebuild.Definition definition = SqliteTableRebuild.Definition.read(this.scratch,
				create.getTableName());
		if (definition == null) {
			return create;
		}
		return sql(definition.createSql());
	}

	private static RawSQLChange sql(String sql) {
		RawSQLChange change = new RawSQLChange(sql);
		change.setSplitStatements(false);
		return change;
	}

	/**
	 * Whether a foreign key can be said as a column constraint of {@code createTable}:
	 * one column, and an {@code ON DELETE} of {@code CASCADE} or none, no
	 * {@code ON UPDATE}.
	 * @param foreignKey the foreign key added
	 * @return {@code true} when it can be folded into its column
	 */
	private static boolean foldable(AddForeignKeyConstraintChange foreignKey) {
		return !foreignKey.getBaseColumnNames().contains(",") && !foreignKey.getReferencedColumnNames().contains(",")
				&& noAction(foreignKey.getOnUpdate())
				&& (noAction(foreignKey.getOnDelete()) || "CASCADE".equalsIgnoreCase(foreignKey.getOnDelete()));
	}

	private static boolean noAction(@Nullable String action) {
		return action == null || "NO ACTION".equalsIgnoreCase(action);
	}

	private static void fold(AddForeignKeyConstraintChange foreignKey, CreateTableChange create) {
		for (ColumnConfig column : create.getColumns()) {
			if (column.getName().equalsIgnoreCase(foreignKey.getBaseColumnNames().trim())) {
				ConstraintsConfig constraints = (column.getConstraints() != null) ? column.getConstraints()
						: new ConstraintsConfig();
				constraints.setForeignKeyName(foreignKey.getConstraintName());
				constraints.setReferencedTableName(foreignKey.getReferencedTableName());
				constraints.setReferencedColumnNames(foreignKey.getReferencedColumnNames().trim());
				if ("CASCADE".equalsIgnoreCase(foreignKey.getOnDelete())) {
					constraints.setDeleteCascade(true);
				}
				column.setConstraints(constraints);
				return;
			}
		}
	}

	/**
	 * Whether SQLite makes a change to an existing table in place: an index added or
	 * dropped, a nullable column without constraints added.
	 * @param change a change to an existing table
	 * @return {@code true} when SQLite needs no rebuild of the table for it
	 */
	private static boolean inPlace(Change change) {
		if (change instanceof CreateIndexChange || change instanceof DropIndexChange) {
			return true;
		}
		if (change instanceof AddColumnChange add) {
			return add.getColumns().stream().allMatch(SqliteChangeSets::plain);
		}
		return false;
	}

	private static boolean plain(ColumnConfig column) {
		ConstraintsConfig constraints = column.getConstraints();
		if (column.getDefaultValueObject() != null || column.getType() == null) {
			return false;
		}
		return constraints == null
				|| (!Boolean.FALSE.equals(constraints.isNullable()) && !Boolean.TRUE.equals(constraints.isPrimaryKey())
						&& !Boolean.TRUE.equals(constraints.isUnique()) && constraints.getReferences() == null
						&& constraints.getReferencedTableName() == null && constraints.getForeignKeyName() == null);
	}

	/**
	 * The table a change is about, in lower case: its base table for a foreign key.
	 * @param change the change
	 * @return the table's name, or {@code null} when the change names no table
	 */
	static @Nullable String tableOf(Change change) {
		for (String getter : new String[] { "getBaseTableName", "getTableName" }) {
			try {
				Method method = change.getClass().getMethod(getter);
				Object table = method.invoke(change);
				if (table instanceof String name) {
					return lower(name);
				}
			}
			catch (ReflectiveOperationException ex) {
				// not this kind of change
			}
		}
		return null;
	}

	private static int number(String id) {
		int dash = id.lastIndexOf('-');
		try {
			return (dash >= 0) ? Integer.parseInt(id.substring(dash + 1)) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * The changesets shaped for SQLite.
	 *
	 * @param changeSets the changesets to serialize
	 * @param rebuilds the YAML of the rebuild changesets that follow them, empty if none
	 * @param rebuiltTables the tables rebuilt
	 */
	record Shaped(List<ChangeSet> changeSets, String rebuilds, List<String> rebuiltTables) {

	}

}
