package io.paig.db.autogenerate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Compares the CHECK constraints of the entities' scratch schema with the real
 * database's, which Liquibase's open-source diff does not snapshot. They are read from
 * the catalog ({@code pg_constraint} on PostgreSQL, {@code information_schema.
 * CHECK_CONSTRAINTS} on MySQL/MariaDB) and matched by table and definition, as the server
 * itself writes it on both sides, so the names (which the server often makes up) do not
 * count. A constraint only the entities have is added with {@code ALTER TABLE ...
 * ADD CONSTRAINT ... CHECK}, one only the database has is dropped, each as a {@code sql}
 * change with the reverse as its rollback. Tables no entity maps are left alone, and
 * SQLite, where a check is part of the {@code CREATE TABLE}, is not compared.
 *
 * @author paig-db authors
 */
final class CheckConstraints {

	private final DatabaseDriver kind;

	private final List<Check> entities;

	private final List<Check> database;

	private CheckConstraints(DatabaseDriver kind, List<Check> entities, List<Check> database) {
		this.kind = kind;
		this.entities = entities;
		this.database = database;
	}

	/**
	 * Read the CHECK constraints of both sides.
	 * @param kind the kind of database
	 * @param scratch a connection to the entities' scratch schema
	 * @param scratchName the scratch schema (PostgreSQL) or database (MySQL/MariaDB)
	 * @param real a connection to the real database
	 * @param realName the real database's schema (PostgreSQL) or database (MySQL/MariaDB)
	 * @param mapped the tables the entities map, in lower case
	 * @return the comparison, empty on other databases
	 * @throws SQLException on a database error
	 */
	static CheckConstraints read(DatabaseDriver kind, Connection scratch, String scratchName, Connection real,
			String realName, Set<String> mapped) throws SQLException {
		if (kind != DatabaseDriver.POSTGRESQL && kind != DatabaseDriver.MYSQL && kind != DatabaseDriver.MARIADB) {
			return new CheckConstraints(kind, List.of(), List.of());
		}
		List<Check> entities = read(kind, scratch, scratchName, mapped);
		if (kind == DatabaseDriver.POSTGRESQL) {
			entities = reparsed(scratch, scratchName, entities);
		}
		return new CheckConstraints(kind, entities, read(kind, real, realName, mapped));
	}

	/**
	 * PostgreSQL writes a check that Hibernate created otherwise than the same check
	 * created again from that text (a revision's {@code ADD CONSTRAINT}), such as an
	 * enum's {@code IN} list: each entity check also gets the text it has once created
	 * again, which it is matched by as well.
	 * @param scratch a connection to the entities' scratch schema
	 * @param schema the scratch schema
	 * @param checks the entities' checks
	 * @return the checks, each with the text it has once created again
	 * @throws SQLException on a database error
	 */
	private static List<Check> reparsed(Connection scratch, String schema, List<Check> checks) throws SQLException {
		List<Check> reparsed = new ArrayList<>();
		String name = "paig_db_reparse";
		for (Check check : checks) {
			String table = "\"" + schema.replace("\"", "\"\"") + "\".\"" + check.table().replace("\"", "\"\"") + "\"";
			String again = check.definition();
			try (Statement statement = scratch.createStatement()) {
				statement.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + check.definition());
			}
			catch (SQLException ex) {
				// not created again: matched by its own text only
				reparsed.add(check);
				continue;
			}
			try (PreparedStatement statement = scratch.prepareStatement("SELECT pg_get_constraintdef(oid) "
					+ "FROM pg_constraint WHERE conname = ? AND conrelid = ?::regclass")) {
				statement.setString(1, name);
				statement.setString(2, table);
				try (ResultSet rows = statement.executeQuery()) {
					if (rows.next()) {
						again = rows.getString(1);
					}
				}
			}
			try (Statement statement = scratch.createStatement()) {
				statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
			}
			reparsed.add(new Check(check.table(), check.name(), check.definition(), again));
		}
		return reparsed;
	}

	private static List<Check> read(DatabaseDriver kind, Connection connection, String schema, Set<String> mapped)
			throws SQLException {
		String sql = (kind == DatabaseDriver.POSTGRESQL)
				? "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
						+ "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
						+ "WHERE c.contype = 'c' AND n.nspname = ? ORDER BY t.relname, c.conname"
				: "SELECT TABLE_NAME, CONSTRAINT_NAME, CONCAT('CHECK (', CHECK_CLAUSE, ')') "
						+ "FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? "
						+ "ORDER BY TABLE_NAME, CONSTRAINT_NAME";
		List<Check> checks = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String table = rows.getString(1);
					if (mapped.contains(table.toLowerCase(Locale.ROOT))) {
						String definition = rows.getString(3);
						checks.add(new Check(table, rows.getString(2), definition, definition));
					}
				}
			}
		}
		return checks;
	}

	/**
	 * The checks only the database has, each dropped by a changeset of its own.
	 * @param revisionId the revision id, for the changesets' ids
	 * @param author the changesets' author
	 * @return the changesets, to run before the diff's
	 */
	List<ChangeSet> drops(String revisionId, String author) {
		List<ChangeSet> changeSets = new ArrayList<>();
		for (Check check : this.database) {
			if (!matched(check, this.entities)) {
				changeSets.add(changeSet(revisionId + "-drop-check-" + (changeSets.size() + 1), author, drop(check),
						add(check),
						"drop check constraint " + check.name() + " on " + check.table() + ": " + check.definition()));
			}
		}
		return changeSets;
	}

	/**
	 * The checks only the entities have, each added by a changeset of its own.
	 * @param revisionId the revision id, for the changesets' ids
	 * @param author the changesets' author
	 * @return the changesets, to run after the diff's (which create the tables and
	 * columns they check)
	 */
	List<ChangeSet> adds(String revisionId, String author) {
		List<ChangeSet> changeSets = new ArrayList<>();
		for (Check check : this.entities) {
			if (!matched(check, this.database)) {
				changeSets.add(changeSet(revisionId + "-add-check-" + (changeSets.size() + 1), author, add(check),
						drop(check),
						"add check constraint " + check.name() + " on " + check.table() + ": " + check.definition()));
			}
		}
		return changeSets;
	}

	private static boolean matched(Check check, List<Check> others) {
		return others.stream()
			.anyMatch((other) -> other.table().equalsIgnoreCase(check.table())
					&& (other.definition().equals(check.definition()) || other.reparsed().equals(check.definition())
							|| other.definition().equals(check.reparsed())));
	}

	private String add(Check check) {
		return "ALTER TABLE " + quote(check.table()) + " ADD CONSTRAINT " + quote(check.name()) + " "
				+ check.definition();
	}

	private String drop(Check check) {
		return "ALTER TABLE " + quote(check.table()) + " DROP CONSTRAINT " + quote(check.name());
	}

	private String quote(String name) {
		return (this.kind == DatabaseDriver.POSTGRESQL) ? "\"" + name.replace("\"", "\"\"") + "\""
				: "`" + name.replace("`", "``") + "`";
	}

	private static ChangeSet changeSet(String id, String author, String sql, String rollback, String comment) {
		ChangeSet changeSet = new ChangeSet(id, author, false, false, null, null, null, null);
		changeSet.setComments(comment);
		RawSQLChange change = new RawSQLChange(sql);
		change.setSplitStatements(false);
		changeSet.addChange(change);
		RawSQLChange undo = new RawSQLChange(rollback);
		undo.setSplitStatements(false);
		changeSet.addRollbackChange(undo);
		return changeSet;
	}

	/**
	 * A CHECK constraint as the server writes it.
	 *
	 * @param table its table
	 * @param name its name
	 * @param definition its text
	 * @param reparsed its text once created again from that text (PostgreSQL's entity
	 * checks), or the same text
	 */
	private record Check(String table, String name, String definition, String reparsed) {

	}

}
