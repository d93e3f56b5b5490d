package io.paig.db.hibernate;

import java.util.Map;

import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.url.InvalidDatabaseUrlException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Sets Hibernate's SQLite dialect when {@code database.url} names SQLite, unless the
 * application chose a dialect itself.
 *
 * @author paig-db authors
 */
public class SqliteDialectCustomizer implements HibernatePropertiesCustomizer {

	static final String DIALECT = "hibernate.dialect";

	static final String SQLITE_DIALECT = "org.hibernate.community.dialect.SQLiteDialect";

	static final String PREFERRED_INSTANT_TYPE = "hibernate.type.preferred_instant_jdbc_type";

	private final ObjectProvider<DatabaseUrlConnectionDetails> connectionDetails;

	private final Environment environment;

	public SqliteDialectCustomizer(ObjectProvider<DatabaseUrlConnectionDetails> connectionDetails,
			Environment environment) {
		this.connectionDetails = connectionDetails;
		this.environment = environment;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		DatabaseUrlConnectionDetails details = this.connectionDetails.getIfUnique();
		if (details == null || !details.getSettings().isSqlite() || hibernateProperties.containsKey(DIALECT)
				|| this.environment.containsProperty("spring.jpa.database-platform")) {
			return;
		}
		if (!ClassUtils.isPresent(SQLITE_DIALECT, getClass().getClassLoader())) {
			throw new InvalidDatabaseUrlException(details.getSettings().source(),
					"JPA needs Hibernate's SQLite dialect, which is not on the classpath.",
					"Add the dependency org.hibernate.orm:hibernate-community-dialects (io.paig:paig-db-starter "
							+ "brings it).");
		}
		hibernateProperties.put(DIALECT, SQLITE_DIALECT);
		// Instants go through setTimestamp, which sqlite-jdbc writes as text in the
		// connection's date format
		// (PAIG's own SQLite files keep their times as text too) and reads back the same
		// way.
		hibernateProperties.putIfAbsent(PREFERRED_INSTANT_TYPE, "TIMESTAMP");
	}

}
