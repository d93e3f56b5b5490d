package io.paig.db.autoconfigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.paig.db.testsupport.Changelogs;
import io.paig.db.testsupport.MigratingApplication;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationFailureAnalyzer} on PostgreSQL: a start-up whose migrating
 * connection the server ended says so, and what to do, not a changeset to fix.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationFailureAnalyzerPostgresqlTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@TempDir
	Path temp;

	@Test
	void connectionEndedByTheServerIsReportedAsSuchNotAsAChangesetToFix(CapturedOutput output) throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("e0d000000001", "slow", """
				  - changeSet:
				      id: sleep
				      author: paig
				      changes:
				        - sql: { sql: "select pg_sleep(60)" }
				""");
		database.reset();
		CompletableFuture<Throwable> start = CompletableFuture.supplyAsync(() -> MigratingApplication
			.start("database.url=" + database.url(), "database.migration.changelog=" + changelogs.location()));
		try (Connection admin = database.connection(); Statement statement = admin.createStatement()) {
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			int ended = 0;
			while (ended == 0 && System.nanoTime() < deadline) {
				Thread.sleep(50);
				try (ResultSet result = statement.executeQuery("select count(pg_terminate_backend(pid)) from "
						+ "pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() "
						+ "and strpos(query, 'pg_sleep(60)') > 0")) {
					result.next();
					ended = result.getInt(1);
				}
			}
			assertThat(ended).isOne();
		}
		assertThat(start.get(60, TimeUnit.SECONDS)).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The database server ended the connection while revision 1/1 e0d000000001 'slow'")
			.contains("The revision's transaction was rolled back")
			.contains("Start the application again")
			.doesNotContain("Fix changeset");
	}

}
