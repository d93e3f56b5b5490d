package io.paig.db.autogenerate;

import java.nio.file.Path;

import io.paig.db.testsupport.TestDatabase;
import io.paig.db.url.JdbcSettings;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests for {@link HibernateSchemaComparison} on MariaDB (or MySQL), end to end.
 *
 * @author paig-db authors
 */
class HibernateSchemaComparisonMariaDbTests extends AbstractHibernateSchemaComparisonTests {

	@RegisterExtension
	static final TestDatabase database = TestDatabase.mysql();

	@Override
	EntitySchemas emptyDatabase(Path folder) throws Exception {
		database.reset();
		JdbcSettings jdbc = database.jdbc();
		return new EntitySchemas(jdbc.jdbcUrl(), jdbc.username(), jdbc.password(),
				"org.hibernate.dialect.MariaDBDialect", folder);
	}

}
