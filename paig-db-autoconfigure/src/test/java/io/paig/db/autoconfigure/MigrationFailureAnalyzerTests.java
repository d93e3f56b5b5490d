package io.paig.db.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import io.paig.db.testsupport.Changelogs;
import io.paig.db.testsupport.MigratingApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationFailureAnalyzer}: a start-up stopped by a migration says
 * which revision, changeset, file and database error, and what to do.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationFailureAnalyzerTests {

	@TempDir
	Path temp;

	@Test
	void failingRevisionIsReportedWithChangesetFileAndDatabaseError(CapturedOutput output) {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("f00d00000001", "broken", """
				  - changeSet:
				      id: bad-sql
				      author: paig
				      changes:
				        - sql: { sql: "create tabel oops (id int)" }
				""");
		Throwable failure = MigratingApplication.start("database.url=sqlite:///" + this.temp.resolve("app.db"),
				"database.migration.changelog=" + changelogs.location());
		assertThat(failure).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Revision 1/1 f00d00000001 'broken' failed in changeset 'bad-sql' by paig")
			.contains("f00d00000001_broken.yaml")
			.contains("syntax error")
			.contains("Fix changeset 'bad-sql'");
	}

	@Test
	void unreachableDatabaseIsTriedAgainThenReportedWithTheUrlMasked(CapturedOutput output) {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("e0d000000002", "users", """
				  - changeSet:
				      id: users
				      author: paig
				      changes:
				        - createTable: { tableName: users, columns: [ { column: { name: id, type: int } } ] }
				""");
		Throwable failure = MigratingApplication.start("database.url=postgresql://paig:s3cret@127.0.0.1:1/paig",
				"database.migration.changelog=" + changelogs.location(), "database.migration.connect-retries=1",
				"database.migration.connect-retries-interval=100ms");
		assertThat(failure).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("(try 1 of 2)")
			.contains("Could not connect to the database at jdbc:postgresql://127.0.0.1:1/paig")
			.contains("database.migration.connect-retries");
		assertThat(output.toString()).doesNotContain("s3cret");
	}

	@Test
	void bootsOwnLiquibaseStaysOffSoRevisionsRunOnce(CapturedOutput output) throws Exception {
		Path database = this.temp.resolve("once.db");
		Throwable failure = MigratingApplication.startWithBootLiquibase("database.url=sqlite:///" + database,
				"database.migration.changelog=classpath:db/notes/db.changelog-master.yaml",
				"spring.liquibase.change-log=classpath:db/notes/db.changelog-master.yaml");
		assertThat(failure).isNull();
		assertThat(output).contains("Revision 1/1 0a0a0a0a0a01 'create notes' applied");
		assertThat(Files.exists(database)).isTrue();
		assertThat(MigratingApplication.lastContextHadSpringLiquibase()).isFalse();
	}

}
