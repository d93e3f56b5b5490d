package io.paig.e2e;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code db} commands end to end on SQLite.
 *
 * @author paig-db
 */
class DbCommandsSqliteEndToEndTests extends AbstractDbCommandsEndToEndTests {

	private static final AtomicInteger counter = new AtomicInteger();

	private String url;

	@Override
	String url() {
		return this.url;
	}

	@Override
	boolean foreignKeysCompared() {
		// Neither Hibernate's SQLite dialect nor Liquibase's SQLite snapshot gives foreign keys to compare.
		return false;
	}

	@Override
	void reset() {
		this.url = "sqlite:///" + this.temp.resolve("e2e-" + counter.incrementAndGet() + ".db");
	}

}
