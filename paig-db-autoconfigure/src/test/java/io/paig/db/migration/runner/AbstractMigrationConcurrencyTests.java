package io.paig.db.migration.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.paig.db.testsupport.Changelogs;
import io.paig.db.testsupport.Processes;
import io.paig.db.url.JdbcSettings;
import io.paig.db.url.JdbcTranslator;
import io.paig.db.url.SqliteOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many instances at once, and an instance killed half-way, each in a JVM of its own,
 * against each database by a subclass.
 *
 * @author paig-db authors
 */
abstract class AbstractMigrationConcurrencyTests {

	private static final int INSTANCES = 8;

	@TempDir
	Path temp;

	abstract String url();

	/**
	 * Empty the database: each test's changelog lives in a folder of its own, so its
	 * changesets are new to Liquibase even where the tables of an earlier test remain.
	 * @throws Exception on failure
	 */
	abstract void reset() throws Exception;

	@BeforeEach
	void resetDatabase() throws Exception {
		reset();
	}

	Changelogs history(Path folder) {
		return new Changelogs(folder).revision("1aaa00000001", "create users", AbstractMigrationRunnerTests.USERS)
			.revision("1aaa00000002", "slow",
					"""
							  - changeSet:
							      id: create-marker
							      author: paig
							      changes:
							        - createTable:
							            tableName: slow_marker
							            columns:
							              - column: { name: id, type: int }
							  - changeSet:
							      id: sleep-postgresql
							      author: paig
							      dbms: postgresql
							      changes:
							        - sql: { sql: "select pg_sleep(${sleep})" }
							  - changeSet:
							      id: sleep-mysql
							      author: paig
							      dbms: mysql,mariadb
							      changes:
							        - sql: { sql: "select sleep(${sleep})" }
							  - changeSet:
							      id: sleep-sqlite
							      author: paig
							      dbms: sqlite
							      changes:
							        - sql: { sql: "with recursive c(x) as (select 1 union all select x + 1 from c where x < ${sleep} * 4000000) select count(*) from c" }
							  - changeSet:
							      id: mark
							      author: paig
							      changes:
							        - insert: { tableName: slow_marker, columns: [ { column: { name: id, valueNumeric: 1 } } ] }
							""")
			.revision("1aaa00000003", "add email", AbstractMigrationRunnerTests.EMAIL)
			.revision("1aaa00000004", "seed admin", AbstractMigrationRunnerTests.SEED);
	}

	@Test
	void eightProcessesStartingTogetherApplyEveryRevisionExactlyOnce() throws Exception {
		Changelogs changelogs = history(this.temp.resolve("changelog"));
		Path go = this.temp.resolve("go");
		List<Process> processes = new ArrayList<>();
		List<Path> outputs = new ArrayList<>();
		try {
			for (int i = 0; i < INSTANCES; i++) {
				Path output = this.temp.resolve("instance-" + i + ".log");
				outputs.add(output);
				processes.add(Processes.start(output, "--go=" + go, "--database.url=" + url(),
						"--database.migration.changelog=" + changelogs.location(),
						"--database.migration.parameters.sleep=1", "--database.migration.lock-timeout=2m"));
			}
			for (Path output : outputs) {
				assertThat(Processes.awaitOutput(output, "READY", Duration.ofSeconds(60))).isTrue();
			}
			Files.createFile(go);
			for (int i = 0; i < INSTANCES; i++) {
				assertThat(processes.get(i).waitFor(3, TimeUnit.MINUTES)).isTrue();
				assertThat(processes.get(i).exitValue()).as(Processes.read(outputs.get(i))).isZero();
				assertThat(Processes.read(outputs.get(i))).contains("STARTED");
			}
		}
		finally {
			processes.forEach(Process::destroyForcibly);
		}
		long applying = outputs.stream().filter((output) -> Processes.read(output).contains("Migrating from")).count();
		assertThat(applying).as("instances that applied revisions").isGreaterThanOrEqualTo(1);
		assertThat(query("select count(*) from DATABASECHANGELOG")).isEqualTo(expectedChangeSets());
		assertThat(query(
				"select count(*) from (select ID, AUTHOR, FILENAME from DATABASECHANGELOG group by ID, AUTHOR, FILENAME having count(*) > 1) d"))
			.isEqualTo("0");
		assertThat(query("select count(*) from users")).isEqualTo("1");
		assertThat(query("select count(*) from slow_marker")).isEqualTo("1");
	}

	@Test
	void killedHolderLeavesNoLockAndTheNextStartFinishesTheWork() throws Exception {
		Changelogs changelogs = history(this.temp.resolve("changelog"));
		Path first = this.temp.resolve("killed.log");
		Process killed = Processes.start(first, "--database.url=" + url(),
				"--database.migration.changelog=" + changelogs.location(),
				"--database.migration.parameters.sleep=" + orphanSeconds());
		try {
			assertThat(Processes.awaitOutput(first, "Migrating from", Duration.ofSeconds(60))).as(Processes.read(first))
				.isTrue();
			Thread.sleep(2500);
			assertThat(killed.isAlive()).as("still inside the slow revision").isTrue();
		}
		finally {
			killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		long start = System.nanoTime();
		Path second = this.temp.resolve("next.log");
		Process next = Processes.start(second, "--database.url=" + url(),
				"--database.migration.changelog=" + changelogs.location(), "--database.migration.parameters.sleep=0",
				"--database.migration.lock-timeout=2m");
		assertThat(next.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(next.exitValue()).as(Processes.read(second)).isZero();
		assertThat(Processes.read(second)).contains("STARTED").contains("(head)");
		assertNextStartTime(Duration.ofNanos(System.nanoTime() - start));
		assertThat(query("select count(*) from DATABASECHANGELOG")).isEqualTo(expectedChangeSets());
		assertThat(query("select count(*) from slow_marker")).isEqualTo("1");
		assertThat(query("select count(*) from users")).isEqualTo("1");
	}

	/**
	 * How long the killed instance's slow statement runs.
	 * @return seconds
	 */
	abstract int orphanSeconds();

	/**
	 * What may be said of how long the next start took after the kill.
	 * @param took the time
	 */
	abstract void assertNextStartTime(Duration took);

	String expectedChangeSets() {
		// users, marker, one sleep for this database, mark, email, seed
		return "6";
	}

	String query(String sql) throws Exception {
		JdbcSettings jdbc = new JdbcTranslator(SqliteOptions.DEFAULTS, null).translate(url(), null, null);
		try (Connection connection = DriverManager.getConnection(jdbc.jdbcUrl(), jdbc.username(), jdbc.password());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
