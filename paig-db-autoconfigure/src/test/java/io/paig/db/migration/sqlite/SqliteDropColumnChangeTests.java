package io.paig.db.migration.sqlite;

import java.io.StringWriter;
import java.nio.file.Path;

import io.paig.db.migration.MigrationException;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.Changelogs;
import liquibase.change.ColumnConfig;
import liquibase.change.core.DropColumnChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SqliteDropColumnChange}: a hand-written {@code dropColumn} on SQLite
 * drops in place what it can, and leaves the rest to Liquibase's rebuild.
 *
 * @author paig-db authors
 */
class SqliteDropColumnChangeTests {

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
	void dropColumnOfAParentDropsInPlaceAndKeepsEveryChildRow() throws Exception {
		Changelogs changelogs = this.family.changelogs().revision("0000aaaa0002", "drop nickname", """
				  - changeSet:
				      id: drop-nickname
				      author: paig
				      changes:
				        - dropColumn: { tableName: parent, columnName: nickname }
				""");
		this.family.runner(changelogs).upgrade();
		assertThat(this.family.columns("parent")).containsExactly("id", "name");
		this.family.assertChildrenIntact();
	}

	@Test
	void dropColumnOfSeveralColumnsDropsEachInPlace() throws Exception {
		Changelogs changelogs = this.family.changelogs().revision("0000aaaa0002", "drop two", """
				  - changeSet:
				      id: drop-two
				      author: paig
				      changes:
				        - dropColumn:
				            tableName: parent
				            columns:
				              - column: { name: nickname }
				              - column: { name: name }
				""");
		this.family.runner(changelogs).upgrade();
		assertThat(this.family.columns("parent")).containsExactly("id");
		this.family.assertChildrenIntact();
	}

	@Test
	void dropColumnOfAnIndexedColumnFallsBackToLiquibasesRebuild() throws Exception {
		Changelogs changelogs = this.family.changelogs();
		this.family.runner(changelogs).upgrade();
		changelogs.revision("0000aaaa0002", "drop code", """
				  - changeSet:
				      id: drop-code
				      author: paig
				      changes:
				        - dropColumn: { tableName: tag, columnName: code }
				""");
		MigrationRunner runner = this.family.runner(changelogs);
		StringWriter sql = new StringWriter();
		runner.upgradeSql("head", sql);
		assertThat(sql.toString()).as("Liquibase's rebuild").contains("tag_temporary");
		runner.upgrade();
		assertThat(this.family.columns("tag")).containsExactly("id", "label");
		assertThat(this.family.rows("SELECT id || ':' || label FROM tag ORDER BY id")).containsExactly("1:red",
				"2:blue");
		assertThat(this.family.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tag'"))
			.isEmpty();
		this.family.assertChildrenIntact();
	}

	@Test
	void dropThatNeedsARebuildOfATableOthersReferToIsRefusedAndChangesNothing() throws Exception {
		Changelogs changelogs = this.family.changelogs();
		this.family.runner(changelogs).upgrade();
		this.family.execute("CREATE INDEX ix_parent_nickname ON parent (nickname)");
		changelogs.revision("0000aaaa0002", "drop nickname", """
				  - changeSet:
				      id: drop-indexed-nickname
				      author: paig
				      changes:
				        - dropColumn: { tableName: parent, columnName: nickname }
				""");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(this.family.runner(changelogs)::upgrade)
			.withMessageContaining("SQLite cannot drop [nickname] of parent in place (nickname is in index "
					+ "ix_parent_nickname of parent)")
			.withMessageContaining("would break the foreign keys of child_cascade, child_set_null")
			.withMessageContaining("nothing was changed");
		assertThat(this.family.columns("parent")).containsExactly("id", "name", "nickname");
		this.family.assertChildrenIntact();
	}

	@Test
	void sqlOfAnUpgradeShowsSqlitesOwnDropColumn() throws Exception {
		Changelogs changelogs = this.family.changelogs();
		this.family.runner(changelogs).upgrade();
		changelogs.revision("0000aaaa0002", "drop nickname", """
				  - changeSet:
				      id: drop-nickname
				      author: paig
				      changes:
				        - dropColumn: { tableName: parent, columnName: nickname }
				""");
		StringWriter sql = new StringWriter();
		this.family.runner(changelogs).upgradeSql("head", sql);
		assertThat(sql.toString()).contains("ALTER TABLE parent DROP COLUMN nickname;")
			.doesNotContainIgnoringCase("_temporary");
		assertThat(this.family.columns("parent")).as("--sql changes nothing").contains("nickname");
	}

	@Test
	void checksumIsLiquibasesOwn() {
		for (boolean listed : new boolean[] { false, true }) {
			DropColumnChange liquibase = new DropColumnChange();
			SqliteDropColumnChange ours = new SqliteDropColumnChange();
			for (DropColumnChange change : new DropColumnChange[] { liquibase, ours }) {
				change.setTableName("parent");
				if (listed) {
					change.addColumn(new ColumnConfig().setName("nickname"));
				}
				else {
					change.setColumnName("nickname");
				}
			}
			assertThat(ours.generateCheckSum()).isEqualTo(liquibase.generateCheckSum());
			assertThat(ours.getSerializedObjectName()).isEqualTo("dropColumn");
		}
	}

}
