package io.paig.db.autogenerate;

import java.nio.file.Path;

import io.paig.db.migration.MigrationException;
import io.paig.db.migration.RevisionFailedException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Autogenerate end to end on a server database, by a subclass for each: entities are
 * compared with the database, the revision is written, upgraded, compared again, and
 * downgraded, which must give back the schema the earlier entities match.
 *
 * @author paig-db authors
 */
abstract class AbstractHibernateSchemaComparisonTests {

	@TempDir
	Path temp;

	EntitySchemas schemas;

	/**
	 * The harness on an empty database of the test's own.
	 * @param folder where the changelog goes
	 * @return the harness
	 * @throws Exception on failure
	 */
	abstract EntitySchemas emptyDatabase(Path folder) throws Exception;

	/**
	 * What a changed column comment is written as.
	 * @return a part of the changeset
	 */
	String commentChange() {
		return "setColumnRemarks:";
	}

	/**
	 * The changesets on one line: the YAML folds long lines.
	 * @param yaml the changesets
	 * @return the changesets with each run of white space made one space
	 */
	static String flat(String yaml) {
		return yaml.replaceAll("\\s+", " ");
	}

	@BeforeEach
	void prepare() throws Exception {
		this.schemas = emptyDatabase(this.temp.resolve("changelog"));
	}

	/**
	 * Upgrade, and expect the entities to match; then check that the database differs
	 * from the entities before.
	 */
	void upgradeAndCheck(Class<?> now, Class<?> before) {
		this.schemas.upgrade();
		assertThat(this.schemas.compare(now).differences()).as("after the upgrade").isEmpty();
		assertThat(this.schemas.compare(before).isEmpty()).as("the old entities differ").isFalse();
	}

	/**
	 * Downgrade by one, and expect the entities to match.
	 */
	void downgradeAndCheck(Class<?> before) {
		this.schemas.downgrade();
		assertThat(this.schemas.compare(before).differences()).as("after the downgrade").isEmpty();
	}

	@Test
	void statementTheDatabaseRefusesStopsTheComparisonNamingIt() throws Exception {
		this.schemas.revise(Plain.class);
		this.schemas.upgrade();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> this.schemas.revise(Refused.class))
			.satisfies((ex) -> {
				assertThat(ex.getDescription()).contains("could not be created on a scratch database")
					.containsIgnoringCase("create table widget");
				assertThat(ex.getAction()).contains("columnDefinition");
			});
		assertThat(this.schemas.compare(Plain.class).differences()).as("nothing was written").isEmpty();
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
		upgradeAndCheck(Titled.class, Named.class);
		downgradeAndCheck(Named.class);
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

	@Test
	void serverDefaultAddedChangedAndDroppedEachWithItsRollback() throws Exception {
		this.schemas.revise(Plain.class);
		this.schemas.upgrade();
		String added = this.schemas.revise(Defaulted.class).changeSets();
		assertThat(added).contains("addDefaultValue:").contains("new");
		upgradeAndCheck(Defaulted.class, Plain.class);
		String changed = this.schemas.revise(Redefaulted.class).changeSets();
		assertThat(changed).contains("addDefaultValue:").contains("open").contains("rollback:");
		upgradeAndCheck(Redefaulted.class, Defaulted.class);
		String dropped = this.schemas.revise(Plain.class).changeSets();
		assertThat(dropped).contains("dropDefaultValue:").contains("rollback:");
		upgradeAndCheck(Plain.class, Redefaulted.class);
		downgradeAndCheck(Redefaulted.class);
		downgradeAndCheck(Defaulted.class);
		downgradeAndCheck(Plain.class);
	}

	@Test
	void columnCommentAddedChangedAndDroppedEachWithItsRollback() throws Exception {
		this.schemas.revise(Plain.class);
		this.schemas.upgrade();
		String added = this.schemas.revise(Commented.class).changeSets();
		assertThat(added).contains(commentChange()).contains("The state of the widget");
		upgradeAndCheck(Commented.class, Plain.class);
		String changed = this.schemas.revise(Recommented.class).changeSets();
		assertThat(changed).contains(commentChange()).contains("Where the widget is").contains("rollback:");
		upgradeAndCheck(Recommented.class, Commented.class);
		String dropped = this.schemas.revise(Plain.class).changeSets();
		assertThat(dropped).contains(commentChange()).contains("rollback:");
		upgradeAndCheck(Plain.class, Recommented.class);
		downgradeAndCheck(Recommented.class);
		downgradeAndCheck(Commented.class);
		downgradeAndCheck(Plain.class);
	}

	@Test
	void tableCommentAddedChangedAndDroppedEachWithItsRollback() throws Exception {
		this.schemas.revise(Plain.class);
		this.schemas.upgrade();
		SchemaComparison.Result added = this.schemas.revise(TableCommented.class);
		assertThat(added.differences()).containsExactly("change comment of table widget: 'Widgets on sale'");
		assertThat(added.changeSets()).contains("setTableRemarks:").contains("Widgets on sale");
		upgradeAndCheck(TableCommented.class, Plain.class);
		SchemaComparison.Result changed = this.schemas.revise(TableRecommented.class);
		assertThat(changed.differences()).containsExactly("change comment of table widget: 'Widgets in stock'");
		assertThat(flat(changed.changeSets())).contains("setTableRemarks: remarks: Widgets in stock")
			.contains("rollback: setTableRemarks: remarks: Widgets on sale");
		upgradeAndCheck(TableRecommented.class, TableCommented.class);
		SchemaComparison.Result dropped = this.schemas.revise(Plain.class);
		assertThat(dropped.differences()).containsExactly("change comment of table widget: dropped");
		assertThat(flat(dropped.changeSets())).contains("rollback: setTableRemarks: remarks: Widgets in stock");
		upgradeAndCheck(Plain.class, TableRecommented.class);
		downgradeAndCheck(TableRecommented.class);
		downgradeAndCheck(TableCommented.class);
		downgradeAndCheck(Plain.class);
	}

	@Test
	void uniqueConstraintAndIndexOnTheSameColumnTurnedIntoEachOtherEachWithItsRollback() throws Exception {
		this.schemas.revise(Plain.class);
		this.schemas.upgrade();
		assertThat(this.schemas.revise(UniqueState.class).changeSets()).contains("uk_widget_state");
		upgradeAndCheck(UniqueState.class, Plain.class);
		this.schemas.execute("INSERT INTO widget (id, state) VALUES (1, 'open')");
		assertThatExceptionOfType(java.sql.SQLException.class).as("the constraint is in force")
			.isThrownBy(() -> this.schemas.execute("INSERT INTO widget (id, state) VALUES (2, 'open')"));
		// Liquibase takes the two for one index and drops the entities' name
		SchemaComparison.Result indexed = this.schemas.revise(IndexedState.class);
		assertThat(indexed.differences()).containsExactlyInAnyOrder("drop unique constraint uk_widget_state on widget",
				"create index ix_widget_state on widget");
		upgradeAndCheck(IndexedState.class, UniqueState.class);
		this.schemas.execute("INSERT INTO widget (id, state) VALUES (2, 'open')");
		this.schemas.execute("DELETE FROM widget WHERE id = 2");
		SchemaComparison.Result unique = this.schemas.revise(UniqueState.class);
		assertThat(unique.differences()).containsExactlyInAnyOrder(
				"add unique constraint uk_widget_state widget(state)", "drop index ix_widget_state on widget");
		assertThat(flat(unique.changeSets())).contains("rollback: createIndex:");
		upgradeAndCheck(UniqueState.class, IndexedState.class);
		this.schemas.revise(Plain.class);
		upgradeAndCheck(Plain.class, UniqueState.class);
		downgradeAndCheck(UniqueState.class);
		downgradeAndCheck(IndexedState.class);
		downgradeAndCheck(UniqueState.class);
		downgradeAndCheck(Plain.class);
	}

	@Test
	void tableOfEveryCommonTypeIsCleanAfterItsOwnRevision() throws Exception {
		SchemaComparison.Result created = this.schemas.revise(EveryType.class);
		// and, on PostgreSQL, the check Hibernate gives the enum column
		assertThat(created.differences()).first().asString().startsWith("create table every_type (");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(EveryType.class).differences()).as("after the upgrade").isEmpty();
		this.schemas.downgrade();
		assertThat(this.schemas.compare(EveryType.class).differences()).as("after the downgrade")
			.isEqualTo(created.differences());
	}

	@Test
	void collectionTableAndReservedWordTablesComeAndGoCleanly() throws Exception {
		this.schemas.revise(Plain.class);
		this.schemas.upgrade();
		SchemaComparison.Result added = this.schemas.revise(Plain.class, Tagged.class, User.class);
		assertThat(added.differences()).contains("create table tagged (id)", "create table tagged_tag (tagged_id, tag)",
				"create table user (id, order)");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(Plain.class, Tagged.class, User.class).differences()).as("after the upgrade")
			.isEmpty();
		this.schemas.execute("INSERT INTO tagged (id) VALUES (1)");
		this.schemas.execute("INSERT INTO tagged_tag (tagged_id, tag) VALUES (1, 'red')");
		assertThatExceptionOfType(java.sql.SQLException.class).as("the collection table's foreign key is in force")
			.isThrownBy(() -> this.schemas.execute("INSERT INTO tagged_tag (tagged_id, tag) VALUES (2, 'red')"));
		this.schemas.execute("DELETE FROM tagged_tag");
		this.schemas.execute("DELETE FROM tagged");
		this.schemas.downgrade();
		assertThat(this.schemas.compare(Plain.class).differences()).as("after the downgrade").isEmpty();
		assertThat(this.schemas.compare(Plain.class, Tagged.class, User.class).differences()).as("the tables are gone")
			.contains("create table tagged (id)", "create table user (id, order)");
	}

	@Test
	void newEntityOnHibernatesDefaultGeneratorGetsItsSequence() throws Exception {
		SchemaComparison.Result added = this.schemas.revise(Sequenced.class);
		assertThat(added.differences()).as("the sequence Hibernate draws ids from")
			.anySatisfy((difference) -> assertThat(difference).containsIgnoringCase("sequenced_seq"));
		this.schemas.upgrade();
		assertThat(this.schemas.compare(Sequenced.class).differences()).as("after the upgrade").isEmpty();
		this.schemas.execute("INSERT INTO sequenced (id, name) VALUES (" + nextValue("sequenced_SEQ") + ", 'x')");
		this.schemas.downgrade();
		assertThat(this.schemas.compare(Sequenced.class).differences()).as("after the downgrade")
			.isEqualTo(added.differences());
	}

	@Test
	void newEntityOnATableGeneratorGetsItsTableAndTheRowHibernateReads() throws Exception {
		SchemaComparison.Result added = this.schemas.revise(Ticket.class);
		assertThat(added.differences()).contains("create table ticket (id, name)",
				"insert the first row(s) Hibernate's id generator needs into id_values");
		this.schemas.upgrade();
		assertThat(this.schemas.query("SELECT next_id FROM id_values WHERE id_name = 'ticket'"))
			.as("the row Hibernate reads")
			.containsExactly("100");
		assertThat(this.schemas.compare(Ticket.class).differences()).as("after the upgrade").isEmpty();
		Ticket ticket = new Ticket();
		ticket.name = "first";
		assertThat(this.schemas.persist(ticket)).as("the application's first insert draws its id from the row")
			.isEqualTo(101L);
		this.schemas.downgrade();
		assertThat(this.schemas.compare(Ticket.class).differences()).as("after the downgrade")
			.isEqualTo(added.differences());
	}

	@Test
	void foreignKeyColumnDroppedComesBackWithItsKeyOnDowngrade() throws Exception {
		this.schemas.revise(Owner.class, Pet.class);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO owner (id, name) VALUES (1, 'ann')",
				"INSERT INTO pet (id, owner_id) VALUES (1, 1)");
		SchemaComparison.Result dropped = this.schemas.revise(Owner.class, Stray.class);
		assertThat(dropped.differences()).contains("drop column pet.owner_id")
			.anySatisfy((difference) -> assertThat(difference).startsWith("drop foreign key "));
		this.schemas.upgrade();
		assertThat(this.schemas.compare(Owner.class, Stray.class).differences()).as("after the upgrade").isEmpty();
		this.schemas.downgrade();
		assertThat(this.schemas.compare(Owner.class, Pet.class).differences()).as("after the downgrade").isEmpty();
		this.schemas.execute("INSERT INTO pet (id, owner_id) VALUES (2, 1)");
		assertThatExceptionOfType(java.sql.SQLException.class).as("the foreign key is in force again")
			.isThrownBy(() -> this.schemas.execute("INSERT INTO pet (id, owner_id) VALUES (3, 2)"));
	}

	@Test
	void manyToManyJoinTableAddedToExistingTablesComesAndGoesCleanly() throws Exception {
		this.schemas.revise(Owner.class, Pet.class);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO owner (id, name) VALUES (1, 'ann')", "INSERT INTO pet (id) VALUES (1)");
		SchemaComparison.Result added = this.schemas.revise(Owner.class, Pet.class, Vet.class);
		assertThat(added.differences()).contains("create table vet (id)", "create table vet_pet (pet_id, vet_id)");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(Owner.class, Pet.class, Vet.class).differences()).as("after the upgrade")
			.isEmpty();
		this.schemas.execute("INSERT INTO vet (id) VALUES (1)", "INSERT INTO vet_pet (vet_id, pet_id) VALUES (1, 1)");
		assertThatExceptionOfType(java.sql.SQLException.class).as("the join table's keys are in force")
			.isThrownBy(() -> this.schemas.execute("INSERT INTO vet_pet (vet_id, pet_id) VALUES (1, 2)"));
		assertThatExceptionOfType(java.sql.SQLException.class).as("the join table's primary key is in force")
			.isThrownBy(() -> this.schemas.execute("INSERT INTO vet_pet (vet_id, pet_id) VALUES (1, 1)"));
		this.schemas.execute("DELETE FROM vet_pet", "DELETE FROM vet");
		this.schemas.downgrade();
		assertThat(this.schemas.compare(Owner.class, Pet.class).differences()).as("after the downgrade").isEmpty();
	}

	@Test
	void compositePrimaryKeyTableCreatedAndItsKeyWidenedEachWithItsRollback() throws Exception {
		SchemaComparison.Result created = this.schemas.revise(Membership.class);
		assertThat(created.differences()).containsExactly("create table membership (group_id, user_id, role)");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(Membership.class).differences()).as("after the create").isEmpty();
		this.schemas.execute("INSERT INTO membership (group_id, user_id, role) VALUES (1, 1, 'a')");
		SchemaComparison.Result widened = this.schemas.revise(RoleMembership.class);
		assertThat(widened.differences()).containsExactly("drop primary key of membership",
				"add primary key membership(group_id, user_id, role)");
		upgradeAndCheck(RoleMembership.class, Membership.class);
		this.schemas.execute("INSERT INTO membership (group_id, user_id, role) VALUES (1, 1, 'b')");
		this.schemas.execute("DELETE FROM membership WHERE role = 'b'");
		downgradeAndCheck(Membership.class);
	}

	@Test
	void quotedMixedCaseNamesComeAndGoCleanly() throws Exception {
		SchemaComparison.Result created = this.schemas.revise(QuotedBox.class);
		assertThat(created.differences()).first().isEqualTo("create table WidgetBox (id, boxName)");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(QuotedBox.class).differences()).as("after the create").isEmpty();
		SchemaComparison.Result changed = this.schemas.revise(QuotedBoxLonger.class);
		assertThat(changed.differences()).contains("add column WidgetBox.Count " + intType(),
				"set default of WidgetBox.boxName to 'none'");
		upgradeAndCheck(QuotedBoxLonger.class, QuotedBox.class);
		downgradeAndCheck(QuotedBox.class);
	}

	@Test
	void columnRetypedFromTextToANumberKeepsItsValuesBothWays() throws Exception {
		this.schemas.revise(Plain.class);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO widget (id, state) VALUES (1, '12')");
		assertThat(this.schemas.revise(NumericState.class).differences()).singleElement()
			.asString()
			.startsWith("change ");
		upgradeAndCheck(NumericState.class, Plain.class);
		assertThat(this.schemas.query("SELECT state FROM widget")).containsExactly("12");
		downgradeAndCheck(Plain.class);
		assertThat(this.schemas.query("SELECT state FROM widget")).containsExactly("12");
	}

	/**
	 * How the diff names an integer column's type.
	 * @return the type
	 */
	String intType() {
		return "INTEGER";
	}

	@Test
	void indexColumnsReorderedIsAChangeWithItsRollback() throws Exception {
		this.schemas.revise(PairIndexed.class);
		this.schemas.upgrade();
		SchemaComparison.Result reordered = this.schemas.revise(PairReindexed.class);
		assertThat(reordered.differences()).isNotEmpty();
		upgradeAndCheck(PairReindexed.class, PairIndexed.class);
		downgradeAndCheck(PairIndexed.class);
	}

	@Test
	void notNullColumnWithoutADefaultAddedToATableGetsAWarningNamingTheWaysOut() throws Exception {
		this.schemas.revise(Plain.class);
		this.schemas.upgrade();
		SchemaComparison.Result added = this.schemas.revise(Stocked.class);
		assertThat(added.warnings()).singleElement()
			.asString()
			.startsWith("column 'stock' added to table 'widget' as NOT NULL with no default: ")
			.contains("@ColumnDefault")
			.contains("addNotNullConstraint (tableName: widget, columnName: stock, columnDataType: ")
			.contains("defaultNullValue: ");
		assertThat(added.changeSets()).startsWith("  # WARNING: column 'stock' added to table 'widget'");
		upgradeAndCheck(Stocked.class, Plain.class);
		downgradeAndCheck(Plain.class);
	}

	@Test
	void columnMadeNotNullWhileARowHoldsNullGetsAWarningAndFailsWithoutLoss() throws Exception {
		this.schemas.revise(Plain.class);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO widget (id) VALUES (1)");
		SchemaComparison.Result required = this.schemas.revise(Required.class);
		assertThat(required.warnings()).singleElement()
			.asString()
			.startsWith("column 'widget.state' made NOT NULL: rows holding NULL in it make the upgrade fail; "
					+ "update them first");
		assertThatExceptionOfType(RevisionFailedException.class).as("the warning's outcome")
			.isThrownBy(this.schemas::upgrade);
		assertThat(this.schemas.query("SELECT id FROM widget")).as("nothing was lost").containsExactly("1");
		this.schemas.execute("UPDATE widget SET state = 'new'");
		upgradeAndCheck(Required.class, Plain.class);
		downgradeAndCheck(Plain.class);
		assertThat(this.schemas.query("SELECT state FROM widget")).containsExactly("new");
	}

	@Test
	void columnNarrowedWhileARowHoldsALongerValueGetsAWarningAndFailsWithoutLoss() throws Exception {
		this.schemas.revise(Named.class);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO widget (id, name) VALUES (1, 'a name of twenty-one')");
		SchemaComparison.Result narrowed = this.schemas.revise(ShortNamed.class);
		assertThat(narrowed.warnings()).singleElement()
			.asString()
			.startsWithIgnoringCase("column 'widget.name' narrowed from varchar(100) to varchar(10): rows holding a "
					+ "longer value make the upgrade fail");
		assertThatExceptionOfType(RevisionFailedException.class).as("the warning's outcome")
			.isThrownBy(this.schemas::upgrade);
		assertThat(this.schemas.query("SELECT name FROM widget")).as("nothing was lost")
			.containsExactly("a name of twenty-one");
		this.schemas.execute("UPDATE widget SET name = 'short'");
		upgradeAndCheck(ShortNamed.class, Named.class);
		downgradeAndCheck(Named.class);
		this.schemas.upgrade();
		SchemaComparison.Result widened = this.schemas.revise(Named.class);
		assertThat(widened.changeSets()).as("no cast that cuts values").doesNotContain("USING");
		assertThat(widened.warnings()).as("widened back: no warning").isEmpty();
		this.schemas.upgrade();
		this.schemas.execute("UPDATE widget SET name = 'a name of twenty-one'");
		assertThatExceptionOfType(MigrationException.class).as("the downgrade narrows it again")
			.isThrownBy(this.schemas::downgrade);
		assertThat(this.schemas.query("SELECT name FROM widget")).as("nothing was cut")
			.containsExactly("a name of twenty-one");
	}

	@Test
	void columnWithFewerDecimalsGetsAWarningThatItsValuesAreRounded() throws Exception {
		this.schemas.revise(Priced.class);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO widget (id, price) VALUES (1, 12.3456)");
		SchemaComparison.Result rounded = this.schemas.revise(RoughlyPriced.class);
		assertThat(rounded.warnings()).singleElement()
			.asString()
			.matches("(?i)column 'widget.price' narrowed from (numeric|decimal)\\(10, 4\\) to (numeric|decimal)"
					+ "\\(10, 2\\): the values rows hold are rounded to 2 decimals");
		upgradeAndCheck(RoughlyPriced.class, Priced.class);
		assertThat(this.schemas.query("SELECT price FROM widget")).as("the warning's outcome").containsExactly("12.35");
		downgradeAndCheck(Priced.class);
	}

	@Test
	void notNullColumnWithADefaultAddedToATableWithRowsFillsThem() throws Exception {
		this.schemas.revise(Plain.class);
		this.schemas.upgrade();
		this.schemas.execute("INSERT INTO widget (id, state) VALUES (1, 'new')");
		SchemaComparison.Result added = this.schemas.revise(StockedFromZero.class);
		assertThat(added.warnings()).isEmpty();
		upgradeAndCheck(StockedFromZero.class, Plain.class);
		assertThat(this.schemas.query("SELECT stock FROM widget")).containsExactly("0");
		downgradeAndCheck(Plain.class);
		assertThat(this.schemas.query("SELECT state FROM widget")).containsExactly("new");
	}

	@Test
	void jsonColumnAddedAndDroppedCleanly() throws Exception {
		SchemaComparison.Result created = this.schemas.revise(Attributed.class);
		this.schemas.upgrade();
		assertThat(this.schemas.compare(Attributed.class).differences()).as("after the create").isEmpty();
		this.schemas.revise(Plain.class);
		upgradeAndCheck(Plain.class, Attributed.class);
		downgradeAndCheck(Attributed.class);
		this.schemas.downgrade();
		assertThat(this.schemas.compare(Attributed.class).differences()).as("after the downgrade")
			.isEqualTo(created.differences());
	}

	/**
	 * The next value of a sequence, in this database's SQL.
	 * @param sequence the sequence
	 * @return an expression
	 */
	String nextValue(String sequence) {
		return "nextval('" + sequence.toLowerCase(java.util.Locale.ROOT) + "')";
	}

	@Test
	void tableWithDefaultsOfEveryKindIsCleanAfterItsOwnRevision() throws Exception {
		SchemaComparison.Result created = this.schemas.revise(Defaults.class);
		assertThat(created.differences()).first().asString().startsWith("create table defaults (");
		this.schemas.upgrade();
		assertThat(this.schemas.compare(Defaults.class).differences()).as("after the upgrade").isEmpty();
		this.schemas.execute("INSERT INTO defaults (id) VALUES (1)");
		this.schemas.downgrade();
		assertThat(this.schemas.compare(Defaults.class).differences()).as("after the downgrade")
			.isEqualTo(created.differences());
	}

	@Test
	void checkConstraintAddedChangedAndDroppedEachWithItsRollback() throws Exception {
		this.schemas.revise(Unchecked.class);
		this.schemas.upgrade();
		SchemaComparison.Result added = this.schemas.revise(Checked.class);
		assertThat(added.differences()).singleElement().asString().startsWith("add check constraint");
		assertThat(added.changeSets()).contains("ADD CONSTRAINT").contains("rollback:");
		upgradeAndCheck(Checked.class, Unchecked.class);
		this.schemas.execute("INSERT INTO widget (id, amount) VALUES (1, 5)");
		assertThatExceptionOfType(java.sql.SQLException.class).as("the check is in force")
			.isThrownBy(() -> this.schemas.execute("INSERT INTO widget (id, amount) VALUES (2, -5)"));
		SchemaComparison.Result changed = this.schemas.revise(Rechecked.class);
		assertThat(changed.differences()).hasSize(2);
		upgradeAndCheck(Rechecked.class, Checked.class);
		SchemaComparison.Result dropped = this.schemas.revise(Unchecked.class);
		assertThat(dropped.differences()).singleElement().asString().startsWith("drop check constraint");
		upgradeAndCheck(Unchecked.class, Rechecked.class);
		downgradeAndCheck(Rechecked.class);
		downgradeAndCheck(Checked.class);
		downgradeAndCheck(Unchecked.class);
	}

	/**
	 * A widget with an amount and no check.
	 */
	@Entity
	@Table(name = "widget")
	static class Unchecked {

		@Id
		Integer id;

		Integer amount;

	}

	/**
	 * The amount checked.
	 */
	@Entity
	@Table(name = "widget")
	@Check(name = "ck_widget_amount", constraints = "amount >= 0")
	static class Checked {

		@Id
		Integer id;

		Integer amount;

	}

	/**
	 * The amount checked otherwise.
	 */
	@Entity
	@Table(name = "widget")
	@Check(name = "ck_widget_amount", constraints = "amount >= 0 AND amount < 1000")
	static class Rechecked {

		@Id
		Integer id;

		Integer amount;

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
	 * The widget's name shortened.
	 */
	@Entity
	@Table(name = "widget")
	static class ShortNamed {

		@Id
		Integer id;

		@Column(length = 10)
		String name;

	}

	/**
	 * A widget with a price of four decimals.
	 */
	@Entity
	@Table(name = "widget")
	static class Priced {

		@Id
		Integer id;

		@Column(precision = 10, scale = 4)
		java.math.BigDecimal price;

	}

	/**
	 * The widget's price with two decimals.
	 */
	@Entity
	@Table(name = "widget")
	static class RoughlyPriced {

		@Id
		Integer id;

		@Column(precision = 10, scale = 2)
		java.math.BigDecimal price;

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

	/**
	 * A widget with a state, no default and no comment.
	 */
	@Entity
	@Table(name = "widget")
	static class Plain {

		@Id
		Integer id;

		@Column(length = 20)
		String state;

	}

	/**
	 * A column definition no database takes.
	 */
	@Entity
	@Table(name = "widget")
	static class Refused {

		@Id
		Integer id;

		@Column(columnDefinition = "varchar(20) check (")
		String state;

	}

	/**
	 * The state with a server default.
	 */
	@Entity
	@Table(name = "widget")
	static class Defaulted {

		@Id
		Integer id;

		@Column(length = 20)
		@ColumnDefault("'new'")
		String state;

	}

	/**
	 * The state with another server default.
	 */
	@Entity
	@Table(name = "widget")
	static class Redefaulted {

		@Id
		Integer id;

		@Column(length = 20)
		@ColumnDefault("'open'")
		String state;

	}

	/**
	 * The state with a comment.
	 */
	@Entity
	@Table(name = "widget")
	static class Commented {

		@Id
		Integer id;

		@Column(length = 20)
		@Comment("The state of the widget")
		String state;

	}

	/**
	 * The state with another comment.
	 */
	@Entity
	@Table(name = "widget")
	static class Recommented {

		@Id
		Integer id;

		@Column(length = 20)
		@Comment("Where the widget is")
		String state;

	}

	/**
	 * The plain widget with a table comment.
	 */
	@Entity
	@Table(name = "widget")
	@Comment("Widgets on sale")
	static class TableCommented {

		@Id
		Integer id;

		@Column(length = 20)
		String state;

	}

	/**
	 * The plain widget with another table comment.
	 */
	@Entity
	@Table(name = "widget")
	@Comment("Widgets in stock")
	static class TableRecommented {

		@Id
		Integer id;

		@Column(length = 20)
		String state;

	}

	/**
	 * The plain widget whose state is unique.
	 */
	@Entity
	@Table(name = "widget",
			uniqueConstraints = @jakarta.persistence.UniqueConstraint(name = "uk_widget_state", columnNames = "state"))
	static class UniqueState {

		@Id
		Integer id;

		@Column(length = 20)
		String state;

	}

	/**
	 * The plain widget whose state has an index that is not unique.
	 */
	@Entity
	@Table(name = "widget", indexes = @jakarta.persistence.Index(name = "ix_widget_state", columnList = "state"))
	static class IndexedState {

		@Id
		Integer id;

		@Column(length = 20)
		String state;

	}

	/**
	 * A table with a column of each type entities commonly use.
	 */
	@Entity
	@Table(name = "every_type")
	static class EveryType {

		@Id
		@jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY)
		Long id;

		boolean flag;

		Boolean optionalFlag;

		int count;

		Long big;

		short small;

		double ratio;

		float share;

		@Column(precision = 12, scale = 2)
		java.math.BigDecimal amount;

		@Column(length = 100, nullable = false)
		String name;

		@jakarta.persistence.Lob
		@Column(columnDefinition = "text")
		String body;

		java.time.Instant createdAt;

		java.time.LocalDateTime localStamp;

		java.time.LocalDate day;

		java.time.LocalTime clock;

		java.time.OffsetDateTime offsetTime;

		java.util.UUID uuid;

		byte[] bytes;

		@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
		@Column(length = 10)
		java.time.DayOfWeek weekday;

		@jakarta.persistence.Version
		Integer version;

	}

	/**
	 * A gadget with tags in a collection table.
	 */
	@Entity
	@Table(name = "tagged")
	static class Tagged {

		@Id
		Integer id;

		@jakarta.persistence.ElementCollection
		@jakarta.persistence.CollectionTable(name = "tagged_tag",
				joinColumns = @jakarta.persistence.JoinColumn(name = "tagged_id"))
		@Column(name = "tag", length = 30)
		java.util.Set<String> tags;

	}

	/**
	 * A table whose name is a reserved word.
	 */
	@Entity
	@Table(name = "`user`")
	static class User {

		@Id
		Integer id;

		@Column(name = "`order`", length = 20)
		String order;

	}

	/**
	 * An entity whose id comes from Hibernate's default generator: a sequence
	 * {@code sequenced_SEQ} on PostgreSQL and MariaDB.
	 */
	@Entity
	@Table(name = "sequenced")
	static class Sequenced {

		@Id
		@jakarta.persistence.GeneratedValue
		Long id;

		String name;

	}

	/**
	 * An entity whose ids come from a {@code @TableGenerator}: one row of
	 * {@code id_values} per generator, which Hibernate reads and updates.
	 */
	@Entity
	@Table(name = "ticket")
	static class Ticket {

		@Id
		@jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.TABLE,
				generator = "ticket_ids")
		@jakarta.persistence.TableGenerator(name = "ticket_ids", table = "id_values", pkColumnName = "id_name",
				valueColumnName = "next_id", pkColumnValue = "ticket", initialValue = 100)
		Long id;

		String name;

	}

	/**
	 * A table whose columns have server defaults of each common kind.
	 */
	@Entity
	@Table(name = "defaults")
	static class Defaults {

		@Id
		Integer id;

		@ColumnDefault("CURRENT_TIMESTAMP")
		java.time.Instant createdAt;

		@ColumnDefault("false")
		Boolean active;

		@ColumnDefault("0")
		Integer count;

		@Column(precision = 10, scale = 2)
		@ColumnDefault("1.50")
		java.math.BigDecimal price;

		@Column(length = 20)
		@ColumnDefault("'new'")
		String state;

	}

	/**
	 * An owner of pets.
	 */
	@Entity
	@Table(name = "owner")
	static class Owner {

		@Id
		Integer id;

		@Column(length = 20)
		String name;

	}

	/**
	 * A pet, with a foreign key to its owner.
	 */
	@Entity
	@Table(name = "pet")
	static class Pet {

		@Id
		Integer id;

		@ManyToOne
		@JoinColumn(name = "owner_id")
		Owner owner;

	}

	/**
	 * A pet without an owner.
	 */
	@Entity
	@Table(name = "pet")
	static class Stray {

		@Id
		Integer id;

	}

	/**
	 * The widget's state required.
	 */
	@Entity
	@Table(name = "widget")
	static class Required {

		@Id
		Integer id;

		@Column(length = 20, nullable = false)
		String state;

	}

	/**
	 * The widget with a stock count that starts at zero.
	 */
	@Entity
	@Table(name = "widget")
	static class StockedFromZero {

		@Id
		Integer id;

		@Column(length = 20)
		String state;

		@ColumnDefault("0")
		int stock;

	}

	/**
	 * A vet who treats pets: a join table with two foreign keys.
	 */
	@Entity
	@Table(name = "vet")
	static class Vet {

		@Id
		Integer id;

		@jakarta.persistence.ManyToMany
		@jakarta.persistence.JoinTable(name = "vet_pet", joinColumns = @JoinColumn(name = "vet_id"),
				inverseJoinColumns = @JoinColumn(name = "pet_id"))
		java.util.Set<Pet> pets;

	}

	/**
	 * A member of a group, keyed by both.
	 */
	@Entity
	@Table(name = "membership")
	@jakarta.persistence.IdClass(MembershipKey.class)
	static class Membership {

		@Id
		@Column(name = "group_id")
		Integer groupId;

		@Id
		@Column(name = "user_id")
		Integer userId;

		@Column(length = 10, nullable = false)
		String role;

	}

	/**
	 * A member of a group in a role, keyed by all three.
	 */
	@Entity
	@Table(name = "membership")
	@jakarta.persistence.IdClass(RoleMembershipKey.class)
	static class RoleMembership {

		@Id
		@Column(name = "group_id")
		Integer groupId;

		@Id
		@Column(name = "user_id")
		Integer userId;

		@Id
		@Column(length = 10)
		String role;

	}

	/**
	 * The key of a membership.
	 *
	 * @param groupId the group
	 * @param userId the user
	 */
	record MembershipKey(Integer groupId, Integer userId) implements java.io.Serializable {

	}

	/**
	 * The key of a membership in a role.
	 *
	 * @param groupId the group
	 * @param userId the user
	 * @param role the role
	 */
	record RoleMembershipKey(Integer groupId, Integer userId, String role) implements java.io.Serializable {

	}

	/**
	 * Quoted mixed-case names.
	 */
	@Entity
	@Table(name = "\"WidgetBox\"", indexes = @Index(name = "\"IxBoxName\"", columnList = "\"boxName\""))
	static class QuotedBox {

		@Id
		Integer id;

		@Column(name = "\"boxName\"", length = 20)
		String boxName;

	}

	/**
	 * Quoted mixed-case names, a longer column and a default.
	 */
	@Entity
	@Table(name = "\"WidgetBox\"", indexes = @Index(name = "\"IxBoxName\"", columnList = "\"boxName\""))
	static class QuotedBoxLonger {

		@Id
		Integer id;

		@Column(name = "\"boxName\"", length = 40, nullable = false)
		@ColumnDefault("'none'")
		String boxName;

		@Column(name = "\"Count\"")
		Integer count;

	}

	/**
	 * The state as a number.
	 */
	@Entity
	@Table(name = "widget")
	static class NumericState {

		@Id
		Integer id;

		Integer state;

	}

	/**
	 * A widget indexed on two columns.
	 */
	@Entity
	@Table(name = "widget", indexes = @Index(name = "ix_widget_pair", columnList = "first_name, last_name"))
	static class PairIndexed {

		@Id
		Integer id;

		@Column(name = "first_name", length = 20)
		String firstName;

		@Column(name = "last_name", length = 20)
		String lastName;

	}

	/**
	 * The index's columns the other way round.
	 */
	@Entity
	@Table(name = "widget", indexes = @Index(name = "ix_widget_pair", columnList = "last_name, first_name"))
	static class PairReindexed {

		@Id
		Integer id;

		@Column(name = "first_name", length = 20)
		String firstName;

		@Column(name = "last_name", length = 20)
		String lastName;

	}

	/**
	 * The widget with a stock count, a primitive, so NOT NULL.
	 */
	@Entity
	@Table(name = "widget")
	static class Stocked {

		@Id
		Integer id;

		@Column(length = 20)
		String state;

		int stock;

	}

	/**
	 * The widget with JSON attributes.
	 */
	@Entity
	@Table(name = "widget")
	static class Attributed {

		@Id
		Integer id;

		@Column(length = 20)
		String state;

		@JdbcTypeCode(SqlTypes.JSON)
		java.util.Map<String, Object> attributes;

	}

}
