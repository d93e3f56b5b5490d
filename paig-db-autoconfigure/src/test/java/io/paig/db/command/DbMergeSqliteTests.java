package io.paig.db.command;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code db merge} on SQLite.
 *
 * @author paig-db authors
 */
class DbMergeSqliteTests extends AbstractDbMergeTests {

	private static final AtomicInteger counter = new AtomicInteger();

	private String url = "";

	@Override
	String url() {
		return this.url;
	}

	@Override
	void reset() {
		this.url = "sqlite:///" + this.temp.resolve("merge-" + counter.incrementAndGet() + ".db");
	}

}
