package io.paig.db.r2dbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import io.paig.db.testsupport.Changelogs;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive application on r2dbc-postgresql, against PostgreSQL; the migration's own
 * sessions would show as application {@code paig-db migration}. Also lazy initialization,
 * which does not depend on the driver, so one server tests it.
 *
 * @author paig-db authors
 */
class PostgresqlR2dbcApplicationTests extends AbstractR2dbcApplicationTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Test
	void lazyInitializationStillMigratesAtStartBeforeAnythingAsksForAConnection() throws Exception {
		database().reset();
		Changelogs changelogs = seededItems("lazy");
		try (ConfigurableApplicationContext context = start(changelogs, "--server.port=0",
				"--spring.main.lazy-initialization=true")) {
			// nothing in the application has asked for a connection yet
			try (Connection connection = database().connection();
					PreparedStatement statement = connection.prepareStatement("select count(*) from items")) {
				assertThat(ids(statement)).as("the items table, migrated and seeded during start").containsExactly(1L);
			}
		}
	}

	@Test
	void failedMigrationStopsStartUpEvenWithLazyInitialization(CapturedOutput output) throws Exception {
		assertFailedMigrationStopsStartUp(output, "failing-lazy", "--spring.main.lazy-initialization=true");
	}

	@Override
	TestDatabase database() {
		return database;
	}

	@Override
	String databaseUrl() {
		return database.url("postgresql+asyncpg");
	}

	@Override
	String expectedDriver() {
		return "postgresql";
	}

	@Override
	String sessionIdQuery() {
		return "select pg_backend_pid()";
	}

	@Override
	List<Long> otherSessions(Connection connection) throws Exception {
		try (PreparedStatement migration = connection
			.prepareStatement("select count(*) from pg_stat_activity where application_name = 'paig-db migration'")) {
			List<Long> count = ids(migration);
			if (count.get(0) != 0) {
				throw new AssertionError("A migration session is left open: " + count.get(0));
			}
		}
		try (PreparedStatement statement = connection
			.prepareStatement("select pid from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
			statement.setString(1, database.name());
			return ids(statement);
		}
	}

}
