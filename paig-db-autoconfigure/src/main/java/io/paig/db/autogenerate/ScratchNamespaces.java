package io.paig.db.autogenerate;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.paig.db.migration.MigrationException;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Keeps the scratch export inside the scratch. The export runs on the real server, in a
 * scratch schema (PostgreSQL) or database (MySQL/MariaDB) made the connection's default;
 * a table, sequence or join table an entity names its schema or catalog for
 * ({@code @Table(schema = "public")}) would be created in the real database, beside the
 * application's own tables, and the comparison would see nothing of it. This naming
 * strategy wraps the application's own: a schema or catalog that is the one the revisions
 * run in is left out of the names, so the object lands in the scratch; any other stops
 * the export before a statement runs, since autogenerate compares one schema.
 *
 * @author paig-db authors
 */
final class ScratchNamespaces implements PhysicalNamingStrategy {

	/** The JPA property that names the physical naming strategy. */
	static final String PROPERTY = "hibernate.physical_naming_strategy";

	private final PhysicalNamingStrategy delegate;

	private final String own;

	private final Set<String> entities;

	/**
	 * Create the strategy.
	 * @param configured the application's physical naming strategy as its JPA properties
	 * give it (an instance, a class or a class name), or {@code null} for Hibernate's
	 * @param own the schema (PostgreSQL) or database (MySQL/MariaDB) the revisions run in
	 * @param entities the managed classes, to name those mapped elsewhere
	 */
	ScratchNamespaces(@Nullable Object configured, String own, Set<String> entities) {
		this.delegate = strategy(configured);
		this.own = own;
		this.entities = entities;
	}

	private static PhysicalNamingStrategy strategy(@Nullable Object configured) {
		if (configured == null) {
			return PhysicalNamingStrategyStandardImpl.INSTANCE;
		}
		if (configured instanceof PhysicalNamingStrategy strategy) {
			return strategy;
		}
		try {
			Class<?> type = (configured instanceof Class<?> given) ? given
					: ClassUtils.forName(configured.toString(), ScratchNamespaces.class.getClassLoader());
			return (PhysicalNamingStrategy) type.getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException | LinkageError | ClassCastException ex) {
			throw new MigrationException(
					"The JPA property " + PROPERTY + " (" + configured
							+ ") does not name a PhysicalNamingStrategy with a public no-argument constructor: " + ex,
					"Name such a class, or give the property an instance of it.", ex);
		}
	}

	@Override
	public @Nullable Identifier toPhysicalCatalogName(@Nullable Identifier logicalName,
			JdbcEnvironment jdbcEnvironment) {
		return scratch(this.delegate.toPhysicalCatalogName(logicalName, jdbcEnvironment), "catalog",
				jdbcEnvironment.getNameQualifierSupport().supportsCatalogs());
	}

	@Override
	public @Nullable Identifier toPhysicalSchemaName(@Nullable Identifier logicalName,
			JdbcEnvironment jdbcEnvironment) {
		return scratch(this.delegate.toPhysicalSchemaName(logicalName, jdbcEnvironment), "schema",
				jdbcEnvironment.getNameQualifierSupport().supportsSchemas());
	}

	@Override
	public Identifier toPhysicalTableName(Identifier logicalName, JdbcEnvironment jdbcEnvironment) {
		return this.delegate.toPhysicalTableName(logicalName, jdbcEnvironment);
	}

	@Override
	public Identifier toPhysicalSequenceName(Identifier logicalName, JdbcEnvironment jdbcEnvironment) {
		return this.delegate.toPhysicalSequenceName(logicalName, jdbcEnvironment);
	}

	@Override
	public Identifier toPhysicalColumnName(Identifier logicalName, JdbcEnvironment jdbcEnvironment) {
		return this.delegate.toPhysicalColumnName(logicalName, jdbcEnvironment);
	}

	@Override
	public Identifier toPhysicalTypeName(Identifier logicalName, JdbcEnvironment jdbcEnvironment) {
		return this.delegate.toPhysicalTypeName(logicalName, jdbcEnvironment);
	}

	/**
	 * The namespace in the scratch.
	 * @param physical the application's physical name of a schema or catalog
	 * @param what {@code schema} or {@code catalog}
	 * @param qualifies whether the database's names have this part (PostgreSQL's have no
	 * catalog, MySQL's no schema: Hibernate leaves that part out)
	 * @return {@code null} (the scratch, the connection's default) for none, for one the
	 * names do not have and for the one the revisions run in
	 * @throws MigrationException for another
	 */
	private @Nullable Identifier scratch(@Nullable Identifier physical, String what, boolean qualifies) {
		if (physical == null || !qualifies || physical.getText().equalsIgnoreCase(this.own)) {
			return null;
		}
		String name = physical.getText();
		Set<String> mapped = new TreeSet<>();
		for (String entity : this.entities) {
			if (mapsTo(entity, name)) {
				mapped.add(ClassUtils.getShortName(entity));
			}
		}
		throw new MigrationException(
				"The JPA entities map tables or sequences to the " + what + " '" + name + "'"
						+ (mapped.isEmpty() ? "" : " (" + String.join(", ", mapped) + ")")
						+ ", other than the one the revisions run in ('" + this.own
						+ "'): autogenerate compares that one only, so nothing was compared (and nothing was created).",
				"Map them to '" + this.own + "' (or leave schema and catalog out of @Table, @JoinTable, "
						+ "@CollectionTable, @SequenceGenerator and @TableGenerator), or write the revisions for '"
						+ name + "' by hand.");
	}

	/**
	 * Whether an entity's {@code @Table} names a schema or catalog.
	 * @param entity the class name
	 * @param name the schema or catalog
	 * @return whether its {@code @Table} names it
	 */
	private static boolean mapsTo(String entity, String name) {
		try {
			Class<?> type = ClassUtils.forName(entity, ScratchNamespaces.class.getClassLoader());
			jakarta.persistence.Table table = type.getAnnotation(jakarta.persistence.Table.class);
			return table != null
					&& (name.equalsIgnoreCase(strip(table.schema())) || name.equalsIgnoreCase(strip(table.catalog())));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private static String strip(String name) {
		return name.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
	}

}
