package io.paig.sample.reference;

import java.sql.Connection;

import io.paig.db.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Adopting PAIG's PostgreSQL databases as Alembic left them
 * ({@code middle-postgresql.sql}, {@code head-postgresql.sql}).
 *
 * @author paig-db authors
 */
class AlembicAdoptionPostgresqlTests extends AbstractAlembicAdoptionTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

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
		try (Connection connection = connection()) {
			AlembicDumps.loadPostgresql(connection,
					this.reference.file((revision.equals(HEAD) ? "head" : "middle") + "-postgresql.sql"));
		}
	}

	@Override
	CatalogReader catalog() {
		return new CatalogReader.Postgresql();
	}

	@Override
	Schema expectedHead() {
		return Deviations.postgresqlHead(this.reference.schema("schema-postgresql.json"));
	}

}
