package io.paig.db.migration.sqlite;

import java.io.StringWriter;
import java.nio.file.Path;

import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.Changelogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SqliteAddColumnGenerator}: an {@code addColumn} on a table other
 * tables refer to, and its derived rollback, keep every row of the children on SQLite
 * with foreign keys on.
 *
 * @author paig-db authors
 */
class SqliteAddColumnGeneratorTests {

	private static final String ADD_EMAIL = """
			  - changeSet:
			      id: add-email
			      author: paig
			      changes:
			        - addColumn:
			            tableName: parent
			            columns:
			              - column: { name: email, type: varchar(255) }
			""";

	private static final String ADD_STATUS = """
			  - changeSet:
			      id: add-status
			      author: paig
			      changes:
			        - addColumn:
			            tableName: parent
			            columns:
			              - column: { name: status, type: varchar(20), defaultValue: active, constraints: { nullable: false } }
			              - column: { name: score, type: int, defaultValueNumeric: 0 }
			""";

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
	void nullableColumnAddedToAParentAndRolledBackKeepsEveryChildRow() throws Exception {
		Changelogs changelogs = this.family.changelogs().revision("0000aaaa0002", "add email", ADD_EMAIL);
		MigrationRunner runner = this.family.runner(changelogs);
		runner.upgrade();
		assertThat(this.family.columns("parent")).containsExactly("id", "name", "nickname", "email");
		this.family.assertChildrenIntact();
		runner.downgrade("-1");
		assertThat(this.family.columns("parent")).containsExactly("id", "name", "nickname");
		this.family.assertChildrenIntact();
		runner.upgrade();
		assertThat(this.family.columns("parent")).containsExactly("id", "name", "nickname", "email");
		this.family.assertChildrenIntact();
	}

	@Test
	void notNullColumnWithADefaultAddedToAParentAndRolledBackKeepsEveryChildRow() throws Exception {
		Changelogs changelogs = this.family.changelogs().revision("0000aaaa0002", "add status", ADD_STATUS);
		MigrationRunner runner = this.family.runner(changelogs);
		runner.upgrade();
		assertThat(this.family.columns("parent")).containsExactly("id", "name", "nickname", "status", "score");
		assertThat(this.family.rows("SELECT status || score FROM parent")).containsExactly("active0", "active0");
		assertThat(this.family.rows("SELECT \"notnull\" FROM pragma_table_info('parent') WHERE name = 'status'"))
			.containsExactly("1");
		this.family.assertChildrenIntact();
		runner.downgrade("-1");
		assertThat(this.family.columns("parent")).containsExactly("id", "name", "nickname");
		this.family.assertChildrenIntact();
		runner.upgrade();
		assertThat(this.family.columns("parent")).containsExactly("id", "name", "nickname", "status", "score");
		this.family.assertChildrenIntact();
	}

	@Test
	void sqlOfAnUpgradeShowsSqlitesOwnAddColumn() throws Exception {
		Changelogs changelogs = this.family.changelogs();
		this.family.runner(changelogs).upgrade();
		changelogs.revision("0000aaaa0002", "add status", ADD_STATUS);
		StringWriter sql = new StringWriter();
		this.family.runner(changelogs).upgradeSql("head", sql);
		assertThat(sql.toString())
			.contains("ALTER TABLE parent ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'active';")
			.contains("ALTER TABLE parent ADD COLUMN score INTEGER DEFAULT 0;")
			.doesNotContainIgnoringCase("_temporary");
		assertThat(this.family.columns("parent")).as("--sql changes nothing").doesNotContain("status");
	}

}
