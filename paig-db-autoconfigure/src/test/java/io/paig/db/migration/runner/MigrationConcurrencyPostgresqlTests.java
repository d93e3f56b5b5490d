package io.paig.db.migration.runner;

import java.time.Duration;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent and killed instances on PostgreSQL. A killed holder's statement would run on
 * for a minute; the server notices the client is gone within a second and ends it, so the
 * next start does not wait for it, and never runs beside it.
 *
 * @author paig-db authors
 */
class MigrationConcurrencyPostgresqlTests extends AbstractMigrationConcurrencyTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

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
		return 60;
	}

	@Override
	void assertNextStartTime(Duration took) {
		assertThat(took).isLessThan(Duration.ofSeconds(40));
	}

}
