package io.paig.db.hibernate;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;

/**
 * Gives Hibernate on SQLite a timestamp type that reads the text times other tools wrote
 * ({@link SqliteTimestampJdbcType}). Found by Hibernate through
 * {@code META-INF/services}; does nothing on other databases.
 *
 * @author paig-db authors
 */
public class SqliteTypeContributor implements TypeContributor {

	@Override
	public void contribute(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
		JdbcServices jdbc = serviceRegistry.getService(JdbcServices.class);
		if (jdbc != null && isSqlite(jdbc)) {
			typeContributions.contributeJdbcType(SqliteTimestampJdbcType.INSTANCE);
		}
	}

	private static boolean isSqlite(JdbcServices jdbc) {
		// by name: hibernate-community-dialects may not be on the class path
		for (Class<?> type = jdbc.getDialect().getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(DialectCustomizer.SQLITE_DIALECT)) {
				return true;
			}
		}
		return false;
	}

}
