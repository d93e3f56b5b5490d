package io.paig.db.autogenerate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;

/**
 * Creates the MariaDB sequences the entities need and the database lacks: Hibernate's
 * default id generator draws from one ({@code <entity>_SEQ}), so a new entity's revision
 * must create it. Liquibase does not see them: Connector/J reports MariaDB's version as
 * {@code 5.5.5-...}, below the 10.3 Liquibase wants for sequences, and lists each as a
 * table and a view ({@link MySqlTables} tells which they are, and the comparison leaves
 * those tables out). Each gets a {@code sql} changeset of the scratch's own
 * {@code SHOW CREATE SEQUENCE}, with {@code DROP SEQUENCE} as its rollback. A sequence no
 * entity uses any more is left alone, as tables are.
 *
 * @author paig-db authors
 */
final class MariaDbSequences {

	private MariaDbSequences() {
	}

	/**
	 * The changesets that create the sequences of the scratch the database lacks.
	 * @param scratch a connection to the scratch
	 * @param scratchName the scratch database's name
	 * @param entities the scratch's sequences
	 * @param database the real database's sequences (compared without case)
	 * @param revisionId the revision's id, for the changesets' ids
	 * @param author the changesets' author
	 * @return the changesets, in the order of the names
	 * @throws SQLException when a sequence cannot be read
	 */
	static List<ChangeSet> creates(Connection scratch, String scratchName, Set<String> entities, Set<String> database,
			String revisionId, String author) throws SQLException {
		List<ChangeSet> changeSets = new ArrayList<>();
		Set<String> existing = new HashSet<>();
		database.forEach((name) -> existing.add(name.toLowerCase(Locale.ROOT)));
		for (String name : new TreeSet<>(entities)) {
			if (existing.contains(name.toLowerCase(Locale.ROOT))) {
				continue;
			}
			String quoted = "`" + name.replace("`", "``") + "`";
			String create;
			try (Statement statement = scratch.createStatement();
					ResultSet row = statement
						.executeQuery("SHOW CREATE SEQUENCE `" + scratchName.replace("`", "``") + "`." + quoted)) {
				if (!row.next()) {
					continue;
				}
				create = row.getString(2);
			}
			ChangeSet changeSet = new ChangeSet(revisionId + "-create-sequence-" + (changeSets.size() + 1), author,
					false, false, null, null, null, null);
			changeSet.setComments("create sequence " + name);
			RawSQLChange change = new RawSQLChange(create);
			change.setSplitStatements(false);
			changeSet.addChange(change);
			RawSQLChange undo = new RawSQLChange("DROP SEQUENCE " + quoted);
			undo.setSplitStatements(false);
			changeSet.addRollbackChange(undo);
			changeSets.add(changeSet);
		}
		return changeSets;
	}

}
