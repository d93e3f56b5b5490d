package io.paig.sample;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/**
 * A data migration of PAIG's history on SQLite.
 *
 * @author paig-db authors
 */
class SampleDataMigrationSqliteTests extends AbstractSampleDataMigrationTests {

	@TempDir
	static Path temp;

	@Override
	String serverUrl() {
		return "sqlite:///" + temp.resolve("database.db");
	}

}
