package io.paig.db.migration.runner;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.paig.db.migration.MigrationSettings;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link MigrationRunner} on PostgreSQL.
 *
 * @author paig-db authors
 */
class MigrationRunnerPostgresqlTests extends AbstractMigrationRunnerTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Override
	String url() {
		return database.url();
	}

	@Override
	void reset() throws Exception {
		database.reset("paig_app", "paig_history");
	}

	@org.junit.jupiter.api.Test
	void honoursTheDefaultAndLiquibaseSchemas() throws Exception {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA paig_app");
			statement.execute("CREATE SCHEMA paig_history");
		}
		io.paig.db.testsupport.Changelogs changelogs = threeRevisions();
		MigrationSettings settings = new MigrationSettings(changelogs.location(), List.of(), List.of(), "paig_app",
				"paig_history", "DATABASECHANGELOG", "DATABASECHANGELOGLOCK", Map.of(), Duration.ofSeconds(30), false,
				true, true);
		MigrationRunner runner = runner(changelogs, settings);
		org.assertj.core.api.Assertions.assertThat(runner.upgrade().applied()).hasSize(3);
		org.assertj.core.api.Assertions.assertThat(query("select count(*) from paig_app.users")).isEqualTo("1");
		org.assertj.core.api.Assertions.assertThat(query("select count(*) from paig_history.databasechangelog"))
			.isEqualTo("3");
		org.assertj.core.api.Assertions
			.assertThat(query("select count(*) from information_schema.tables "
					+ "where table_schema = 'public' and table_name in ('databasechangelog', 'users')"))
			.isEqualTo("0");
		org.assertj.core.api.Assertions.assertThat(runner.status().isUpToDate()).isTrue();
		org.assertj.core.api.Assertions.assertThat(runner.downgrade("-1").applied()).hasSize(1);
		org.assertj.core.api.Assertions.assertThat(query("select count(*) from paig_app.users")).isEqualTo("0");
	}

	@Override
	boolean transactionalDdl() {
		return true;
	}

}
