package io.paig.db.migration.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.paig.db.migration.ConnectionEndedException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database server stops in the middle of a revision and starts again a few seconds
 * later, while the next instance is already trying to connect. Stops the test server, so
 * it runs only with {@code -Dpaig.faults=true} ({@code .ci/faults}), and always starts
 * the server again.
 *
 * @author paig-db authors
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractServerRestartTests {

	@TempDir
	Path temp;

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	abstract TestDatabase database();

	abstract List<Long> sessionsRunning(Connection connection, String text) throws SQLException;

	abstract void stopServer() throws Exception;

	abstract void startServer() throws Exception;

	abstract boolean transactional();

	@AfterEach
	void closeDataSources() {
		this.dataSources.forEach(HikariDataSource::close);
	}

	HikariDataSource dataSource() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database().jdbc().jdbcUrl());
		dataSource.setUsername(database().jdbc().username());
		dataSource.setPassword(database().jdbc().password());
		dataSource.setMaximumPoolSize(2);
		this.dataSources.add(dataSource);
		return dataSource;
	}

	static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
	}

	// on the method: JUnit does not inherit a condition from an abstract class
	@EnabledIfSystemProperty(named = "paig.faults", matches = "true")
	@Test
	void serverStoppedMidRevisionFailsTheRunClearlyAndTheNextStartWaitsForItAndResumes(CapturedOutput output)
			throws Exception {
		database().reset();
		Changelogs changelogs = AbstractServerFaultsTests.history(this.temp.resolve("changelog"));
		MigrationRunner first = new MigrationRunner(dataSource(), AbstractServerFaultsTests.settings(changelogs, 60),
				new DefaultResourceLoader());
		CompletableFuture<MigrationRun> run = CompletableFuture.supplyAsync(first::upgrade);
		long downMillis;
		MigrationRun next;
		try {
			try (Connection admin = database().connection()) {
				long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				while (sessionsRunning(admin, "sleep(").isEmpty() && System.nanoTime() < deadline) {
					Thread.sleep(20);
				}
				assertThat(sessionsRunning(admin, "sleep(")).isNotEmpty();
			}
			long stopped = System.nanoTime();
			stopServer();
			Throwable failure = AbstractServerFaultsTests.failureOf(run);
			assertThat(failure).isInstanceOf(ConnectionEndedException.class)
				.hasMessageContaining("The database server ended the connection while revision 2/4 1aaa00000002");
			System.out.println("REPORT " + getClass().getSimpleName() + ":\n" + failure.getMessage());
			MigrationSettings retrying = AbstractServerFaultsTests.settings(changelogs, 0)
				.withConnectRetries(120, Duration.ofMillis(500));
			MigrationRunner second = new MigrationRunner(dataSource(), retrying, new DefaultResourceLoader());
			CompletableFuture<MigrationRun> waiting = CompletableFuture.supplyAsync(second::upgrade);
			AbstractServerFaultsTests.awaitOutput(output, "(try 2 of 121)");
			assertThat(waiting).isNotDone();
			startServer();
			downMillis = Duration.ofNanos(System.nanoTime() - stopped).toMillis();
			next = waiting.get(2, TimeUnit.MINUTES);
		}
		finally {
			startServer();
		}
		assertThat(next.to()).isEqualTo(AbstractServerFaultsTests.HEAD);
		try (Connection connection = database().connection()) {
			assertThat(AbstractServerFaultsTests.count(connection, "select count(*) from DATABASECHANGELOG"))
				.isEqualTo(6);
			assertThat(AbstractServerFaultsTests.count(connection,
					"select count(*) from (select ID, AUTHOR, FILENAME from DATABASECHANGELOG group by ID, AUTHOR, FILENAME) d"))
				.isEqualTo(6);
			assertThat(AbstractServerFaultsTests.count(connection, "select count(*) from slow_marker")).isEqualTo(1);
			assertThat(AbstractServerFaultsTests.count(connection, "select count(*) from users")).isEqualTo(1);
		}
		MigrationRunner check = new MigrationRunner(dataSource(), AbstractServerFaultsTests.settings(changelogs, 0),
				new DefaultResourceLoader());
		assertThat(check.lockHolder().held()).isFalse();
		assertThat(check.status().isUpToDate()).isTrue();
		String figure = "FIGURE restart " + getClass().getSimpleName() + ": server down " + downMillis
				+ " ms mid-revision; the waiting start connected after " + output.toString().split("\\(try ").length
				+ " logged tries and reached head";
		System.out.println(figure);
	}

}
