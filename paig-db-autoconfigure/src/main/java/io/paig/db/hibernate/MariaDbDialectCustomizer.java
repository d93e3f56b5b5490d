package io.paig.db.hibernate;

import java.util.Map;

import io.paig.db.jdbc.DatabaseUrlConnectionDetails;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.Environment;

/**
 * Lets Hibernate recognise MariaDB behind MySQL Connector/J (how {@code mysql+...} and
 * {@code mariadb+...} URLs connect) with {@link MariaDbDialectResolver}, unless the
 * application chose a dialect or resolvers itself.
 *
 * @author paig-db authors
 */
public class MariaDbDialectCustomizer implements HibernatePropertiesCustomizer {

	static final String DIALECT_RESOLVERS = "hibernate.dialect_resolvers";

	private final ObjectProvider<DatabaseUrlConnectionDetails> connectionDetails;

	private final Environment environment;

	public MariaDbDialectCustomizer(ObjectProvider<DatabaseUrlConnectionDetails> connectionDetails,
			Environment environment) {
		this.connectionDetails = connectionDetails;
		this.environment = environment;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		DatabaseUrlConnectionDetails details = this.connectionDetails.getIfUnique();
		if (details == null || details.getSettings().driver() != DatabaseDriver.MYSQL
				|| hibernateProperties.containsKey(SqliteDialectCustomizer.DIALECT)
				|| hibernateProperties.containsKey(DIALECT_RESOLVERS)
				|| this.environment.containsProperty("spring.jpa.database-platform")) {
			return;
		}
		hibernateProperties.put(DIALECT_RESOLVERS, MariaDbDialectResolver.class.getName());
	}

}
