package io.paig.db.migration.sqlite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SqliteColumnUsage}.
 *
 * @author paig-db authors
 */
class SqliteColumnUsageTests {

	private Connection connection;

	private SqliteColumnUsage usage;

	@BeforeEach
	void createSchema() throws SQLException {
		this.connection = DriverManager.getConnection("jdbc:sqlite::memory:?foreign_keys=true");
		try (Statement statement = this.connection.createStatement()) {
			statement.executeUpdate("""
					CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT UNIQUE, free TEXT, "quoted col" TEXT,
					indexed TEXT, partial TEXT, expr TEXT, checked INTEGER CHECK (checked > 0), other INTEGER,
					referenced TEXT, generator TEXT, shown TEXT, triggered TEXT, note TEXT DEFAULT 'free',
					derived TEXT GENERATED ALWAYS AS (generator || 'x'),
					CHECK (other > 0))""");
			statement.executeUpdate("CREATE INDEX ix_indexed ON parent (indexed)");
			statement.executeUpdate("CREATE INDEX ix_partial ON parent (id) WHERE partial IS NOT NULL");
			statement.executeUpdate("CREATE INDEX ix_expr ON parent (lower(expr))");
			statement
				.executeUpdate("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id),"
						+ " parent_ref TEXT REFERENCES parent (referenced), free TEXT)");
			statement.executeUpdate("CREATE VIEW shown_view AS SELECT shown FROM parent");
			statement.executeUpdate("CREATE TRIGGER on_parent AFTER UPDATE ON parent BEGIN SELECT NEW.triggered; END");
		}
		this.usage = new SqliteColumnUsage(this.connection);
	}

	@AfterEach
	void close() throws SQLException {
		this.connection.close();
	}

	@Test
	void columnNothingUsesIsDroppable() throws SQLException {
		assertThat(this.usage.whyNotDroppable("parent", List.of("free", "quoted col", "note"))).isNull();
		assertThat(this.usage.whyNotDroppable("PARENT", List.of("FREE"))).isNull();
		assertThat(this.usage.whyNotDroppable("child", List.of("free"))).isNull();
	}

	@Test
	void missingColumnIsLeftToSqliteToReport() throws SQLException {
		assertThat(this.usage.whyNotDroppable("parent", List.of("no_such_column"))).isNull();
		assertThat(this.usage.whyNotDroppable("no_such_table", List.of("free"))).isNull();
	}

	@Test
	void everyColumnSqliteCannotDropInPlaceHasAReason() throws SQLException {
		assertThat(reason("parent", "id")).contains("primary key");
		assertThat(reason("parent", "code")).contains("UNIQUE");
		assertThat(reason("parent", "indexed")).contains("index ix_indexed");
		assertThat(reason("parent", "partial")).contains("ix_partial");
		assertThat(reason("parent", "expr")).contains("ix_expr");
		assertThat(reason("parent", "other")).contains("CHECK (other > 0)");
		assertThat(reason("parent", "generator")).contains("GENERATED ALWAYS");
		assertThat(reason("parent", "derived")).contains("generated column");
		assertThat(reason("parent", "referenced")).contains("child refers to parent.referenced");
		assertThat(reason("child", "parent_id")).contains("foreign key of child to parent");
		assertThat(reason("parent", "shown")).contains("view shown_view");
		assertThat(reason("parent", "triggered")).contains("trigger on_parent");
	}

	@Test
	void columnWhoseOwnCheckNamesItIsDroppable() throws SQLException {
		assertThat(this.usage.whyNotDroppable("parent", List.of("checked"))).isNull();
	}

	@Test
	void oneBlockedColumnBlocksTheDropOfAll() throws SQLException {
		assertThat(this.usage.whyNotDroppable("parent", List.of("free", "indexed"))).contains("ix_indexed");
	}

	@Test
	void definitionsAreSplitOutsideParenthesesAndQuotes() {
		assertThat(SqliteColumnUsage
			.definitions("CREATE TABLE t (a NUMERIC(10, 2), \"b,c\" TEXT DEFAULT ',(', CHECK (a > 0))"))
			.containsExactly("a NUMERIC(10, 2)", " \"b,c\" TEXT DEFAULT ',('", " CHECK (a > 0)");
	}

	@Test
	void namesMatchWholeIdentifiersOutsideStringLiterals() {
		assertThat(SqliteColumnUsage.names("SELECT \"code\" FROM t", "code")).isTrue();
		assertThat(SqliteColumnUsage.names("SELECT [Code] FROM t", "code")).isTrue();
		assertThat(SqliteColumnUsage.names("SELECT code_2 FROM t WHERE x = 'code'", "code")).isFalse();
	}

	@Test
	void dropColumnNeedsSqlite335() {
		assertThat(SqliteColumnUsage.dropsColumns("3.35.0")).isTrue();
		assertThat(SqliteColumnUsage.dropsColumns("3.53.4")).isTrue();
		assertThat(SqliteColumnUsage.dropsColumns("3.34.1")).isFalse();
	}

	private String reason(String table, String column) throws SQLException {
		String reason = this.usage.whyNotDroppable(table, List.of(column));
		assertThat(reason).as(table + "." + column).isNotNull();
		return reason;
	}

}
