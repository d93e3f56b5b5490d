package io.paig.db.autoconfigure;

import io.paig.db.url.JdbcSettings;

/**
 * The database of an R2DBC application as the migrations reach it: the JDBC translation
 * of the same {@code database.url}. {@link MigrationDataSources} makes a non-pooled
 * DataSource of it, whose connections are opened for a run (or a status read) and closed
 * after it.
 *
 * @param settings the JDBC translation of {@code database.url}
 * @author paig-db authors
 */
record R2dbcMigrationDatabase(JdbcSettings settings) {

	@Override
	public String toString() {
		return "R2dbcMigrationDatabase[" + this.settings + "]";
	}

}
