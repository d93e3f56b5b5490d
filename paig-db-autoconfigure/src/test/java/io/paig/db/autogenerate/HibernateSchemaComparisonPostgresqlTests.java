package io.paig.db.autogenerate;

import java.nio.file.Path;

import io.paig.db.testsupport.TestDatabase;
import io.paig.db.url.JdbcSettings;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests for {@link HibernateSchemaComparison} on PostgreSQL, end to end.
 *
 * @author paig-db authors
 */
class HibernateSchemaComparisonPostgresqlTests extends AbstractHibernateSchemaComparisonTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.postgresql();

	@Override
	EntitySchemas emptyDatabase(Path folder) throws Exception {
		database.reset();
		JdbcSettings jdbc = database.jdbc();
		return new EntitySchemas(jdbc.jdbcUrl(), jdbc.username(), jdbc.password(), null, folder);
	}

}
