package io.paig.db.migration.runner;

/**
 * One of the runner's operations, as Flyway's {@code DbMigrate} or Alembic's
 * {@code command.upgrade} is one: it works on the database, settings and changelogs of
 * its {@link RunContext}.
 *
 * @author paig-db authors
 */
abstract class Operation {

	/**
	 * What the operation works with.
	 */
	protected final RunContext context;

	Operation(RunContext context) {
		this.context = context;
	}

}
