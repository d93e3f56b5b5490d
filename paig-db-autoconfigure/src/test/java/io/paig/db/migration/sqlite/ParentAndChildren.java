package io.paig.db.migration.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SQLite file with a {@code parent} table and two child tables that refer to it, one
 * {@code ON DELETE
 * CASCADE} and one {@code ON DELETE SET NULL}, and a {@code tag} table nothing refers to,
 * with an index on its {@code code}, created and filled by a first revision; and what the
 * tests need to run revisions on it and to check that no child lost a row or its
 * reference.
 *
 * @author paig-db authors
 */
final class ParentAndChildren implements AutoCloseable {

	static final String FIRST_REVISION = "0000aaaa0001";

	private static final String FAMILY = """
			  - changeSet:
			      id: create-family
			      author: paig
			      changes:
			        - sql:
			            sql: >-
			              CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR(50), nickname VARCHAR(50));
			              CREATE TABLE tag (id INTEGER PRIMARY KEY, label VARCHAR(20), code VARCHAR(10));
			              CREATE INDEX ix_tag_code ON tag (code);
			              CREATE TABLE child_cascade (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL
			              CONSTRAINT fk_cascade_parent REFERENCES parent (id) ON DELETE CASCADE);
			              CREATE TABLE child_set_null (id INTEGER PRIMARY KEY, parent_id INTEGER
			              CONSTRAINT fk_set_null_parent REFERENCES parent (id) ON DELETE SET NULL);
			              INSERT INTO parent (id, name, nickname) VALUES (1, 'one', 'uno'), (2, 'two', 'dos');
			              INSERT INTO tag (id, label, code) VALUES (1, 'red', 'r'), (2, 'blue', 'b');
			              INSERT INTO child_cascade (id, parent_id) VALUES (10, 1), (11, 1), (12, 2);
			              INSERT INTO child_set_null (id, parent_id) VALUES (20, 1), (21, 2)
			      rollback:
			        - sql:
			            sql: DROP TABLE tag; DROP TABLE child_set_null; DROP TABLE child_cascade; DROP TABLE parent
			""";

	private final Path folder;

	private final String url;

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	ParentAndChildren(Path folder) {
		this.folder = folder;
		this.url = "sqlite:///" + folder.resolve("family.db");
	}

	/**
	 * A history whose first revision creates and fills the tables.
	 * @return the history, to add revisions to
	 */
	Changelogs changelogs() {
		return new Changelogs(this.folder.resolve("changelog")).revision(FIRST_REVISION, "create family", FAMILY);
	}

	MigrationRunner runner(Changelogs changelogs) {
		return new MigrationRunner(dataSource(), MigrationSettings.of(changelogs.location()),
				new DefaultResourceLoader());
	}

	/**
	 * Assert that every child row is still there and still refers to its parent, that the
	 * children's foreign keys still name {@code parent}, and that SQLite finds no broken
	 * reference.
	 * @throws SQLException on failure to read
	 */
	void assertChildrenIntact() throws SQLException {
		assertThat(rows("SELECT id || '->' || parent_id FROM child_cascade ORDER BY id")).as("ON DELETE CASCADE rows")
			.containsExactly("10->1", "11->1", "12->2");
		assertThat(rows("SELECT id || '->' || parent_id FROM child_set_null ORDER BY id")).as("ON DELETE SET NULL rows")
			.containsExactly("20->1", "21->2");
		assertThat(rows("PRAGMA foreign_key_check")).as("foreign_key_check").isEmpty();
		for (String child : List.of("child_cascade", "child_set_null")) {
			assertThat(rows("SELECT \"table\" FROM pragma_foreign_key_list('" + child + "')"))
				.as(child + "'s reference")
				.containsExactly("parent");
			assertThat(rows("SELECT sql FROM sqlite_master WHERE name = '" + child + "'")).singleElement()
				.asString()
				.contains("REFERENCES parent (id)")
				.doesNotContainIgnoringCase("_temporary");
		}
		assertThat(rows("SELECT id FROM parent ORDER BY id")).containsExactly("1", "2");
	}

	List<String> columns(String table) throws SQLException {
		return rows("SELECT name FROM pragma_table_info('" + table + "')");
	}

	List<String> rows(String sql) throws SQLException {
		try (Connection connection = connection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<String> rows = new ArrayList<>();
			while (result.next()) {
				rows.add(result.getString(1));
			}
			return rows;
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * A connection to the database, configured as the application's (foreign keys on).
	 * @return a new connection
	 * @throws SQLException on failure to connect
	 */
	Connection connection() throws SQLException {
		return DriverManager.getConnection(jdbc().jdbcUrl());
	}

	private HikariDataSource dataSource() {
		JdbcSettings jdbc = jdbc();
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(jdbc.jdbcUrl());
		dataSource.setMaximumPoolSize(2);
		this.dataSources.add(dataSource);
		return dataSource;
	}

	private JdbcSettings jdbc() {
		return new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(this.url, null, null);
	}

	@Override
	public void close() {
		this.dataSources.forEach(HikariDataSource::close);
	}

}
