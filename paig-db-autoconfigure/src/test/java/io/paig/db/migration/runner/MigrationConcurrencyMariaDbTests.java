package io.paig.db.migration.runner;

import java.time.Duration;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent and killed instances on MariaDB. The server lets a killed holder's statement
 * run to its end before it notices the client is gone; the lock is held until then, so
 * the next start waits for it.
 *
 * @author paig-db authors
 */
class MigrationConcurrencyMariaDbTests extends AbstractMigrationConcurrencyTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	String url() {
		return database.url();
	}

	@Override
	void reset() throws Exception {
		database.reset();
	}

	@Override
	int orphanSeconds() {
		return 8;
	}

	@Override
	void assertNextStartTime(Duration took) {
		assertThat(took).isLessThan(Duration.ofSeconds(90));
	}

}
