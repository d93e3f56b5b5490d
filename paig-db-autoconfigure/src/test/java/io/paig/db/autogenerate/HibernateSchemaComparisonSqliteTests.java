package io.paig.db.autogenerate;

import java.nio.file.Path;

import io.paig.db.migration.RevisionFailedException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HibernateSchemaComparison} on SQLite, end to end: entities are
 * compared with the database, the revision is written, upgraded, compared again, and
 * downgraded.
 *
 * @author paig-db authors
 */
class HibernateSchemaComparisonSqliteTests {

	@TempDir
	Path temp;

	private EntitySchemas schemas;

	@BeforeEach
	void emptyDatabase() throws Exception {
		this.schemas = new EntitySchemas("jdbc:sqlite:" + this.temp.resolve("app.db") + "?foreign_keys=on", null, null,
				"org.hibernate.community.dialect.SQLiteDialect", this.temp.resolve("changelog"));
	}

	@Test
	void notNullColumnWithoutADefaultAddedToATableWithRowsGetsAWarningAndFailsWithoutLoss() throws Exception {
		Class<?> plain = AbstractHibernateSchemaComparisonTests.Plain.class;
		this.schemas.revise(plain);
		this.schemas.upgrade();
		SchemaComparison.Result bare = this.schemas.revise(AbstractHibernateSchemaComparisonTests.Stocked.class);
		assertThat(bare.warnings()).singleElement()
			.asString()
			.startsWith("column 'stock' added to table 'widget' as NOT NULL with no default: "
					+ "the upgrade fails while widget has rows.");
		this.schemas.execute("INSERT INTO widget (id, state) VALUES (1, 'new')");
		assertThatExceptionOfType(RevisionFailedException.class).as("the warning's outcome")
			.isThrownBy(this.schemas::upgrade)
			.withMessageContaining("NOT NULL constraint failed: widget.stock");
		assertThat(this.schemas.query("SELECT state FROM widget")).as("nothing was lost").containsExactly("new");
	}

	@Test
	void columnMadeNotNullWhileARowHoldsNullGetsAWarningAndFailsWithoutLoss() throws Exception {
		Class<?> plain = AbstractHibernateSchemaComparisonTests.Plain.class;
		Class<?> required = AbstractHibernateSchemaComparisonTests.Required.class;
		this.schemas.revise(plain);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO widget (id) VALUES (1)");
		assertThat(this.schemas.revise(required).warnings()).singleElement()
			.asString()
			.isEqualTo("column 'widget.state' made NOT NULL: rows holding NULL in it make the upgrade fail; "
					+ "update them first (an update or sql change before this one)");
		assertThatExceptionOfType(RevisionFailedException.class).as("the warning's outcome")
			.isThrownBy(this.schemas::upgrade)
			.withMessageContaining("NOT NULL constraint failed: widget.state");
		assertThat(this.schemas.query("SELECT id FROM widget")).as("nothing was lost").containsExactly("1");
		this.schemas.execute("UPDATE widget SET state = 'new'");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(required).differences()).isEmpty();
		this.schemas.downgrade();
		assertThat(this.schemas.compare(plain).differences()).isEmpty();
		assertThat(this.schemas.query("SELECT state FROM widget")).containsExactly("new");
	}

	@Test
	void columnNarrowedIsNoChangeAsSqliteTypesAreAffinitiesWithoutALength() throws Exception {
		Class<?> shortNamed = AbstractHibernateSchemaComparisonTests.ShortNamed.class;
		this.schemas.revise(AbstractHibernateSchemaComparisonTests.Named.class);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO widget (id, name) VALUES (1, 'a name of twenty-one')");
		SchemaComparison.Result narrowed = this.schemas.compare(shortNamed);
		assertThat(narrowed.differences()).isEmpty();
		assertThat(narrowed.warnings()).isEmpty();
		assertThat(this.schemas.query("SELECT name FROM widget")).containsExactly("a name of twenty-one");
	}

	@Test
	void notNullColumnWithADefaultAddedToATableWithRowsFillsThem() throws Exception {
		Class<?> plain = AbstractHibernateSchemaComparisonTests.Plain.class;
		Class<?> fromZero = AbstractHibernateSchemaComparisonTests.StockedFromZero.class;
		this.schemas.revise(plain);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO widget (id, state) VALUES (1, 'new')");
		assertThat(this.schemas.revise(fromZero).warnings()).isEmpty();
		this.schemas.upgrade();
		assertThat(this.schemas.compare(fromZero).differences()).isEmpty();
		assertThat(this.schemas.query("SELECT stock FROM widget")).containsExactly("0");
		this.schemas.downgrade();
		assertThat(this.schemas.compare(plain).differences()).isEmpty();
		assertThat(this.schemas.query("SELECT state FROM widget")).containsExactly("new");
	}

	@Test
	void jsonColumnAndReorderedIndexComeAndGoCleanly() throws Exception {
		Class<?> attributed = AbstractHibernateSchemaComparisonTests.Attributed.class;
		Class<?> pair = AbstractHibernateSchemaComparisonTests.PairIndexed.class;
		Class<?> reordered = AbstractHibernateSchemaComparisonTests.PairReindexed.class;
		this.schemas.revise(attributed);
		this.schemas.upgrade();
		assertThat(this.schemas.compare(attributed).differences()).isEmpty();
		this.schemas.revise(pair);
		this.schemas.upgrade();
		assertThat(this.schemas.compare(pair).differences()).isEmpty();
		assertThat(this.schemas.revise(reordered).differences()).isNotEmpty();
		this.schemas.upgrade();
		assertThat(this.schemas.compare(reordered).differences()).isEmpty();
		this.schemas.downgrade();
		assertThat(this.schemas.compare(pair).differences()).isEmpty();
		this.schemas.downgrade();
		assertThat(this.schemas.compare(attributed).differences()).isEmpty();
	}

	@Test
	void joinTableAndAWidenedCompositeKeyComeAndGoCleanly() throws Exception {
		Class<?> owner = AbstractHibernateSchemaComparisonTests.Owner.class;
		Class<?> pet = AbstractHibernateSchemaComparisonTests.Pet.class;
		Class<?> vet = AbstractHibernateSchemaComparisonTests.Vet.class;
		Class<?> membership = AbstractHibernateSchemaComparisonTests.Membership.class;
		Class<?> roleMembership = AbstractHibernateSchemaComparisonTests.RoleMembership.class;
		this.schemas.revise(owner, pet, membership);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO membership (group_id, user_id, role) VALUES (1, 1, 'a')");
		assertThat(this.schemas.revise(owner, pet, vet, membership).differences()).contains("create table vet (id)",
				"create table vet_pet (pet_id, vet_id)");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(owner, pet, vet, membership).differences()).isEmpty();
		this.schemas.revise(owner, pet, vet, roleMembership);
		this.schemas.upgrade();
		assertThat(this.schemas.compare(owner, pet, vet, roleMembership).differences()).isEmpty();
		this.schemas.execute("INSERT INTO membership (group_id, user_id, role) VALUES (1, 1, 'b')",
				"DELETE FROM membership WHERE role = 'b'");
		this.schemas.downgrade();
		assertThat(this.schemas.compare(owner, pet, vet, membership).differences()).isEmpty();
		this.schemas.downgrade();
		assertThat(this.schemas.compare(owner, pet, membership).differences()).isEmpty();
		assertThat(this.schemas.query("SELECT role FROM membership")).containsExactly("a");
	}

	@Test
	void applicationsOwnDdlScriptIsLeftAsTheApplicationWroteIt() throws Exception {
		Path script = this.temp.resolve("schema.sql");
		this.schemas.jpaProperty("jakarta.persistence.schema-generation.scripts.action", "create");
		this.schemas.jpaProperty("jakarta.persistence.schema-generation.scripts.create-target", script.toString());
		this.schemas.revise(AbstractHibernateSchemaComparisonTests.Plain.class);
		assertThat(java.nio.file.Files.readString(script)).as("only the application's own start wrote it")
			.containsOnlyOnce("create table widget");
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
		assertThat(result.changeSets()).startsWith("  # WARNING: column 'name' dropped and column 'title' added");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(Titled.class).isEmpty()).isTrue();
		this.schemas.downgrade();
		assertThat(this.schemas.compare(Named.class).isEmpty()).isTrue();
		assertThat(this.schemas.query("SELECT count(*) FROM widget")).containsExactly("1");
	}

	@Test
	void tableOfEveryCommonTypeIsCleanAfterItsOwnRevision() throws Exception {
		Class<?> everyType = AbstractHibernateSchemaComparisonTests.EveryType.class;
		SchemaComparison.Result created = this.schemas.revise(everyType);
		assertThat(created.differences()).first().asString().startsWith("create table every_type (");
		// sqlite-jdbc's size of a column declared without one is no size
		assertThat(created.changeSets()).doesNotContain("2000000000");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(everyType).differences()).as("after the upgrade").isEmpty();
		this.schemas.downgrade();
		assertThat(this.schemas.compare(everyType).differences()).as("after the downgrade")
			.isEqualTo(created.differences());
	}

	@Test
	void uniqueIndexAndPlainIndexOnTheSameColumnTurnedIntoEachOther() throws Exception {
		Class<?> plain = AbstractHibernateSchemaComparisonTests.Plain.class;
		Class<?> unique = AbstractHibernateSchemaComparisonTests.UniqueState.class;
		Class<?> indexed = AbstractHibernateSchemaComparisonTests.IndexedState.class;
		this.schemas.revise(plain);
		this.schemas.upgrade();
		this.schemas.revise(unique);
		this.schemas.upgrade();
		assertThat(this.schemas.compare(unique).differences()).isEmpty();
		this.schemas.revise(indexed);
		this.schemas.upgrade();
		assertThat(this.schemas.compare(indexed).differences()).isEmpty();
		this.schemas.revise(unique);
		this.schemas.upgrade();
		assertThat(this.schemas.compare(unique).differences()).isEmpty();
		this.schemas.downgrade();
		assertThat(this.schemas.compare(indexed).differences()).isEmpty();
		this.schemas.downgrade();
		assertThat(this.schemas.compare(unique).differences()).isEmpty();
	}

	@Test
	void newEntityOnHibernatesDefaultGeneratorGetsItsTableAndItsFirstRow() throws Exception {
		Class<?> sequenced = AbstractHibernateSchemaComparisonTests.Sequenced.class;
		SchemaComparison.Result added = this.schemas.revise(sequenced);
		assertThat(added.differences()).contains("create table sequenced_SEQ (next_val)",
				"insert the first row(s) Hibernate's id generator needs into sequenced_SEQ");
		this.schemas.upgrade();
		assertThat(this.schemas.query("SELECT next_val FROM sequenced_SEQ")).as("the row Hibernate reads")
			.containsExactly("1");
		assertThat(this.schemas.compare(sequenced).differences()).as("after the upgrade").isEmpty();
		this.schemas.downgrade();
		assertThat(this.schemas.compare(sequenced).differences()).as("after the downgrade")
			.contains("create table sequenced_SEQ (next_val)");
	}

	@Test
	void enumIsATextColumnAndItsValuesAreNotCompared() throws Exception {
		SchemaComparison.Result created = this.schemas.revise(TwoColors.class);
		assertThat(created.differences()).containsExactly("create table widget (id, color)");
		assertThat(created.changeSets()).doesNotContain("ENUM").doesNotContain("CREATE TYPE");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(TwoColors.class).differences()).isEmpty();
		// SQLite keeps a check in its CREATE TABLE, which is not compared
		assertThat(this.schemas.compare(MoreColors.class).differences()).isEmpty();
		this.schemas.downgrade();
		assertThat(this.schemas.query("SELECT count(*) FROM sqlite_master WHERE name = 'widget'")).containsExactly("0");
	}

	/**
	 * Two colors.
	 */
	@Entity
	@Table(name = "widget")
	static class TwoColors {

		@Id
		Integer id;

		@Enumerated(EnumType.STRING)
		Color color;

		enum Color {

			RED, GREEN

		}

	}

	/**
	 * Two colors more.
	 */
	@Entity
	@Table(name = "widget")
	static class MoreColors {

		@Id
		Integer id;

		@Enumerated(EnumType.STRING)
		Color color;

		enum Color {

			RED, BLUE, GREEN, ORANGE

		}

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

}
