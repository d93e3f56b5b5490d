package io.paig.db.hibernate;

import java.util.Map;

import io.paig.db.jdbc.DatabaseUrlConnectionDetails;
import io.paig.db.url.InvalidDatabaseUrlException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Picks Hibernate's dialect for a {@code database.url}, unless the application chose one
 * ({@code spring.jpa.database-platform}, {@code hibernate.dialect}) itself:
 * <ul>
 * <li>SQLite: Hibernate's community {@code SQLiteDialect}, which Hibernate does not find
 * by itself, with instants written through {@code setTimestamp} as text, as PAIG's own
 * SQLite files keep them;</li>
 * <li>MySQL Connector/J (how {@code mysql+...} and {@code mariadb+...} URLs connect):
 * {@link MariaDbDialectResolver}, so that Hibernate recognises MariaDB behind it, unless
 * the application set {@code hibernate.dialect_resolvers}.</li>
 * </ul>
 *
 * @author paig-db authors
 */
public class DialectCustomizer implements HibernatePropertiesCustomizer {

	static final String DIALECT = "hibernate.dialect";

	static final String DIALECT_RESOLVERS = "hibernate.dialect_resolvers";

	static final String SQLITE_DIALECT = "org.hibernate.community.dialect.SQLiteDialect";

	static final String PREFERRED_INSTANT_TYPE = "hibernate.type.preferred_instant_jdbc_type";

	private final ObjectProvider<DatabaseUrlConnectionDetails> connectionDetails;

	private final Environment environment;

	/**
	 * Create a customizer.
	 * @param connectionDetails the {@code database.url} connection details, if any
	 * @param environment the environment, for {@code spring.jpa.database-platform}
	 */
	public DialectCustomizer(ObjectProvider<DatabaseUrlConnectionDetails> connectionDetails, Environment environment) {
		this.connectionDetails = connectionDetails;
		this.environment = environment;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		DatabaseUrlConnectionDetails details = this.connectionDetails.getIfUnique();
		if (details == null || hibernateProperties.containsKey(DIALECT)
				|| this.environment.containsProperty("spring.jpa.database-platform")) {
			return;
		}
		if (details.getSettings().isSqlite()) {
			sqlite(details, hibernateProperties);
		}
		else if (details.getSettings().driver() == DatabaseDriver.MYSQL) {
			hibernateProperties.putIfAbsent(DIALECT_RESOLVERS, MariaDbDialectResolver.class.getName());
		}
	}

	private void sqlite(DatabaseUrlConnectionDetails details, Map<String, Object> hibernateProperties) {
		if (!ClassUtils.isPresent(SQLITE_DIALECT, getClass().getClassLoader())) {
			throw new InvalidDatabaseUrlException(details.getSettings().source(),
					"JPA needs Hibernate's SQLite dialect, which is not on the classpath.",
					"Add the dependency org.hibernate.orm:hibernate-community-dialects (io.paig:paig-db-starter "
							+ "brings it).");
		}
		hibernateProperties.put(DIALECT, SQLITE_DIALECT);
		// Instants go through setTimestamp, which sqlite-jdbc writes as text in the
		// connection's date format (PAIG's own SQLite files keep their times as text too)
		// and reads back the same way.
		hibernateProperties.putIfAbsent(PREFERRED_INSTANT_TYPE, "TIMESTAMP");
	}

}
