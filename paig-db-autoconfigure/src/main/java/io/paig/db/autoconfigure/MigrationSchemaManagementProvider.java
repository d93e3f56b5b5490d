package io.paig.db.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot that migrations manage the schema, so that Hibernate's
 * {@code ddl-auto} stays {@code none} even for a database Boot counts as embedded (an H2
 * {@code jdbc:} URL, say).
 *
 * @author paig-db authors
 */
class MigrationSchemaManagementProvider implements SchemaManagementProvider {

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return SchemaManagement.MANAGED;
	}

}
