package io.paig.sample.reference;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sample's revisions against PAIG's on PostgreSQL: {@code schema-postgresql.json}
 * (with the {@link Deviations deviations} from PAIG's artefacts) and
 * {@code schema-postgresql-middle.json}, enum types and sequences included.
 *
 * @author paig-db authors
 */
class PaigReferencePostgresqlTests extends AbstractPaigReferenceTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Override
	String url() {
		return database.url();
	}

	@Override
	CatalogReader catalog() {
		return new CatalogReader.Postgresql();
	}

	@Override
	Schema expectedHead(ReferenceFiles reference) {
		return Deviations.postgresqlHead(reference.schema("schema-postgresql.json"));
	}

	@Override
	Schema expectedMiddle(ReferenceFiles reference) {
		return reference.schema("schema-postgresql-middle.json");
	}

	@Override
	String seedRowsFile() {
		return "seed-rows-postgresql.json";
	}

	@Override
	String quote(String table) {
		return "\"" + table + "\"";
	}

}
