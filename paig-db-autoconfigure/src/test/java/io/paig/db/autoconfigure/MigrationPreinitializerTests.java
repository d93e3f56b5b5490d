package io.paig.db.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.migration.fastcheck.FastCheck.Look;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationPreinitializer}: a read-only look at the database ahead of
 * the start-up run, on a connection closed before that run, and only where the start-up
 * run will connect.
 *
 * @author paig-db authors
 */
class MigrationPreinitializerTests {

	private static final String CHANGELOG = "classpath:db/notes/db.changelog-master.yaml";

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@TempDir
	Path temp;

	@BeforeAll
	static void migrate() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class,
					DataSourceAutoConfiguration.class, PaigMigrationAutoConfiguration.class))
			.withPropertyValues("database.url=" + database.url(), "database.migration.changelog=" + CHANGELOG)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void looksAtTheDatabaseOfDatabaseUrlAndClosesItsConnectionBeforeTheStartupRun() throws Exception {
		MigrationPreinitializer preinitializer = preinitializer(environment(database.url()));
		preinitializer.postProcessBeanFactory(withDatabaseUrl());
		assertThat(preinitializer.await()).isTrue();
		Look look = preinitializer.look();
		assertThat(look).isNotNull();
		assertThat(look.head()).isEqualTo("0a0a0a0a0a01");
		// the server ends a closed session's backend a moment after the client leaves
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (sessionsNamed(MigrationDataSources.CONNECTION_NAME) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(sessionsNamed(MigrationDataSources.CONNECTION_NAME)).isZero();
	}

	@Test
	void looksAtTheMigrationUrlWhenNoDataSourceComesFromDatabaseUrl() {
		MockEnvironment environment = environment("postgresql://nobody@127.0.0.1:1/nothing")
			.withProperty("database.migration.url", database.url());
		MigrationPreinitializer preinitializer = preinitializer(environment);
		// no DataSource from database.url: the migration's own URL still says where to
		// look
		preinitializer.postProcessBeanFactory(new DefaultListableBeanFactory());
		assertThat(preinitializer.await()).isTrue();
		assertThat(preinitializer.look()).isNotNull();
	}

	@Test
	void leavesAnApplicationsOwnDataSourceAlone() {
		MigrationPreinitializer preinitializer = preinitializer(environment(database.url()));
		preinitializer.postProcessBeanFactory(new DefaultListableBeanFactory());
		assertThat(preinitializer.await()).isTrue();
		assertThat(preinitializer.look()).isNull();
	}

	@Test
	void leavesADatabaseChosenBySpringLiquibaseKeysAlone() {
		MockEnvironment environment = environment(database.url()).withProperty("spring.liquibase.user", "owner");
		MigrationPreinitializer preinitializer = preinitializer(environment);
		preinitializer.postProcessBeanFactory(withDatabaseUrl());
		assertThat(preinitializer.await()).isTrue();
		assertThat(preinitializer.look()).isNull();
	}

	@Test
	void doesNotRunWithAnotherOnStartupThanUpgrade() {
		MockEnvironment environment = environment(database.url()).withProperty("database.migration.on-startup",
				"validate");
		MigrationPreinitializer preinitializer = preinitializer(environment);
		preinitializer.postProcessBeanFactory(withDatabaseUrl());
		assertThat(preinitializer.await()).isTrue();
		assertThat(preinitializer.look()).isNull();
	}

	@Test
	void springBootsIgnorePropertySwitchesItOff() {
		MigrationPreinitializer preinitializer = preinitializer(environment(database.url()));
		System.setProperty(MigrationPreinitializer.IGNORE_PROPERTY, "true");
		try {
			preinitializer.postProcessBeanFactory(withDatabaseUrl());
		}
		finally {
			System.clearProperty(MigrationPreinitializer.IGNORE_PROPERTY);
		}
		assertThat(preinitializer.await()).isTrue();
		assertThat(preinitializer.look()).isNull();
	}

	@Test
	void doesNotCreateASqliteFileThatDoesNotExistYet() {
		Path file = this.temp.resolve("app.db");
		MigrationPreinitializer preinitializer = preinitializer(environment("sqlite:///" + file));
		preinitializer.postProcessBeanFactory(withDatabaseUrl());
		assertThat(preinitializer.await()).isTrue();
		assertThat(file).doesNotExist();
		assertThat(preinitializer.look()).isNull();
	}

	@Test
	void looksAtASqliteFileThatExists() throws IOException {
		Path file = this.temp.resolve("app.db");
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PaigDatabaseAutoConfiguration.class,
					DataSourceAutoConfiguration.class, PaigMigrationAutoConfiguration.class))
			.withPropertyValues("database.url=sqlite:///" + file, "database.migration.changelog=" + CHANGELOG)
			.run((context) -> assertThat(context).hasNotFailed());
		long size = Files.size(file);
		MigrationPreinitializer preinitializer = preinitializer(environment("sqlite:///" + file));
		preinitializer.postProcessBeanFactory(withDatabaseUrl());
		assertThat(preinitializer.await()).isTrue();
		assertThat(preinitializer.look()).isNotNull().extracting(Look::head).isEqualTo("0a0a0a0a0a01");
		assertThat(Files.size(file)).isEqualTo(size);
	}

	@Test
	void aServerThatIsDownIsLeftForTheStartupRunToReport() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		MigrationPreinitializer preinitializer = preinitializer(
				environment("postgresql://root@127.0.0.1:" + closedPort + "/nothing"));
		preinitializer.postProcessBeanFactory(withDatabaseUrl());
		assertThat(preinitializer.await()).isTrue();
		assertThat(preinitializer.look()).isNull();
	}

	@Test
	void theStartupRunWaitsOnlyAsLongAsTheLimitForAServerThatDoesNotAnswer() throws Exception {
		List<Socket> accepted = new ArrayList<>();
		try (ServerSocket silent = new ServerSocket(0)) {
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						accepted.add(silent.accept());
					}
				}
				catch (IOException ex) {
					// closed at the end of the test
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			MigrationPreinitializer preinitializer = new MigrationPreinitializer(
					environment("postgresql://root@127.0.0.1:" + silent.getLocalPort() + "/nothing"),
					new DefaultResourceLoader(), Duration.ofMillis(300));
			preinitializer.postProcessBeanFactory(withDatabaseUrl());
			long started = System.nanoTime();
			assertThat(preinitializer.await()).isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThat(preinitializer.look()).isNull();
		}
		finally {
			for (Socket socket : accepted) {
				socket.close();
			}
		}
	}

	private static MigrationPreinitializer preinitializer(MockEnvironment environment) {
		return new MigrationPreinitializer(environment, new DefaultResourceLoader());
	}

	private static MockEnvironment environment(String url) {
		return new MockEnvironment().withProperty("database.url", url)
			.withProperty("database.migration.changelog", CHANGELOG);
	}

	private static DefaultListableBeanFactory withDatabaseUrl() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("databaseUrlConnectionDetails",
				new RootBeanDefinition(DatabaseUrlConnectionDetails.class));
		return beanFactory;
	}

	private static int sessionsNamed(String name) throws SQLException {
		try (Connection connection = database.connection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
	}

}
