package io.paig.sample.reference;

import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.core.io.DefaultResourceLoader;

/**
 * Adopting a PAIG database on MariaDB. The reference has no MariaDB dump (PAIG's revision
 * ea2679878e00 fails there), so the database Alembic would have left is built by the same
 * revisions and given Alembic's record instead of Liquibase's: its tables and seed rows,
 * an {@code alembic_version}, no history table.
 *
 * @author paig-db authors
 */
class AlembicAdoptionMariaDbTests extends AbstractAlembicAdoptionTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	String url() {
		return database.url();
	}

	@Override
	void reset() throws Exception {
		database.reset();
	}

	@Override
	void loadAlembicDatabase(String revision) throws Exception {
		MigrationSettings settings = MigrationSettings.of(CHANGELOG).withoutFastCheck();
		new MigrationRunner(dataSource(), settings, new DefaultResourceLoader()).upgrade(revision);
		execute("DROP TABLE DATABASECHANGELOG");
		execute("DROP TABLE DATABASECHANGELOGLOCK");
		execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
				+ "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
		execute("INSERT INTO alembic_version VALUES ('" + revision + "')");
	}

	@Override
	CatalogReader catalog() {
		return new CatalogReader.MariaDb();
	}

	@Override
	Schema expectedHead() {
		return MariaDbSpellings
			.fromPostgresql(Deviations.postgresqlHead(this.reference.schema("schema-postgresql.json")));
	}

}
