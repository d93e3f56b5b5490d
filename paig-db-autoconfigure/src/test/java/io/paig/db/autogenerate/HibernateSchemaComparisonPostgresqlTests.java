package io.paig.db.autogenerate;

import java.nio.file.Path;

import io.paig.db.testsupport.TestDatabase;
import io.paig.db.url.JdbcSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HibernateSchemaComparison} on PostgreSQL, end to end: entities are
 * compared with the database, the revision is written, upgraded, compared again, and
 * downgraded.
 *
 * @author paig-db authors
 */
class HibernateSchemaComparisonPostgresqlTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@TempDir
	Path temp;

	private EntitySchemas schemas;

	@BeforeEach
	void emptyDatabase() throws Exception {
		database.reset();
		JdbcSettings jdbc = database.jdbc();
		this.schemas = new EntitySchemas(jdbc.jdbcUrl(), jdbc.username(), jdbc.password(), null,
				this.temp.resolve("changelog"));
	}

	@Test
	void droppedAndAddedColumnOfTheSameTypeIsADropAndAnAddWithARenameWarning() throws Exception {
		this.schemas.revise(Named.class);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO widget (id, name) VALUES (1, 'one')");
		SchemaComparison.Result result = this.schemas.revise(Titled.class);
		assertThat(result.warnings()).singleElement()
			.asString()
			.startsWith("column 'name' dropped and column 'title' added in table 'widget' with the same type")
			.contains("renameColumn (tableName: widget, oldColumnName: name, newColumnName: title");
		assertThat(result.changeSets()).startsWith("  # WARNING: column 'name' dropped and column 'title' added")
			.contains("- dropColumn:")
			.contains("- addColumn:");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(Titled.class).isEmpty()).isTrue();
		this.schemas.downgrade();
		assertThat(this.schemas.compare(Named.class).isEmpty()).isTrue();
	}

	@Test
	void droppedAndAddedColumnsOfDifferentTypesGetNoRenameWarning() throws Exception {
		this.schemas.revise(Named.class);
		this.schemas.upgrade();
		SchemaComparison.Result result = this.schemas.revise(Counted.class);
		assertThat(result.differences()).hasSize(2);
		assertThat(result.warnings()).isEmpty();
		assertThat(result.changeSets()).doesNotContain("WARNING");
	}

	/**
	 * A widget with a name.
	 */
	@Entity
	@Table(name = "widget")
	static class Named {

		@Id
		Integer id;

		@Column(length = 100)
		String name;

	}

	/**
	 * The widget's name renamed to title.
	 */
	@Entity
	@Table(name = "widget")
	static class Titled {

		@Id
		Integer id;

		@Column(length = 100)
		String title;

	}

	/**
	 * The widget's name replaced by a number.
	 */
	@Entity
	@Table(name = "widget")
	static class Counted {

		@Id
		Integer id;

		Integer amount;

	}

}
