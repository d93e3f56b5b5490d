package io.paig.db.migration.runner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent and killed instances on one SQLite file: the file lock serialises them, and
 * the operating system frees it when the holder dies.
 *
 * @author paig-db authors
 */
class MigrationConcurrencySqliteTests extends AbstractMigrationConcurrencyTests {

	@Override
	String url() {
		return "sqlite:///" + this.temp.resolve("shared.db");
	}

	@Override
	void reset() {
		// every test has a file of its own below its temporary folder
	}

	@Override
	int orphanSeconds() {
		return 60;
	}

	@Override
	void assertNextStartTime(Duration took) {
		assertThat(took).isLessThan(Duration.ofSeconds(60));
	}

}
