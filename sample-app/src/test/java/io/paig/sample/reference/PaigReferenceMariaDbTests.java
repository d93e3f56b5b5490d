package io.paig.sample.reference;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sample's revisions against PAIG's on MariaDB, for which there is no reference file:
 * held against the PostgreSQL reference (with its {@link Deviations deviations}) in
 * {@link MariaDbSpellings MariaDB's spelling}. The seed rows are the same on every
 * database.
 *
 * @author paig-db authors
 */
class PaigReferenceMariaDbTests extends AbstractPaigReferenceTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	String url() {
		return database.url();
	}

	@Override
	CatalogReader catalog() {
		return new CatalogReader.MariaDb();
	}

	@Override
	Schema expectedHead(ReferenceFiles reference) {
		return MariaDbSpellings.fromPostgresql(Deviations.postgresqlHead(reference.schema("schema-postgresql.json")));
	}

	@Override
	Schema expectedMiddle(ReferenceFiles reference) {
		return MariaDbSpellings.fromPostgresql(reference.schema("schema-postgresql-middle.json"));
	}

	@Override
	String seedRowsFile() {
		return "seed-rows-postgresql.json";
	}

	@Override
	String quote(String table) {
		return "`" + table + "`";
	}

}
