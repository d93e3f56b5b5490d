package io.paig.db.autogenerate;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.jspecify.annotations.Nullable;

/**
 * The sequences of a MariaDB database, which Connector/J's metadata lists as tables (and
 * as views): Liquibase would snapshot each as a table with MariaDB's sequence columns and
 * fail to read its view definition. The comparison leaves these "tables" out and compares
 * them as the sequences Liquibase also reads them as.
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

	/**
	 * The names of a database's sequences.
	 * @param connection a connection to the database
	 * @param catalog the database (schema), or {@code null} for the connection's
	 * @return the names, as the database spells them (Hibernate's are
	 * {@code <entity>_SEQ})
	 * @throws SQLException when the catalog cannot be read
	 */
	static Set<String> names(Connection connection, @Nullable String catalog) throws SQLException {
		Set<String> names = new HashSet<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
					+ "WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE = 'SEQUENCE'")) {
			statement.setString(1, catalog);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
		}
		return names;
	}

}
