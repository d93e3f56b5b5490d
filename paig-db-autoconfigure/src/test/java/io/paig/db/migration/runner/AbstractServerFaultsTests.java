package io.paig.db.migration.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.paig.db.migration.ConnectionEndedException;
import io.paig.db.migration.MigrationException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.TableLockTimeoutException;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.testsupport.DelayedPort;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Faults on the database side, against each server by a subclass: the server ends the
 * migrating connection mid-revision, the lock holder's connection ends while another
 * instance waits, the database is not reachable yet, a table is held open by another
 * session. Each ends with no revision applied twice, the history and the lock consistent,
 * and a next start that recovers by itself.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractServerFaultsTests {

	static final String HEAD = "1aaa00000004";

	@TempDir
	Path temp;

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	abstract TestDatabase database();

	/**
	 * The ids of this database's other sessions whose running statement contains a text.
	 * @param connection a connection to ask on
	 * @param text the text
	 * @return the session ids
	 * @throws SQLException on a database error
	 */
	abstract List<Long> sessionsRunning(Connection connection, String text) throws SQLException;

	/**
	 * End another session, as an administrator would.
	 * @param connection a connection to do it on
	 * @param session the session's id
	 * @throws SQLException on a database error
	 */
	abstract void end(Connection connection, long session) throws SQLException;

	/**
	 * Mark a connection so that a report can name it.
	 * @param connection the connection
	 * @return what the report says of it
	 * @throws SQLException on a database error
	 */
	abstract String mark(Connection connection) throws SQLException;

	/**
	 * A JDBC URL of this database's kind on a port nothing listens on, with a password.
	 * @return the URL
	 */
	abstract String unreachableJdbcUrl();

	/**
	 * Whether a revision is one transaction on this database.
	 * @return {@code true} for transactional DDL
	 */
	abstract boolean transactional();

	@BeforeEach
	void reset() throws Exception {
		database().reset();
	}

	@AfterEach
	void closeDataSources() {
		this.dataSources.forEach(HikariDataSource::close);
	}

	HikariDataSource dataSource() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database().jdbc().jdbcUrl());
		dataSource.setUsername(database().jdbc().username());
		dataSource.setPassword(database().jdbc().password());
		dataSource.setMaximumPoolSize(4);
		this.dataSources.add(dataSource);
		return dataSource;
	}

	static Changelogs history(Path folder) {
		return new Changelogs(folder).revision("1aaa00000001", "create users", AbstractMigrationRunnerTests.USERS)
			.revision("1aaa00000002", "slow", """
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
					      id: mark
					      author: paig
					      changes:
					        - insert: { tableName: slow_marker, columns: [ { column: { name: id, valueNumeric: 1 } } ] }
					""")
			.revision("1aaa00000003", "add email", AbstractMigrationRunnerTests.EMAIL)
			.revision("1aaa00000004", "seed admin", AbstractMigrationRunnerTests.SEED);
	}

	static MigrationSettings settings(Changelogs changelogs, int sleepSeconds) {
		return new MigrationSettings(changelogs.location(), List.of(), List.of(), null, null, "DATABASECHANGELOG",
				"DATABASECHANGELOGLOCK", Map.of("sleep", String.valueOf(sleepSeconds)), Duration.ofMinutes(2), false,
				true, true);
	}

	MigrationRunner runner(MigrationSettings settings) {
		return new MigrationRunner(dataSource(), settings, new DefaultResourceLoader());
	}

	@Test
	void serverEndingTheConnectionMidRevisionIsReportedAsSuchAndTheNextStartResumes() throws Exception {
		Changelogs changelogs = history(this.temp.resolve("changelog"));
		MigrationRunner first = runner(settings(changelogs, 60));
		CompletableFuture<MigrationRun> run = CompletableFuture.supplyAsync(first::upgrade);
		try (Connection admin = database().connection()) {
			long session = awaitSession(admin, "sleep(");
			end(admin, session);
		}
		Throwable failure = failureOf(run);
		assertThat(failure).isInstanceOf(ConnectionEndedException.class)
			.hasMessageContaining("The database server ended the connection while revision 2/4 1aaa00000002 'slow'")
			.hasMessageContaining(transactional() ? "transaction was rolled back" : "commits each DDL statement");
		assertThat(((ConnectionEndedException) failure).getRevision().id()).isEqualTo("1aaa00000002");
		System.out.println("REPORT " + getClass().getSimpleName() + ":\n" + failure.getMessage() + "\nAction: "
				+ ((MigrationException) failure).getAction());
		assertThat(((MigrationException) failure).getAction()).contains("Start the application again")
			.contains("resumes")
			.doesNotContain("Fix changeset");
		MigrationRun next = runner(settings(changelogs, 0)).upgrade();
		assertThat(next.to()).isEqualTo(HEAD);
		assertConsistent(changelogs);
	}

	@Test
	void lockHoldersConnectionEndingLetsTheWaitingInstanceFinishAndFailsTheHolderClearly() throws Exception {
		Changelogs changelogs = history(this.temp.resolve("changelog"));
		MigrationRunner holder = runner(settings(changelogs, 60));
		CompletableFuture<MigrationRun> holding = CompletableFuture.supplyAsync(holder::upgrade);
		try (Connection admin = database().connection()) {
			long session = awaitSession(admin, "sleep(");
			MigrationRunner waiter = runner(settings(changelogs, 0));
			CompletableFuture<MigrationRun> waiting = CompletableFuture.supplyAsync(waiter::upgrade);
			Thread.sleep(1000);
			assertThat(waiting).as("waits for the holder's lock").isNotDone();
			assertThat(holder.lockHolder().held()).isTrue();
			end(admin, session);
			assertThat(failureOf(holding)).isInstanceOf(ConnectionEndedException.class)
				.hasMessageContaining("1aaa00000002");
			MigrationRun done = waiting.get(60, TimeUnit.SECONDS);
			assertThat(done.outcome()).isEqualTo(MigrationRun.Outcome.APPLIED);
			assertThat(done.to()).isEqualTo(HEAD);
		}
		assertConsistent(changelogs);
	}

	@Test
	void unreachableDatabaseIsTriedAgainEachTryLoggedWithoutThePassword(CapturedOutput output) {
		Changelogs changelogs = history(this.temp.resolve("changelog"));
		DataSource unreachable = new DriverManagerDataSource(unreachableJdbcUrl());
		MigrationRunner runner = new MigrationRunner(unreachable,
				settings(changelogs, 0).withConnectRetries(2, Duration.ofMillis(300)), new DefaultResourceLoader());
		long started = System.nanoTime();
		Throwable failure = catchThrowable(runner::upgrade);
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(failure).isInstanceOf(MigrationException.class)
			.hasMessageContaining("Could not connect to the database at jdbc:")
			.hasMessageContaining("(3 tries over ")
			.hasMessageNotContaining("s3cret");
		assertThat(((MigrationException) failure).getAction()).contains("database.migration.connect-retries");
		assertThat(millis).isGreaterThanOrEqualTo(600);
		assertThat(output).contains("(try 1 of 3)").contains("(try 2 of 3)").doesNotContain("(try 3 of 3)");
		assertThat(output.toString()).doesNotContain("s3cret");
	}

	@Test
	void databaseThatComesUpDuringTheRetriesIsMigrated(CapturedOutput output) throws Exception {
		Changelogs changelogs = history(this.temp.resolve("changelog"));
		String[] hostAndPort = database().hostAndPort().split(":");
		try (DelayedPort port = new DelayedPort(hostAndPort[0], Integer.parseInt(hostAndPort[1]))) {
			HikariDataSource dataSource = dataSource();
			dataSource
				.setJdbcUrl(database().jdbc().jdbcUrl().replace(database().hostAndPort(), "127.0.0.1:" + port.port()));
			MigrationRunner runner = new MigrationRunner(dataSource,
					settings(changelogs, 0).withConnectRetries(40, Duration.ofMillis(250)),
					new DefaultResourceLoader());
			CompletableFuture<MigrationRun> run = CompletableFuture.supplyAsync(runner::upgrade);
			// each refused try takes the pool about a second
			awaitOutput(output, "(try 2 of 41)");
			assertThat(run).isNotDone();
			port.open();
			assertThat(run.get(60, TimeUnit.SECONDS).to()).isEqualTo(HEAD);
		}
		assertThat(output).contains("(try 1 of 41)").contains("(try 2 of 41)");
		assertConsistent(changelogs);
	}

	@Test
	void tableHeldOpenMakesTheRevisionRetryWithoutHoldingUpOtherQueries(CapturedOutput output) throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("1bbb00000001", "create users",
				AbstractMigrationRunnerTests.USERS);
		runner(settings(changelogs, 0)).upgrade();
		changelogs.revision("1bbb00000002", "add email", AbstractMigrationRunnerTests.EMAIL);
		Duration timeout = Duration.ofMillis(1000);
		MigrationRunner runner = runner(settings(changelogs, 0).withDdlLockTimeout(timeout, 10));
		long longestQuery;
		MigrationRun run;
		try (Connection holder = database().connection(); Connection other = database().connection()) {
			holder.setAutoCommit(false);
			count(holder, "select count(*) from users");
			CompletableFuture<MigrationRun> migrating = CompletableFuture.supplyAsync(runner::upgrade);
			longestQuery = 0;
			long until = System.nanoTime() + Duration.ofMillis(3500).toNanos();
			while (System.nanoTime() < until) {
				long started = System.nanoTime();
				count(other, "select count(*) from users");
				longestQuery = Math.max(longestQuery, Duration.ofNanos(System.nanoTime() - started).toMillis());
				Thread.sleep(50);
			}
			assertThat(migrating).as("waits while the table is held").isNotDone();
			holder.commit();
			run = migrating.get(60, TimeUnit.SECONDS);
		}
		assertThat(run.to()).isEqualTo("1bbb00000002");
		assertThat(longestQuery).as("longest query on the table during the migration, ms")
			.isLessThan(timeout.toMillis() + 1000);
		assertThat(output).contains("Revision 1bbb00000002 gave up waiting 1000 ms for a table lock (try 1 of 11)");
		System.out.println("FIGURE ddl-lock-timeout " + getClass().getSimpleName() + ": longest query held "
				+ longestQuery + " ms with timeout " + timeout.toMillis() + " ms");
		try (Connection connection = database().connection()) {
			assertThat(count(connection, "select count(*) from DATABASECHANGELOG")).isEqualTo(2);
		}
	}

	@Test
	void tableHeldOpenLongerThanEveryTryFailsNamingTheBlockingSession() throws Exception {
		Changelogs changelogs = new Changelogs(this.temp.resolve("changelog")).revision("1bbb00000001", "create users",
				AbstractMigrationRunnerTests.USERS);
		runner(settings(changelogs, 0)).upgrade();
		changelogs.revision("1bbb00000002", "add email", AbstractMigrationRunnerTests.EMAIL);
		MigrationRunner runner = runner(settings(changelogs, 0).withDdlLockTimeout(Duration.ofMillis(500), 1));
		try (Connection holder = database().connection()) {
			String mark = mark(holder);
			holder.setAutoCommit(false);
			// the blocker's SQL may hold a secret: the report names the session, not its
			// SQL
			count(holder, "select count(*) from users where 'Zq9-secret' <> ''");
			Throwable failure = catchThrowable(runner::upgrade);
			assertThat(failure).isInstanceOf(TableLockTimeoutException.class)
				.hasMessageContaining("Revision 1bbb00000002 'add email'")
				.hasMessageContaining("each of 2 tries gave up after waiting 500 ms")
				.hasMessageContaining(mark)
				.hasMessageNotContaining("Zq9-secret");
			System.out.println("REPORT " + getClass().getSimpleName() + ":\n" + failure.getMessage());
			holder.commit();
		}
		assertThat(runner(settings(changelogs, 0)).upgrade().to()).isEqualTo("1bbb00000002");
	}

	static void awaitOutput(CapturedOutput output, String text) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!output.toString().contains(text) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(output.toString()).contains(text);
	}

	long awaitSession(Connection admin, String text) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			List<Long> sessions = sessionsRunning(admin, text);
			if (!sessions.isEmpty()) {
				return sessions.get(0);
			}
			Thread.sleep(20);
		}
		throw new AssertionError("No session ran '" + text + "' within 30 s");
	}

	static Throwable failureOf(CompletableFuture<?> future) throws Exception {
		try {
			future.get(60, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return ex.getCause();
		}
		catch (CompletionException ex) {
			return ex.getCause();
		}
		throw new AssertionError("The run did not fail");
	}

	static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	/**
	 * Every revision applied once, the work of the slow one done once, and no lock left:
	 * neither paig-db's nor Liquibase's row.
	 * @param changelogs the changelogs
	 * @throws Exception on failure
	 */
	void assertConsistent(Changelogs changelogs) throws Exception {
		try (Connection connection = database().connection()) {
			// users, marker, the sleep for this database, mark, email, seed
			assertThat(count(connection, "select count(*) from DATABASECHANGELOG")).isEqualTo(6);
			assertThat(count(connection,
					"select count(*) from (select ID, AUTHOR, FILENAME from DATABASECHANGELOG group by ID, AUTHOR, FILENAME) d"))
				.isEqualTo(6);
			assertThat(count(connection, "select count(*) from slow_marker")).isEqualTo(1);
			assertThat(count(connection, "select count(*) from users")).isEqualTo(1);
			assertThat(count(connection,
					"select count(*) from DATABASECHANGELOGLOCK where LOCKED = " + (transactional() ? "true" : "1")))
				.isZero();
		}
		MigrationRunner check = runner(settings(changelogs, 0));
		assertThat(check.lockHolder().held()).isFalse();
		assertThat(check.status().isUpToDate()).isTrue();
	}

}
