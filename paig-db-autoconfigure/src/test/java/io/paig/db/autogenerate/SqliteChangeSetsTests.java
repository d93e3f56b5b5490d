package io.paig.db.autogenerate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropNotNullConstraintChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SqliteChangeSets}.
 *
 * @author paig-db authors
 */
class SqliteChangeSetsTests {

	@TempDir
	Path temp;

	private Connection real;

	private Connection scratch;

	@BeforeEach
	void createDatabases() throws SQLException {
		this.real = DriverManager.getConnection("jdbc:sqlite:" + this.temp.resolve("real.db"));
		this.scratch = DriverManager.getConnection("jdbc:sqlite:" + this.temp.resolve("scratch.db"));
		execute(this.real, "CREATE TABLE widget (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)");
		execute(this.scratch,
				"CREATE TABLE widget (id integer, name varchar(100), color varchar(30), primary key (id))");
		execute(this.scratch, "CREATE TABLE gadget (id integer, widget_id integer, primary key (id), "
				+ "constraint fk_gadget_widget foreign key (widget_id) references widget (id) on delete set null)");
	}

	@AfterEach
	void close() throws SQLException {
		this.real.close();
		this.scratch.close();
	}

	@Test
	void foreignKeyOfANewTableGoesIntoItsCreateTable() throws SQLException {
		CreateTableChange create = createGadget();
		AddForeignKeyConstraintChange foreignKey = foreignKey("CASCADE");
		SqliteChangeSets.Shaped shaped = shape(changeSet("r-1", create), changeSet("r-2", foreignKey));
		assertThat(shaped.changeSets()).hasSize(1);
		ColumnConfig widgetId = create.getColumns().get(1);
		assertThat(widgetId.getConstraints().getForeignKeyName()).isEqualTo("fk_gadget_widget");
		assertThat(widgetId.getConstraints().getReferencedTableName()).isEqualTo("widget");
		assertThat(widgetId.getConstraints().getReferencedColumnNames()).isEqualTo("id");
		assertThat(widgetId.getConstraints().isDeleteCascade()).isTrue();
		assertThat(shaped.rebuilds()).isEmpty();
	}

	@Test
	void newTableWithAKeyColumnConstraintsCannotSayIsHibernatesOwnCreateTable() throws SQLException {
		SqliteChangeSets.Shaped shaped = shape(changeSet("r-1", createGadget()),
				changeSet("r-2", foreignKey("SET NULL")));
		assertThat(shaped.changeSets()).hasSize(1);
		ChangeSet changeSet = shaped.changeSets().get(0);
		assertThat(changeSet.getChanges()).singleElement()
			.isInstanceOfSatisfying(RawSQLChange.class,
					(sql) -> assertThat(sql.getSql()).contains("on delete set null").startsWith("CREATE TABLE gadget"));
		assertThat(changeSet.getRollback().getChanges()).singleElement().isInstanceOf(DropTableChange.class);
	}

	@Test
	void addedNullableColumnStaysATypedAddColumnWithItsDerivedRollback() throws SQLException {
		AddColumnChange add = new AddColumnChange();
		add.setTableName("widget");
		AddColumnConfig color = new AddColumnConfig();
		color.setName("color");
		color.setType("VARCHAR(30)");
		add.addColumn(color);
		ChangeSet original = changeSet("r-1", add);
		SqliteChangeSets.Shaped shaped = shape(original);
		assertThat(shaped.changeSets()).containsExactly(original);
		assertThat(shaped.changeSets().get(0).getChanges()).containsExactly(add);
		assertThat(shaped.changeSets().get(0).getRollback().getChanges()).as("derived, run in place on SQLite")
			.isEmpty();
		assertThat(shaped.rebuiltTables()).isEmpty();
	}

	@Test
	void changeSqliteCannotMakeInPlaceIsARebuildOfTheWholeTable() throws SQLException {
		DropNotNullConstraintChange nullable = new DropNotNullConstraintChange();
		nullable.setTableName("widget");
		nullable.setColumnName("name");
		AddColumnChange add = new AddColumnChange();
		add.setTableName("widget");
		AddColumnConfig color = new AddColumnConfig();
		color.setName("color");
		color.setType("VARCHAR(30)");
		add.addColumn(color);
		SqliteChangeSets.Shaped shaped = shape(changeSet("r-1", add), changeSet("r-2", nullable));
		assertThat(shaped.changeSets()).as("the rebuild holds every change of the table").isEmpty();
		assertThat(shaped.rebuiltTables()).containsExactly("widget");
		assertThat(shaped.rebuilds()).contains("id: r-3")
			.contains("Rebuild widget")
			.contains("CREATE TABLE widget (id integer, name varchar(100), color varchar(30), primary key (id))")
			.contains(
					"INSERT INTO main.\"widget\" (\"id\", \"name\") SELECT \"id\", \"name\" FROM temp.\"paig_rebuild_widget\"")
			.contains("rollback:")
			.contains("CREATE TABLE widget (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)");
	}

	private SqliteChangeSets.Shaped shape(ChangeSet... changeSets) throws SQLException {
		return new SqliteChangeSets(this.real, this.scratch).shape(List.of(changeSets), "r");
	}

	private static CreateTableChange createGadget() {
		CreateTableChange create = new CreateTableChange();
		create.setTableName("gadget");
		create.addColumn(new ColumnConfig().setName("id").setType("INTEGER"));
		create.addColumn(new ColumnConfig().setName("widget_id").setType("INTEGER"));
		return create;
	}

	private static AddForeignKeyConstraintChange foreignKey(String onDelete) {
		AddForeignKeyConstraintChange foreignKey = new AddForeignKeyConstraintChange();
		foreignKey.setConstraintName("fk_gadget_widget");
		foreignKey.setBaseTableName("gadget");
		foreignKey.setBaseColumnNames("widget_id");
		foreignKey.setReferencedTableName("widget");
		foreignKey.setReferencedColumnNames("id");
		foreignKey.setOnDelete(onDelete);
		return foreignKey;
	}

	private static ChangeSet changeSet(String id, Change change) {
		ChangeSet changeSet = new ChangeSet(id, "paig-db", false, false, null, null, null, null);
		changeSet.addChange(change);
		return changeSet;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
