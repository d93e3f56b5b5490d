package io.paig.db.migration.runner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.paig.db.migration.ConnectionEndedException;
import io.paig.db.migration.MigrationRun;
import io.paig.db.migration.MigrationSettings;
import io.paig.db.testsupport.Changelogs;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak: round after round, four instances start at once on an empty database and the
 * server ends one instance's connections at a random moment (while it checks, waits for
 * the lock, applies or is done). Every round ends at head with every changeset applied
 * once, no migration lock held, and any instance that failed failing with the report for
 * an ended connection. Instances are runners in this JVM, each with its own connections,
 * ended by the server ({@code pg_terminate_backend}, {@code KILL}): to the database that
 * is what a killed process is, and a hundred rounds take minutes, not an hour of JVM
 * starts. Runs with {@code -Dpaig.faults=true} ({@code .ci/faults});
 * {@code -Dpaig.faults.rounds} sets the rounds (100).
 *
 * @author paig-db authors
 */
abstract class AbstractFaultSoakTests {

	private static final int INSTANCES = 4;

	@TempDir
	Path temp;

	private MigrationSettings settings;

	abstract TestDatabase database();

	/**
	 * The id of the session a connection is.
	 * @param connection the connection
	 * @return the id
	 * @throws SQLException on a database error
	 */
	abstract long sessionOf(Connection connection) throws SQLException;

	/**
	 * End a session if it still exists.
	 * @param admin a connection to do it on
	 * @param session the session
	 */
	abstract void end(Connection admin, long session);

	/**
	 * The changelog; on databases whose DDL commits itself, each DDL changeset guards
	 * itself with a precondition, as operations.md recommends, since an instance killed
	 * between a DDL statement and its history row leaves the one without the other.
	 * @param folder where it goes
	 * @return the changelog
	 */
	abstract Changelogs changelog(Path folder);

	// on the method: JUnit does not inherit a condition from an abstract class
	@EnabledIfSystemProperty(named = "paig.faults", matches = "true")
	@Test
	void instancesStartingTogetherWithOneKilledAtRandomAlwaysEndAtHeadWithEachRevisionOnce() throws Exception {
		int rounds = Integer.getInteger("paig.faults.rounds", 100);
		Changelogs changelogs = changelog(this.temp.resolve("changelog"));
		this.settings = new MigrationSettings(changelogs.location(), List.of(), List.of(), null, null,
				"DATABASECHANGELOG", "DATABASECHANGELOGLOCK", Map.of(), Duration.ofMinutes(2), false, true, true);
		ExecutorService executor = Executors.newFixedThreadPool(INSTANCES);
		int victimsFailed = 0;
		int victimsUntouched = 0;
		long longestRound = 0;
		long started = System.nanoTime();
		try (Connection admin = database().connection()) {
			for (int round = 1; round <= rounds; round++) {
				long roundStarted = System.nanoTime();
				database().reset();
				List<Recording> dataSources = new ArrayList<>();
				List<CompletableFuture<MigrationRun>> runs = new ArrayList<>();
				CountDownLatch go = new CountDownLatch(1);
				for (int i = 0; i < INSTANCES; i++) {
					Recording dataSource = new Recording();
					dataSources.add(dataSource);
					MigrationRunner runner = new MigrationRunner(dataSource, this.settings,
							new DefaultResourceLoader());
					runs.add(CompletableFuture.supplyAsync(() -> {
						awaitQuietly(go);
						return runner.upgrade();
					}, executor));
				}
				int victim = ThreadLocalRandom.current().nextInt(INSTANCES);
				long delay = ThreadLocalRandom.current().nextLong(700);
				go.countDown();
				Thread.sleep(delay);
				for (Long session : dataSources.get(victim).sessions) {
					end(admin, session);
				}
				for (int i = 0; i < INSTANCES; i++) {
					try {
						MigrationRun run = runs.get(i).get(2, TimeUnit.MINUTES);
						assertThat(run.to()).as("round %d instance %d", round, i).isEqualTo("1ccc00000004");
						if (i == victim) {
							victimsUntouched++;
						}
					}
					catch (java.util.concurrent.ExecutionException ex) {
						assertThat(i).as("round %d: only the killed instance may fail: %s", round, ex.getCause())
							.isEqualTo(victim);
						assertThat(ex.getCause()).as("round %d", round).isInstanceOf(ConnectionEndedException.class);
						victimsFailed++;
					}
				}
				assertConsistent(admin, round);
				longestRound = Math.max(longestRound, Duration.ofNanos(System.nanoTime() - roundStarted).toMillis());
			}
		}
		finally {
			executor.shutdownNow();
		}
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		String figure = "FIGURE soak " + getClass().getSimpleName() + ": " + rounds + " rounds of " + INSTANCES
				+ " instances in " + seconds + " s (longest round " + longestRound + " ms); killed instance failed "
				+ victimsFailed + " times with the ended-connection report, finished before its kill "
				+ victimsUntouched + " times; every round at head, each changeset once, no lock held";
		System.out.println(figure);
	}

	private void assertConsistent(Connection admin, int round) throws Exception {
		assertThat(AbstractServerFaultsTests.count(admin, "select count(*) from DATABASECHANGELOG"))
			.as("round %d: changesets", round)
			.isEqualTo(4);
		assertThat(AbstractServerFaultsTests.count(admin,
				"select count(*) from (select ID, AUTHOR, FILENAME from DATABASECHANGELOG group by ID, AUTHOR, FILENAME) d"))
			.as("round %d: distinct changesets", round)
			.isEqualTo(4);
		assertThat(AbstractServerFaultsTests.count(admin, "select count(*) from users"))
			.as("round %d: seed applied once", round)
			.isEqualTo(1);
		assertThat(lockHeld(admin)).as("round %d: migration lock held", round).isFalse();
	}

	/**
	 * Whether anyone holds the migration lock of this database now, as the lock itself
	 * tells ({@code IS_USED_LOCK} on MySQL and MariaDB).
	 * @param admin a connection
	 * @return {@code true} when held
	 * @throws SQLException on a database error
	 */
	boolean lockHeld(Connection admin) throws SQLException {
		return new MigrationRunner(plain(), this.settings, new DefaultResourceLoader()).lockHolder().held();
	}

	private static void awaitQuietly(CountDownLatch go) {
		try {
			go.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private DataSource plain() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database().jdbc().jdbcUrl());
		dataSource.setUsername(database().jdbc().username());
		dataSource.setPassword(database().jdbc().password());
		return dataSource;
	}

	/**
	 * An instance's connections, each opened for it, with the server's id of each
	 * recorded.
	 */
	private final class Recording extends DelegatingDataSource {

		final ConcurrentLinkedDeque<Long> sessions = new ConcurrentLinkedDeque<>();

		Recording() {
			super(plain());
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = super.getConnection();
			this.sessions.add(sessionOf(connection));
			return connection;
		}

	}

}
