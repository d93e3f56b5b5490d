package io.paig.db.test;

/**
 * Tests for {@link DatabaseClones} on SQLite, whose clones are copies of the template's
 * file.
 *
 * @author paig-db authors
 */
class DatabaseClonesSqliteTests extends AbstractDatabaseClonesTests {

	@Override
	String serverUrl() {
		return "sqlite:///" + this.temp.resolve("app.db");
	}

}
