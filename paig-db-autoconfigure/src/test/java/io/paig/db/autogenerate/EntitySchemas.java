package io.paig.db.autogenerate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.paig.db.migration.MigrationSettings;
import io.paig.db.migration.runner.MigrationRunner;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * Autogenerate end to end for the tests of this package, without an application: a set of
 * entity classes is compared with a real database by {@link HibernateSchemaComparison},
 * the result is written as a revision into a changelog of its own, and the revisions are
 * upgraded and downgraded by {@link MigrationRunner}, as {@code db revision
 * --autogenerate}, {@code db upgrade} and {@code db downgrade -1} do.
 *
 * @author paig-db authors
 */
final class EntitySchemas {

	private final String jdbcUrl;

	private final @Nullable String username;

	private final @Nullable String password;

	private final @Nullable String dialect;

	private final Path folder;

	private final Map<String, Object> jpaProperties = new HashMap<>();

	private final DriverManagerDataSource dataSource;

	private int revisions;

	private @Nullable String head;

	/**
	 * Create the harness.
	 * @param jdbcUrl the real database
	 * @param username its user
	 * @param password its password
	 * @param dialect Hibernate's dialect, or {@code null} to let Hibernate find it
	 * @param folder where the changelog goes
	 */
	EntitySchemas(String jdbcUrl, @Nullable String username, @Nullable String password, @Nullable String dialect,
			Path folder) throws IOException {
		this.jdbcUrl = jdbcUrl;
		this.username = username;
		this.password = password;
		this.dialect = dialect;
		this.folder = folder;
		this.dataSource = new DriverManagerDataSource(jdbcUrl, username, password);
		Files.createDirectories(folder.resolve("revisions"));
		Files.writeString(folder.resolve("master.yaml"), "databaseChangeLog: []\n");
	}

	/**
	 * Give the application's entity manager factory a JPA property.
	 * @param key the property
	 * @param value its value
	 */
	void jpaProperty(String key, Object value) {
		this.jpaProperties.put(key, value);
	}

	/**
	 * Compare the entities with the database, as {@code db check} does.
	 * @param entities the entity classes
	 * @return what the comparison found
	 */
	SchemaComparison.Result compare(Class<?>... entities) {
		return compare("check", entities);
	}

	private SchemaComparison.Result compare(String revisionId, Class<?>... entities) {
		LocalContainerEntityManagerFactoryBean factory = entityManagerFactory(entities);
		try {
			return new HibernateSchemaComparison(this.dataSource, details(), factory, settings()).compare(revisionId);
		}
		finally {
			factory.destroy();
		}
	}

	/**
	 * Persist an entity through Hibernate on the real database, as the application would,
	 * with its id from the entity's own generator.
	 * @param entity a new entity
	 * @return the id Hibernate gave it
	 */
	Object persist(Object entity) {
		LocalContainerEntityManagerFactoryBean factory = entityManagerFactory(entity.getClass());
		try (EntityManager manager = factory.getObject().createEntityManager()) {
			manager.getTransaction().begin();
			manager.persist(entity);
			manager.getTransaction().commit();
			return factory.getObject().getPersistenceUnitUtil().getIdentifier(entity);
		}
		finally {
			factory.destroy();
		}
	}

	private LocalContainerEntityManagerFactoryBean entityManagerFactory(Class<?>... entities) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(this.dataSource);
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factory.setManagedTypes(
				PersistenceManagedTypes.of(Arrays.stream(entities).map(Class::getName).toList(), List.of()));
		Map<String, Object> properties = new HashMap<>();
		properties.put("hibernate.hbm2ddl.auto", "none");
		properties.putAll(this.jpaProperties);
		if (this.dialect != null) {
			properties.put("hibernate.dialect", this.dialect);
		}
		factory.setJpaPropertyMap(properties);
		factory.afterPropertiesSet();
		return factory;
	}

	/**
	 * Autogenerate a revision from the entities and add it to the changelog.
	 * @param entities the entity classes
	 * @return the comparison, whose {@code changeSets} are the revision's
	 * @throws IOException when the file cannot be written
	 */
	SchemaComparison.Result revise(Class<?>... entities) throws IOException {
		String id = String.format("e%011d", ++this.revisions);
		SchemaComparison.Result result = compare(id, entities);
		String file = "revisions/" + id + ".yaml";
		Files.writeString(this.folder.resolve(file),
				"revision:\n  id: \"" + id + "\"\n  parent: " + ((this.head != null) ? "\"" + this.head + "\"" : "null")
						+ "\n  message: \"" + id + "\"\ndatabaseChangeLog:\n" + result.changeSets(),
				StandardCharsets.UTF_8);
		Path master = this.folder.resolve("master.yaml");
		String text = Files.readString(master).replace("databaseChangeLog: []", "databaseChangeLog:");
		Files.writeString(master,
				text + "  - include:\n      file: " + file + "\n      relativeToChangelogFile: true\n");
		this.head = id;
		return result;
	}

	/**
	 * Upgrade to head.
	 */
	void upgrade() {
		runner().upgrade();
	}

	/**
	 * Downgrade by one revision.
	 */
	void downgrade() {
		runner().downgrade("-1");
	}

	/**
	 * Run statements on the real database.
	 * @param sql the statements
	 * @throws SQLException on a database error
	 */
	void execute(String... sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	/**
	 * The first column of a query's rows, as strings.
	 * @param sql the query
	 * @return the values
	 * @throws SQLException on a database error
	 */
	List<String> query(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new java.util.ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	private MigrationRunner runner() {
		return new MigrationRunner(this.dataSource, settings(), new DefaultResourceLoader());
	}

	private MigrationSettings settings() {
		return MigrationSettings.of("file:" + this.folder.resolve("master.yaml")).withoutFastCheck();
	}

	private JdbcConnectionDetails details() {
		String url = this.jdbcUrl;
		String user = this.username;
		String secret = this.password;
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return url;
			}

			@Override
			public @Nullable String getUsername() {
				return user;
			}

			@Override
			public @Nullable String getPassword() {
				return secret;
			}

		};
	}

}
