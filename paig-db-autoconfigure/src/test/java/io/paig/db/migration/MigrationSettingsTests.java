package io.paig.db.migration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link MigrationSettings}: the history tables' and schemas' names are plain
 * SQL names or refused, since paig-db writes them into statements of its own unquoted.
 *
 * @author paig-db authors
 */
class MigrationSettingsTests {

	private static MigrationSettings settings(String defaultSchema, String liquibaseSchema, String table,
			String lockTable) {
		return new MigrationSettings(MigrationSettings.DEFAULT_CHANGELOG, List.of(), List.of(), defaultSchema,
				liquibaseSchema, table, lockTable, Map.of(), Duration.ofMinutes(1), false, true, true);
	}

	@Test
	void plainNamesInAnyCaseAreTaken() {
		assertThatNoException().isThrownBy(() -> settings(null, null, "DATABASECHANGELOG", "DATABASECHANGELOGLOCK"));
		assertThatNoException().isThrownBy(() -> settings("app", "History_2", "paig_history", "_lock"));
		assertThatNoException().isThrownBy(() -> settings("", " ", "t", "l"));
	}

	@Test
	void historyTableNameThatCouldChangeAStatementIsRefusedNamingTheKey() {
		for (String name : new String[] { "x (a int); DROP TABLE notes; --", "paig-history", "paig history",
				"hist\"ory", "hist`ory", "hist'ory", "1history", "history\n", "schema.history", "histörie", "",
				"history;" }) {
			assertThatExceptionOfType(MigrationException.class).as(name)
				.isThrownBy(() -> settings(null, null, name, "DATABASECHANGELOGLOCK"))
				.satisfies((ex) -> {
					assertThat(ex.getDescription()).contains("(database.migration.changelog-table)")
						.contains("is not a plain SQL name");
					assertThat(ex.getAction()).contains("letters, digits and underscores");
				});
		}
	}

	@Test
	void everyNameSettingIsChecked() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> settings(null, null, "DATABASECHANGELOG", "lock table"))
			.withMessageContaining("database.migration.changelog-lock-table");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> settings("app;", null, "DATABASECHANGELOG", "DATABASECHANGELOGLOCK"))
			.withMessageContaining("database.migration.default-schema");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> settings(null, "hist-schema", "DATABASECHANGELOG", "DATABASECHANGELOGLOCK"))
			.withMessageContaining("database.migration.liquibase-schema");
	}

}
