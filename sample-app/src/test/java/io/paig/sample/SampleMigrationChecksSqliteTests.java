package io.paig.sample;

import io.paig.db.test.MigrationChecks;
import io.paig.db.test.MigrationTest;

/**
 * The migration checks over the sample's whole history, on a SQLite file in a temporary
 * folder (what {@code @MigrationTest} gives a test with no database of its own).
 *
 * @author paig-db authors
 */
@MigrationTest
class SampleMigrationChecksSqliteTests extends MigrationChecks {

}
