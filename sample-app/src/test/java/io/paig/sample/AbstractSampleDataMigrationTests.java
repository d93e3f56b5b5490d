package io.paig.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.paig.db.migration.MigrationSettings;
import io.paig.db.test.DatabaseClone;
import io.paig.db.test.DatabaseClones;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data migration of PAIG's history tested the way pytest-alembic's
 * {@code before_revision_data} does: a fresh empty database brought to the revision
 * before {@code 3e84bb67bced}, a guardrail inserted, then upgraded through it; the
 * guardrail that existed before the revision gets the column's default tenant. Run
 * against each database by a subclass.
 *
 * @author paig-db authors
 */
abstract class AbstractSampleDataMigrationTests {

	/**
	 * A database on the server to test on, as a paig-db URL.
	 * @return the URL
	 */
	abstract String serverUrl();

	@Test
	void guardrailsThatExistBeforeTenantsArriveBelongToTheDefaultTenant() throws Exception {
		DatabaseClones clones = DatabaseClones.of(serverUrl(), MigrationSettings.DEFAULT_CHANGELOG);
		try (DatabaseClone database = clones.empty()) {
			database.runner().upgrade("2d992e5994c8");
			try (Connection connection = database.dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("INSERT INTO guardrail (name, version, guardrail_configs, status, create_time, "
						+ "update_time) VALUES ('pii-filter', 1, '{}', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
			}
			database.runner().upgrade("3e84bb67bced");
			try (Connection connection = database.dataSource().getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT name, tenant_id FROM guardrail")) {
				assertThat(result.next()).isTrue();
				assertThat(result.getString("name")).isEqualTo("pii-filter");
				assertThat(result.getString("tenant_id")).isEqualTo("1");
				assertThat(result.next()).isFalse();
			}
			assertThat(database.runner().status().getPendingRevisions()).hasSize(4);
		}
	}

}
