package io.paig.db.migration.sqlite;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;

import io.paig.db.migration.MigrationException;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.Changelogs;
import liquibase.Liquibase;
import liquibase.change.AddColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.DropColumnChange;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SqliteAddColumnChange}: what it adds in place on SQLite, what it
 * leaves to Liquibase, its derived rollback, and its checksum.
 *
 * @author paig-db authors
 */
class SqliteAddColumnChangeTests {

	@TempDir
	Path temp;

	private ParentAndChildren family;

	@BeforeEach
	void createFamily() {
		this.family = new ParentAndChildren(this.temp);
	}

	@AfterEach
	void closeFamily() {
		this.family.close();
	}

	@Test
	void uniqueColumnIsLeftToLiquibasesRebuild() throws Exception {
		Changelogs changelogs = this.family.changelogs().revision("0000aaaa0002", "add unique", """
				  - changeSet:
				      id: add-serial
				      author: paig
				      changes:
				        - addColumn:
				            tableName: tag
				            columns:
				              - column: { name: serial, type: varchar(20), constraints: { unique: true } }
				""");
		MigrationRunner runner = this.family.runner(changelogs);
		runner.upgrade();
		assertThat(this.family.columns("tag")).containsExactly("id", "label", "code", "serial");
		assertThat(this.family.rows("SELECT count(*) FROM tag")).containsExactly("2");
		this.family.assertChildrenIntact();
	}

	@Test
	void addThatNeedsARebuildOfATableOthersReferToIsRefusedAndChangesNothing() throws Exception {
		Changelogs changelogs = this.family.changelogs().revision("0000aaaa0002", "add unique to parent", """
				  - changeSet:
				      id: add-parent-serial
				      author: paig
				      changes:
				        - addColumn:
				            tableName: parent
				            columns:
				              - column: { name: serial, type: varchar(20), constraints: { unique: true } }
				""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(this.family.runner(changelogs)::upgrade)
			.withMessageContaining("SQLite cannot add [serial] of parent in place")
			.withMessageContaining("would break the foreign keys of child_cascade, child_set_null");
		assertThat(this.family.columns("parent")).containsExactly("id", "name", "nickname");
		this.family.assertChildrenIntact();
	}

	@Test
	void stockLiquibaseWithTheDatabaseInScopeParsesAndRunsAddColumnOnSqlite() throws Exception {
		// Liquibase's own update (Spring Boot's SpringLiquibase) parses with the database
		// in scope, which makes
		// ChangeFactory ask an empty addColumn what it supports
		Changelogs changelogs = this.family.changelogs().revision("0000aaaa0002", "add status", """
				  - changeSet:
				      id: add-status-stock
				      author: paig
				      changes:
				        - addColumn:
				            tableName: parent
				            columns:
				              - column: { name: status, type: varchar(20) }
				""");
		try (Connection connection = this.family.connection()) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			try (Liquibase liquibase = new Liquibase("db.changelog-master.yaml",
					new DirectoryResourceAccessor(changelogs.folder()), database)) {
				liquibase.update();
			}
		}
		assertThat(this.family.columns("parent")).containsExactly("id", "name", "nickname", "status");
		this.family.assertChildrenIntact();
	}

	@Test
	void derivedRollbackDropsTheColumnsInPlaceWithoutDroppingTheirDefaults() throws Exception {
		Changelogs changelogs = this.family.changelogs();
		MigrationRunner runner = this.family.runner(changelogs);
		runner.upgrade();
		changelogs.revision("0000aaaa0002", "add status", """
				  - changeSet:
				      id: add-status
				      author: paig
				      changes:
				        - addColumn:
				            tableName: parent
				            columns:
				              - column: { name: status, type: varchar(20), defaultValue: active }
				""");
		runner = this.family.runner(changelogs);
		runner.upgrade();
		StringWriter sql = new StringWriter();
		runner.downgradeSql("-1", sql);
		assertThat(sql.toString()).contains("ALTER TABLE parent DROP COLUMN status;")
			.doesNotContainIgnoringCase("_temporary")
			.doesNotContainIgnoringCase("DEFAULT");
		runner.downgrade("-1");
		assertThat(this.family.columns("parent")).containsExactly("id", "name", "nickname");
		this.family.assertChildrenIntact();
	}

	@Test
	void inverseIsADropColumnThatDropsInPlace() {
		SqliteAddColumnChange change = new SqliteAddColumnChange();
		addStatus(change);
		assertThat(change.createInverses()).hasAtLeastOneElementOfType(SqliteDropColumnChange.class)
			.noneMatch((inverse) -> inverse.getClass() == DropColumnChange.class);
	}

	@Test
	void checksumIsLiquibasesOwn() {
		AddColumnChange liquibase = addStatus(new AddColumnChange());
		AddColumnChange ours = addStatus(new SqliteAddColumnChange());
		assertThat(ours.generateCheckSum()).isEqualTo(liquibase.generateCheckSum());
		assertThat(ours.getSerializedObjectName()).isEqualTo("addColumn");
	}

	private static AddColumnChange addStatus(AddColumnChange change) {
		change.setTableName("parent");
		AddColumnConfig column = new AddColumnConfig();
		column.setName("status");
		column.setType("varchar(20)");
		column.setDefaultValue("active");
		column.setConstraints(new ConstraintsConfig().setNullable(false));
		change.addColumn(column);
		return change;
	}

}
