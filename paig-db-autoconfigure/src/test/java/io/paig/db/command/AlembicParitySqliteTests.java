package io.paig.db.command;

/**
 * The {@code db} commands against real Alembic on SQLite.
 *
 * @author paig-db authors
 */
class AlembicParitySqliteTests extends AbstractAlembicParityTests {

	@Override
	String url() {
		return "sqlite:///" + this.temp.resolve("parity.db");
	}

	@Override
	void reset() {
	}

	@Override
	String dialect() {
		return "sqlite";
	}

}
