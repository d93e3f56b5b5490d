package io.paig.db.autogenerate;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.paig.db.testsupport.TestDatabase;
import liquibase.CatalogAndSchema;
import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DiffRollbacks}, on a diff of two PostgreSQL schemas: {@code entities}
 * as the entities' schema, {@code public} as the real database.
 *
 * @author paig-db authors
 */
class DiffRollbacksTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@BeforeEach
	void schemas() throws Exception {
		database.reset("entities");
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE parent (id int PRIMARY KEY)");
			statement.execute("CREATE TABLE child (id int PRIMARY KEY, label varchar(50), "
					+ "legacy varchar(20) NOT NULL DEFAULT 'x', parent_id int, "
					+ "CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id))");
			statement.execute("CREATE INDEX ix_child_label ON child (label)");
			statement.execute("CREATE SCHEMA entities");
			statement.execute("CREATE TABLE entities.parent (id int PRIMARY KEY)");
			statement.execute("CREATE TABLE entities.child (id int PRIMARY KEY, label varchar(50), parent_id int, "
					+ "CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES entities.parent (id) ON DELETE CASCADE)");
			statement.execute("CREATE TABLE entities.extra (id int PRIMARY KEY)");
		}
	}

	@Test
	void droppedColumnComesBackWithItsTypeNullabilityAndDefault() throws Exception {
		List<ChangeSet> changeSets = generate(false);
		ChangeSet drop = only(changeSets, DropColumnChange.class);
		assertThat(drop.getRollback().getChanges()).singleElement()
			.isInstanceOfSatisfying(AddColumnChange.class, (add) -> {
				assertThat(add.getTableName()).isEqualTo("child");
				AddColumnConfig column = add.getColumns().get(0);
				assertThat(column.getName()).isEqualTo("legacy");
				assertThat(column.getType()).isEqualToIgnoringCase("varchar(20)");
				assertThat(column.getConstraints().isNullable()).isFalse();
				assertThat(column.getDefaultValue()).isEqualTo("x");
			});
	}

	@Test
	void droppedIndexComesBackOnItsColumns() throws Exception {
		ChangeSet drop = only(generate(false), DropIndexChange.class);
		assertThat(drop.getRollback().getChanges()).singleElement()
			.isInstanceOfSatisfying(CreateIndexChange.class, (create) -> {
				assertThat(create.getIndexName()).isEqualTo("ix_child_label");
				assertThat(create.getTableName()).isEqualTo("child");
				assertThat(create.getColumns()).extracting(AddColumnConfig::getName).containsExactly("label");
			});
	}

	@Test
	void changedForeignKeyGetsTheOldKeyBackAfterTheNewOneIsDropped() throws Exception {
		List<ChangeSet> changeSets = generate(false);
		ChangeSet drop = only(changeSets, DropForeignKeyConstraintChange.class);
		ChangeSet add = only(changeSets, AddForeignKeyConstraintChange.class);
		assertThat(changeSets.indexOf(add)).as("a downgrade undoes the add first")
			.isGreaterThan(changeSets.indexOf(drop));
		assertOldKeyComesBack(drop);
		assertThat(add.getRollback().getChanges()).as("the add keeps its derived rollback").isEmpty();
		assertThat(((AddForeignKeyConstraintChange) add.getChanges().get(0)).getOnDelete()).isEqualTo("CASCADE");
	}

	@Test
	void changeSetOfADropAndAnAddIsSplitAndAllAreNumberedAgain() throws Exception {
		List<ChangeSet> changeSets = generate(true);
		assertThat(changeSets).extracting(ChangeSet::getId)
			.containsExactlyElementsOf(
					IntStream.rangeClosed(1, changeSets.size()).mapToObj((number) -> "r-" + number).toList());
		ChangeSet drop = only(changeSets, DropForeignKeyConstraintChange.class);
		ChangeSet add = only(changeSets, AddForeignKeyConstraintChange.class);
		assertThat(changeSets.indexOf(add)).isEqualTo(changeSets.indexOf(drop) + 1);
		assertOldKeyComesBack(drop);
		assertThat(add.getRollback().getChanges()).isEmpty();
	}

	@Test
	void changesWithADerivedRollbackAreLeftAsTheyAre() throws Exception {
		ChangeSet create = only(generate(false), CreateTableChange.class);
		assertThat(create.getRollback().getChanges()).isEmpty();
	}

	private static void assertOldKeyComesBack(ChangeSet drop) {
		assertThat(drop.getRollback().getChanges()).singleElement()
			.isInstanceOfSatisfying(AddForeignKeyConstraintChange.class, (old) -> {
				assertThat(old.getConstraintName()).isEqualTo("fk_child_parent");
				assertThat(old.getBaseTableName()).isEqualTo("child");
				assertThat(old.getReferencedTableName()).isEqualTo("parent");
				assertThat(old.getOnDelete()).isNotEqualToIgnoringCase("CASCADE");
			});
	}

	private static ChangeSet only(List<ChangeSet> changeSets, Class<? extends Change> type) {
		List<ChangeSet> with = changeSets.stream()
			.filter((changeSet) -> changeSet.getChanges().stream().anyMatch(type::isInstance))
			.toList();
		assertThat(with).as(type.getSimpleName())
			.singleElement()
			.satisfies((changeSet) -> assertThat(changeSet.getChanges()).hasSize(1));
		return with.get(0);
	}

	/**
	 * Diff the schemas and add the rollbacks.
	 * @param oneChangeSetForTheKey put the drop and the add of the changed foreign key in
	 * one changeset, as Liquibase's generator returns them
	 */
	private List<ChangeSet> generate(boolean oneChangeSetForTheKey) throws Exception {
		try (Connection entitiesConnection = database.connection(); Connection realConnection = database.connection()) {
			Database entities = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(entitiesConnection));
			entities.setDefaultSchemaName("entities");
			Database real = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(realConnection));
			CompareControl.SchemaComparison[] schemas = { new CompareControl.SchemaComparison(
					new CatalogAndSchema(null, "entities"), new CatalogAndSchema(null, "public")) };
			Set<Class<? extends DatabaseObject>> types = new HashSet<>(List.of(Table.class, Column.class,
					PrimaryKey.class, Index.class, ForeignKey.class, UniqueConstraint.class));
			DiffResult result = DiffGeneratorFactory.getInstance()
				.compare(entities, real, new CompareControl(schemas, types));
			DiffToChangeLog changeLog = new DiffToChangeLog(result,
					new DiffOutputControl(false, false, false, schemas));
			changeLog.setIdRoot("r");
			changeLog.setChangeSetAuthor("paig-db");
			List<ChangeSet> changeSets = new ArrayList<>(changeLog.generateChangeSets());
			if (oneChangeSetForTheKey) {
				ChangeSet drop = only(changeSets, DropForeignKeyConstraintChange.class);
				ChangeSet add = only(changeSets, AddForeignKeyConstraintChange.class);
				changeSets.remove(add);
				drop.addChange(add.getChanges().get(0));
			}
			return new DiffRollbacks(result, real).add(changeSets, "r");
		}
	}

}
