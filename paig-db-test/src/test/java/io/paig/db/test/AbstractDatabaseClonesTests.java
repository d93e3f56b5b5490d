package io.paig.db.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.paig.db.migration.MigrationSettings;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DatabaseClones} on one kind of server: a clone is at head with the
 * revisions' rows, clones are independent of each other, closing drops one, a changed
 * changelog builds a new template and drops the old one, an empty database lets a test
 * run a data migration step by step.
 *
 * @author paig-db authors
 */
abstract class AbstractDatabaseClonesTests {

	private static final String TAGS = """
			  - changeSet:
			      id: create-tags
			      author: paig
			      changes:
			        - createTable:
			            tableName: tag
			            columns:
			              - column: { name: id, type: int, constraints: { primaryKey: true } }
			              - column: { name: name, type: varchar(50) }
			        - insert: { tableName: tag, columns: [ { column: { name: id, valueNumeric: 1 } }, { column: { name: name, value: pii } } ] }
			        - createTable:
			            tableName: tag_use
			            columns:
			              - column: { name: id, type: int, constraints: { primaryKey: true } }
			              - column: { name: tag_id, type: int, constraints: { nullable: false, foreignKeyName: fk_tag_use_tag, references: tag(id) } }
			        - createView: { viewName: tag_names, selectQuery: "SELECT name FROM tag" }
			""";

	private static final String STATUS = """
			  - changeSet:
			      id: add-status
			      author: paig
			      changes:
			        - addColumn:
			            tableName: tag
			            columns:
			              - column: { name: status, type: int, defaultValueNumeric: 1, constraints: { nullable: false } }
			        - update: { tableName: tag, columns: [ { column: { name: status, valueNumeric: 2 } } ], where: "name = 'pii'" }
			""";

	@TempDir
	Path temp;

	/**
	 * A database on the server under test, as a paig-db URL.
	 * @return the URL
	 */
	abstract String serverUrl();

	private DatabaseClones clones(Changelogs changelogs) {
		JdbcSettings server = new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(serverUrl(), null, null);
		return DatabaseClones.create(server, MigrationSettings.of(changelogs.location()), new DefaultResourceLoader());
	}

	private Changelogs changelogs() {
		return new Changelogs(this.temp.resolve("changelog")).revision("aaaa00000001", "tags", TAGS)
			.revision("aaaa00000002", "status", STATUS);
	}

	@Test
	void takenDatabaseIsAtHeadWithTheRowsTheRevisionsInsert() throws Exception {
		DatabaseClones clones = clones(changelogs());
		try (DatabaseClone clone = clones.take()) {
			assertThat(clone.runner().status().isUpToDate()).isTrue();
			assertThat(clone.runner().upToDateRevision()).isEqualTo("aaaa00000002");
			assertThat(query(clone, "SELECT name FROM tag_names")).containsExactly("pii");
			assertThat(query(clone, "SELECT status FROM tag")).containsExactly("2");
		}
	}

	@Test
	void clonesAreIndependentAndKeepForeignKeys() throws Exception {
		DatabaseClones clones = clones(changelogs());
		try (DatabaseClone first = clones.take(); DatabaseClone second = clones.cold()) {
			assertThat(first.name()).isNotEqualTo(second.name());
			execute(first, "INSERT INTO tag (id, name, status) VALUES (2, 'toxic', 1)");
			assertThat(query(first, "SELECT name FROM tag ORDER BY id")).containsExactly("pii", "toxic");
			assertThat(query(second, "SELECT name FROM tag ORDER BY id")).containsExactly("pii");
			assertThat(fails(second, "INSERT INTO tag_use (id, tag_id) VALUES (1, 99)")).isTrue();
		}
	}

	@Test
	void closingDropsTheClone() throws Exception {
		DatabaseClones clones = clones(changelogs());
		DatabaseClone clone = clones.take();
		assertThat(clones.names()).contains(clone.name());
		clone.close();
		assertThat(clones.names()).doesNotContain(clone.name());
	}

	@Test
	void changedChangelogBuildsANewTemplateAndDropsTheOldOne() throws Exception {
		Changelogs changelogs = changelogs();
		DatabaseClones before = clones(changelogs);
		String old = before.templateName();
		assertThat(clones(changelogs).templateName()).isEqualTo(old);
		changelogs.revision("aaaa00000003", "more", """
				  - changeSet:
				      id: create-more
				      author: paig
				      changes:
				        - createTable: { tableName: more, columns: [ { column: { name: id, type: int } } ] }
				""");
		DatabaseClones after = clones(changelogs);
		String current = after.templateName();
		assertThat(current).isNotEqualTo(old);
		assertThat(after.names()).contains(current).doesNotContain(old);
		try (DatabaseClone clone = after.take()) {
			assertThat(clone.runner().upToDateRevision()).isEqualTo("aaaa00000003");
		}
	}

	@Test
	void dataMigrationIsTestedFromOneRevisionToTheNext() throws Exception {
		DatabaseClones clones = clones(changelogs());
		try (DatabaseClone database = clones.empty()) {
			database.runner().upgrade("aaaa00000001");
			execute(database, "INSERT INTO tag (id, name) VALUES (2, 'toxic')");
			database.runner().upgrade("aaaa00000002");
			assertThat(query(database, "SELECT status FROM tag ORDER BY id")).containsExactly("2", "1");
		}
	}

	private static List<String> query(DatabaseClone clone, String sql) throws SQLException {
		try (Connection connection = clone.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<String> values = new java.util.ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
	}

	private static void execute(DatabaseClone clone, String sql) throws SQLException {
		try (Connection connection = clone.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static boolean fails(DatabaseClone clone, String sql) {
		try {
			execute(clone, sql);
			return false;
		}
		catch (SQLException ex) {
			return true;
		}
	}

}
