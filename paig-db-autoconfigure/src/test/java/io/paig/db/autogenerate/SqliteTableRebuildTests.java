package io.paig.db.autogenerate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SqliteTableRebuild}: the rebuild runs as a revision does, in one
 * transaction on a connection with {@code foreign_keys=on}, where the children of the
 * rebuilt table would lose their rows to their {@code ON DELETE} actions if it were
 * simply dropped and created again.
 *
 * @author paig-db authors
 */
class SqliteTableRebuildTests {

	private static final String WIDGET_NOW = "CREATE TABLE widget (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(100) NOT NULL, legacy VARCHAR(10))";

	private static final String WIDGET_NEW = "CREATE TABLE widget (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(100), color VARCHAR(30) DEFAULT 'red' NOT NULL, UNIQUE (name))";

	@TempDir
	Path temp;

	private String url;

	@BeforeEach
	void createDatabase() throws SQLException {
		this.url = "jdbc:sqlite:" + this.temp.resolve("rebuild.db") + "?foreign_keys=on";
		run(List.of(WIDGET_NOW, "CREATE INDEX ix_widget_name ON widget (name)",
				"CREATE TABLE gadget (id INTEGER PRIMARY KEY, widget_id INTEGER, CONSTRAINT fk_gadget_widget FOREIGN KEY (widget_id) REFERENCES widget (id) ON DELETE CASCADE)",
				"CREATE TABLE part (id INTEGER PRIMARY KEY, gadget_id INTEGER REFERENCES gadget (id) ON DELETE CASCADE)",
				"CREATE TABLE note (id INTEGER PRIMARY KEY, widget_id INTEGER REFERENCES widget (id) ON DELETE SET NULL)",
				"INSERT INTO widget (name, legacy) VALUES ('one', 'x'), ('two', 'y'), ('three', NULL)",
				"DELETE FROM widget WHERE id = 3", "INSERT INTO gadget (widget_id) VALUES (1), (1), (2)",
				"INSERT INTO part (gadget_id) VALUES (1), (3)", "INSERT INTO note (widget_id) VALUES (1), (2)"));
	}

	@Test
	void upgradeKeepsTheRowsOfEveryTableThatRefersToTheRebuiltOne() throws SQLException {
		SqliteTableRebuild rebuild = rebuild();
		run(rebuild.upgrade());
		assertThat(count("SELECT count(*) FROM widget")).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM gadget")).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM part")).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM note WHERE widget_id IS NOT NULL")).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM pragma_foreign_key_check")).isZero();
		assertThat(count("SELECT count(*) FROM widget WHERE color = 'red'")).as("the new column's default")
			.isEqualTo(2);
		assertThat(count("SELECT count(*) FROM pragma_table_info('widget') WHERE name = 'legacy'")).isZero();
		assertThat(count("SELECT count(*) FROM sqlite_master WHERE name = 'ix_widget_name'")).isOne();
		assertThat(count("SELECT count(*) FROM sqlite_temp_master")).as("no temporary table or trigger left").isZero();
	}

	@Test
	void downgradeRebuildsItBackKeepingEveryRow() throws SQLException {
		SqliteTableRebuild rebuild = rebuild();
		run(rebuild.upgrade());
		run(rebuild.downgrade());
		assertThat(count("SELECT count(*) FROM widget")).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM gadget")).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM part")).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM note WHERE widget_id IS NOT NULL")).isEqualTo(2);
		assertThat(count("SELECT \"notnull\" FROM pragma_table_info('widget') WHERE name = 'name'")).isOne();
		assertThat(count("SELECT count(*) FROM pragma_foreign_key_check")).isZero();
	}

	@Test
	void rebuiltTableKeepsItsForeignKeysInForceAndItsAutoincrementCounter() throws SQLException {
		run(rebuild().upgrade());
		run(List.of("INSERT INTO widget (name) VALUES ('four')"));
		assertThat(count("SELECT max(id) FROM widget")).as("3 was used before the rebuild").isEqualTo(4);
		run(List.of("DELETE FROM widget WHERE id = 1"));
		assertThat(count("SELECT count(*) FROM gadget")).as("ON DELETE CASCADE still acts").isOne();
		assertThat(count("SELECT count(*) FROM part")).isOne();
		assertThat(count("SELECT count(*) FROM note WHERE widget_id IS NULL")).as("ON DELETE SET NULL still acts")
			.isOne();
	}

	@Test
	void rowThatDoesNotFitTheNewDefinitionFailsTheRebuildAndLosesNothing() throws SQLException {
		SqliteTableRebuild.Definition now;
		try (Connection connection = connection()) {
			now = SqliteTableRebuild.Definition.read(connection, "widget");
		}
		SqliteTableRebuild.Definition strict = new SqliteTableRebuild.Definition("widget",
				"CREATE TABLE widget (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(100) NOT NULL, code VARCHAR(5) NOT NULL)",
				List.of(), List.of("id", "name", "code"), true);
		SqliteTableRebuild rebuild = SqliteTableRebuild.of("widget", now, strict, Set.of("gadget", "note"));
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> run(rebuild.upgrade()))
			.withMessageContaining("NOT NULL");
		assertThat(count("SELECT count(*) FROM widget")).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM gadget")).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM pragma_table_info('widget') WHERE name = 'legacy'")).isOne();
	}

	@Test
	void changeSetHasTheRebuildAndTheReverseRebuildAsItsRollback() throws SQLException {
		String yaml = rebuild().changeSet("abc123-2", "addUniqueConstraint");
		assertThat(yaml).startsWith("  - changeSet:\n      id: abc123-2\n      author: paig-db\n")
			.contains("comment: \"Rebuild widget (SQLite cannot make this change in place): addUniqueConstraint\"")
			.contains(
					"      changes:\n      - sql:\n          splitStatements: false\n          sql: |-\n            PRAGMA defer_foreign_keys = ON\n")
			.contains("      rollback:\n")
			.contains("            " + WIDGET_NEW + "\n")
			.contains("            " + WIDGET_NOW + "\n");
	}

	private SqliteTableRebuild rebuild() throws SQLException {
		try (Connection connection = connection()) {
			SqliteTableRebuild.Definition now = SqliteTableRebuild.Definition.read(connection, "widget");
			SqliteTableRebuild.Definition next = new SqliteTableRebuild.Definition("widget", WIDGET_NEW,
					List.of("CREATE INDEX ix_widget_name ON widget (name)"), List.of("id", "name", "color"), true);
			assertThat(now).isNotNull();
			assertThat(SqliteTableRebuild.children(connection, "widget")).containsExactlyInAnyOrder("gadget", "note");
			return SqliteTableRebuild.of("widget", now, next, SqliteTableRebuild.children(connection, "widget"));
		}
	}

	/**
	 * Run statements in one transaction, as a revision runs.
	 */
	private void run(List<String> statements) throws SQLException {
		try (Connection connection = connection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
				connection.commit();
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = connection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private Connection connection() throws SQLException {
		return DriverManager.getConnection(this.url);
	}

}
