package io.paig.db.migration.runner;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link MigrationRunner} on SQLite files.
 *
 * @author paig-db authors
 */
class MigrationRunnerSqliteTests extends AbstractMigrationRunnerTests {

	private static final AtomicInteger counter = new AtomicInteger();

	private String url;

	@Override
	String url() {
		return this.url;
	}

	@Override
	void reset() {
		this.url = "sqlite:///" + this.temp.resolve("runner-" + counter.incrementAndGet() + ".db");
	}

	@Override
	boolean transactionalDdl() {
		return true;
	}

}
