package io.paig.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code db} commands end to end on SQLite, and the table rebuild of a change SQLite
 * cannot make in place.
 *
 * @author paig-db authors
 */
class DbCommandsSqliteEndToEndTests extends AbstractDbCommandsEndToEndTests {

	private static final AtomicInteger counter = new AtomicInteger();

	private String url;

	@Override
	String url() {
		return this.url;
	}

	@Override
	boolean foreignKeysInCreateTable() {
		return true;
	}

	@Override
	boolean rebuildsTables() {
		return true;
	}

	@Override
	void reset() {
		this.url = "sqlite:///" + this.temp.resolve("e2e-" + counter.incrementAndGet() + ".db");
	}

	@Test
	void aChangeSqliteCannotMakeInPlaceIsARebuildThatKeepsEveryRowUpAndDown(CapturedOutput output) throws Exception {
		reset();
		firstRevision();
		Class<?> v3 = E2eApplications.V3.class;
		Class<?> v4 = E2eApplications.V4.class;
		assertThat(db(output, v3, "upgrade", "head").code()).isZero();
		assertThat(db(output, v3, "revision", "--autogenerate", "-m", "color and gadget").code()).isZero();
		assertThat(db(output, v3, "upgrade", "head").code()).isZero();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("INSERT INTO widget (name, color) VALUES ('one', 'red'), ('two', 'blue')");
			statement.executeUpdate("INSERT INTO gadget (label, widget_id) VALUES ('a', 1), ('b', 1), ('c', 2)");
		}

		// widget.name made optional, gadget's foreign key made ON DELETE CASCADE
		Outcome generated = db(output, v4, "revision", "--autogenerate", "-m", "optional name, cascade");
		assertThat(generated.code()).as(generated.output()).isZero();
		Path file = revisionFiles().stream()
			.filter((path) -> path.getFileName().toString().contains("optional_name"))
			.findFirst()
			.orElseThrow();
		String text = Files.readString(file);
		assertThat(text).contains("Rebuild widget")
			.contains("Rebuild gadget")
			.contains("rollback:")
			.doesNotContain("- dropNotNullConstraint:")
			.doesNotContain("- dropForeignKeyConstraint:")
			.doesNotContain("- addForeignKeyConstraint:");

		Outcome upgraded = db(output, v4, "upgrade", "head");
		assertThat(upgraded.code()).as(upgraded.output()).isZero();
		assertThat(db(output, v4, "check").code()).as("the rebuilt tables match the v4 entities").isZero();
		assertThat(count("widget")).isEqualTo(2);
		assertThat(count("gadget")).as("the children of the rebuilt widget table survive").isEqualTo(3);
		assertThat(count("SELECT count(*) FROM pragma_foreign_key_check")).isZero();
		assertThat(count("SELECT \"notnull\" FROM pragma_table_info('widget') WHERE name = 'name'")).isZero();

		Outcome downgraded = db(output, v4, "downgrade", "-1");
		assertThat(downgraded.code()).as(downgraded.output()).isZero();
		assertThat(count("SELECT \"notnull\" FROM pragma_table_info('widget') WHERE name = 'name'"))
			.as("the reverse rebuild restores NOT NULL")
			.isOne();
		assertThat(count("SELECT count(*) FROM pragma_foreign_key_list('gadget') WHERE on_delete = 'CASCADE'"))
			.as("the reverse rebuild restores the foreign key without CASCADE")
			.isZero();
		assertThat(count("widget")).isEqualTo(2);
		assertThat(count("gadget")).as("the children survive the reverse rebuild").isEqualTo(3);

		assertThat(db(output, v4, "upgrade", "head").code()).isZero();
		assertThat(count("gadget")).isEqualTo(3);
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("INSERT INTO widget (name) VALUES (NULL)");
			statement.executeUpdate("DELETE FROM widget WHERE id = 1");
		}
		assertThat(count("gadget")).as("the new ON DELETE CASCADE is in force").isEqualTo(1);
		assertThat(count("SELECT max(id) FROM widget")).as("AUTOINCREMENT kept counting").isEqualTo(3);
	}

	private long count(String tableOrQuery) throws Exception {
		String sql = tableOrQuery.startsWith("SELECT") ? tableOrQuery : "SELECT count(*) FROM " + tableOrQuery;
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}
