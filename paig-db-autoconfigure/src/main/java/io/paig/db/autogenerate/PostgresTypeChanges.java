package io.paig.db.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import liquibase.change.Change;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;

/**
 * Keeps a column's values whole when a revision changes its type to a character type on
 * PostgreSQL. Liquibase's {@code modifyDataType} there always casts explicitly
 * ({@code ALTER COLUMN name TYPE varchar(10) USING (name::varchar(10))}), and an explicit
 * cast to {@code varchar(n)} or {@code char(n)} cuts a longer value without a word: a
 * narrowed column, or the downgrade of a widened one, would lose the end of every longer
 * value. Without {@code USING}, PostgreSQL converts by its assignment cast, which every
 * type has to a character type and which refuses a value that does not fit, so the
 * revision stops and rolls back instead. Such a change, and such a rollback, are written
 * as that {@code ALTER TABLE}; other type changes keep Liquibase's cast, which they need.
 *
 * @author paig-db authors
 */
final class PostgresTypeChanges {

	private PostgresTypeChanges() {
	}

	/**
	 * Rewrite the changesets whose change or rollback changes a column to a character
	 * type.
	 * @param changeSets the changesets, each change with its own rollback
	 * @return the changesets, those rewritten in their place
	 */
	static List<ChangeSet> uncast(List<ChangeSet> changeSets) {
		List<ChangeSet> rewritten = new ArrayList<>();
		for (ChangeSet changeSet : changeSets) {
			List<Change> changes = changeSet.getChanges();
			List<Change> rollback = changeSet.getRollback().getChanges();
			if (changes.size() == 1 && changes.get(0) instanceof ModifyDataTypeChange modify
					&& (character(modify) || (rollback.size() == 1
							&& rollback.get(0) instanceof ModifyDataTypeChange back && character(back)))) {
				ChangeSet uncast = new ChangeSet(changeSet.getId(), changeSet.getAuthor(), false, false, null, null,
						null, changeSet.getObjectQuotingStrategy(), changeSet.getChangeLog());
				uncast.setComments("change type of column " + modify.getTableName() + "." + modify.getColumnName()
						+ " to " + modify.getNewDataType());
				uncast.addChange(character(modify) ? alter(modify) : modify);
				for (Change back : rollback) {
					uncast.addRollbackChange(
							(back instanceof ModifyDataTypeChange type && character(type)) ? alter(type) : back);
				}
				rewritten.add(uncast);
			}
			else {
				rewritten.add(changeSet);
			}
		}
		return rewritten;
	}

	/**
	 * Whether a change's new type is a character type of a length, which an explicit cast
	 * cuts values to.
	 * @param change the change
	 * @return whether it is {@code varchar(n)}, {@code char(n)} or a spelling of them
	 */
	private static boolean character(ModifyDataTypeChange change) {
		String type = change.getNewDataType().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
		return type.matches("(varchar|character varying|char|character|bpchar|nchar|nvarchar) ?\\(.*");
	}

	/**
	 * The {@code ALTER TABLE} that changes the column's type by PostgreSQL's assignment
	 * cast.
	 * @param change the change
	 * @return the change as SQL, in the change's schema if it names one
	 */
	private static RawSQLChange alter(ModifyDataTypeChange change) {
		String table = (change.getSchemaName() != null) ? quote(change.getSchemaName()) + "." : "";
		return new RawSQLChange("ALTER TABLE " + table + quote(change.getTableName()) + " ALTER COLUMN "
				+ quote(change.getColumnName()) + " TYPE " + change.getNewDataType());
	}

	private static String quote(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

}
