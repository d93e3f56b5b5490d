package io.paig.db.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SQLite files behind the pool: the folder is made, the safety settings are in effect,
 * and concurrent writers all succeed.
 *
 * @author paig-db authors
 */
class SqliteIntegrationTests {

	private static final int WRITERS = 8;

	private static final int TRANSACTIONS_EACH = 40;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PaigDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class));

	@TempDir
	Path temp;

	@Test
	void relativePathIsTakenFromTheWorkingDirectoryAndItsFolderIsMade() {
		String relative = "sqlite-it-" + System.nanoTime() + "/nested/paig.db";
		this.runner.withPropertyValues("database.url=sqlite+aiosqlite:///" + relative).run((context) -> {
			Path expected = Path.of(relative).toAbsolutePath();
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(context.getBean(DataSource.class), "select 1"))
				.isEqualTo("1");
			assertThat(expected).exists();
		});
	}

	@Test
	void absolutePathWithFourSlashesIsUsedAsIs() {
		Path file = this.temp.resolve("abs/paig.db");
		this.runner.withPropertyValues("database.url=sqlite:///" + file).run((context) -> {
			PaigDatabaseAutoConfigurationTests.queryString(context.getBean(DataSource.class), "select 1");
			assertThat(file).exists();
		});
	}

	@Test
	void safetySettingsAreInEffectOnEveryConnection() {
		this.runner.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("safe.db")).run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "pragma journal_mode"))
				.isEqualTo("wal");
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "pragma foreign_keys"))
				.isEqualTo("1");
			assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "pragma busy_timeout"))
				.isEqualTo("30000");
		});
	}

	@Test
	void propertiesAndUrlParametersChangeTheSettings() {
		this.runner
			.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("tuned.db") + "?timeout=2.5",
					"database.sqlite.journal-mode=delete", "database.sqlite.foreign-keys=false")
			.run((context) -> {
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "pragma journal_mode"))
					.isEqualTo("delete");
				assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "pragma foreign_keys"))
					.isEqualTo("0");
				assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "pragma busy_timeout"))
					.isEqualTo("2500");
			});
	}

	@Test
	void foreignKeysAreEnforced() {
		this.runner.withPropertyValues("database.url=sqlite:///" + this.temp.resolve("fk.db")).run((context) -> {
			try (Connection connection = context.getBean(DataSource.class).getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create table parent (id integer primary key)");
				statement
					.execute("create table child (id integer primary key, parent_id integer references parent(id))");
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> statement.execute("insert into child values (1, 99)"))
					.withMessageContaining("FOREIGN KEY");
			}
		});
	}

	@Test
	void concurrentWritersThatReadBeforeTheyWriteAllSucceed() throws Exception {
		Path file = this.temp.resolve("writers.db");
		this.runner
			.withPropertyValues("database.url=sqlite:///" + file,
					"spring.datasource.hikari.maximum-pool-size=" + WRITERS)
			.run((context) -> {
				DataSource dataSource = context.getBean(DataSource.class);
				try (Connection connection = dataSource.getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("create table ledger (id integer primary key, writer integer, seq integer)");
				}
				ExecutorService executor = Executors.newFixedThreadPool(WRITERS);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Integer>> results = new ArrayList<>();
				for (int writer = 0; writer < WRITERS; writer++) {
					int id = writer;
					results.add(executor.submit(() -> {
						start.await();
						return write(dataSource, id);
					}));
				}
				start.countDown();
				int written = 0;
				for (Future<Integer> result : results) {
					written += result.get(2, TimeUnit.MINUTES);
				}
				executor.shutdown();
				assertThat(written).isEqualTo(WRITERS * TRANSACTIONS_EACH);
				assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource, "select count(*) from ledger"))
					.isEqualTo(String.valueOf(WRITERS * TRANSACTIONS_EACH));
				// Each transaction read the writer's last sequence number and wrote the
				// next: no lost update.
				assertThat(PaigDatabaseAutoConfigurationTests.queryString(dataSource,
						"select count(*) from (select writer from ledger group by writer having max(seq) = "
								+ TRANSACTIONS_EACH + " and count(distinct seq) = " + TRANSACTIONS_EACH + ")"))
					.isEqualTo(String.valueOf(WRITERS));
			});
		assertThat(Files.size(file)).isPositive();
	}

	private static int write(DataSource dataSource, int writer) throws SQLException {
		int done = 0;
		for (int i = 0; i < TRANSACTIONS_EACH; i++) {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				int next;
				try (PreparedStatement read = connection
					.prepareStatement("select coalesce(max(seq), 0) + 1 from ledger where writer = ?")) {
					read.setInt(1, writer);
					try (ResultSet result = read.executeQuery()) {
						result.next();
						next = result.getInt(1);
					}
				}
				try (PreparedStatement insert = connection
					.prepareStatement("insert into ledger (writer, seq) values (?, ?)")) {
					insert.setInt(1, writer);
					insert.setInt(2, next);
					insert.executeUpdate();
				}
				connection.commit();
				done++;
			}
		}
		return done;
	}

}
