package io.paig.db.aot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.paig.db.actuate.endpoint.MigrationsEndpoint;
import io.paig.db.actuate.endpoint.MigrationsEndpointWriteExtension;
import io.paig.db.autogenerate.ScratchSqliteDialect;
import io.paig.db.hibernate.MariaDbDialectResolver;
import io.paig.db.url.Dialect;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.util.ClassUtils;

/**
 * {@link RuntimeHintsRegistrar} for what paig-db reaches through resources and reflection
 * at run time, so that an ahead-of-time build (and a GraalVM native image built from it)
 * keeps it:
 * <ul>
 * <li>the changelogs below {@code db/changelog/} (the default
 * {@code database.migration.changelog} and Spring Boot's own Liquibase default;
 * {@link ChangelogLocationAotProcessor} adds a location configured elsewhere), and the
 * Liquibase version file the up-to-date check reads;</li>
 * <li>the Liquibase and Hibernate extensions found through {@code META-INF/services}: the
 * service files, and every provider listed in them with its public constructor (Liquibase
 * changes also with their public methods, which Liquibase and paig-db's SQLite support
 * read as bean properties);</li>
 * <li>the JSON types of {@code /actuator/migrations}, including those returned as
 * {@code Object} by the selector and write operations;</li>
 * <li>the classes named in settings and created by reflection: the JDBC drivers,
 * Hibernate's SQLite dialect, paig-db's MariaDB dialect resolver and the dialect of the
 * autogenerate scratch database.</li>
 * </ul>
 * Registered in {@code META-INF/spring/aot.factories}. Each part is registered only when
 * its library is on the class path.
 *
 * @author paig-db authors
 */
public class PaigDbRuntimeHints implements RuntimeHintsRegistrar {

	/** The changelog folder of the default changelog location, and Spring Boot's. */
	static final String CHANGELOG_PATTERN = "db/changelog/**";

	/** The resource the up-to-date check reads the Liquibase version from. */
	static final String LIQUIBASE_VERSION = "META-INF/maven/org.liquibase/liquibase-core/pom.properties";

	/** The service interfaces paig-db provides implementations of. */
	static final List<String> SERVICES = List.of("liquibase.change.Change", "liquibase.sqlgenerator.SqlGenerator",
			"org.hibernate.boot.model.TypeContributor");

	private static final String LIQUIBASE = "liquibase.Liquibase";

	private static final String CHANGE = "liquibase.change.Change";

	private static final String HIBERNATE_DIALECT_RESOLVER = "org.hibernate.engine.jdbc.dialect.spi.DialectResolver";

	private static final String SQLITE_DIALECT = "org.hibernate.community.dialect.SQLiteDialect";

	private static final String ENDPOINT = "org.springframework.boot.actuate.endpoint.annotation.Endpoint";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
		if (ClassUtils.isPresent(LIQUIBASE, loader)) {
			registerChangelogs(hints);
		}
		registerServices(hints, loader);
		if (ClassUtils.isPresent(ENDPOINT, loader)) {
			registerEndpointTypes(hints);
		}
		registerClassesNamedInSettings(hints, loader);
	}

	private void registerChangelogs(RuntimeHints hints) {
		hints.resources().registerPattern(CHANGELOG_PATTERN);
		hints.resources().registerPattern(LIQUIBASE_VERSION);
	}

	private void registerServices(RuntimeHints hints, @Nullable ClassLoader loader) {
		for (String service : SERVICES) {
			if (!ClassUtils.isPresent(service, loader)) {
				continue;
			}
			String file = "META-INF/services/" + service;
			hints.resources().registerPattern(file);
			boolean change = service.equals(CHANGE);
			for (String provider : providers(loader, file)) {
				hints.reflection()
					.registerTypeIfPresent(loader, provider,
							(change) ? new MemberCategory[] { MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
									MemberCategory.INVOKE_PUBLIC_METHODS }
									: new MemberCategory[] { MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS });
			}
		}
	}

	/**
	 * The providers listed in every copy of a service file on the class path.
	 * @param loader the class loader
	 * @param file the service file
	 * @return the provider class names
	 */
	static Set<String> providers(@Nullable ClassLoader loader, String file) {
		Set<String> providers = new LinkedHashSet<>();
		try {
			Enumeration<URL> urls = (loader != null) ? loader.getResources(file) : ClassLoader.getSystemResources(file);
			while (urls.hasMoreElements()) {
				try (BufferedReader reader = new BufferedReader(
						new InputStreamReader(urls.nextElement().openStream(), StandardCharsets.UTF_8))) {
					for (String line = reader.readLine(); line != null; line = reader.readLine()) {
						int comment = line.indexOf('#');
						String provider = ((comment >= 0) ? line.substring(0, comment) : line).strip();
						if (!provider.isEmpty()) {
							providers.add(provider);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the service files " + file, ex);
		}
		return providers;
	}

	private void registerEndpointTypes(RuntimeHints hints) {
		// The main read operation's type is found by Spring Boot's own processing of
		// @ReadOperation; the others return Object and are named here.
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				MigrationsEndpoint.MigrationsDescriptor.class, MigrationsEndpoint.RevisionDescriptor.class,
				MigrationsEndpoint.Ambiguous.class, MigrationsEndpoint.LastRunDescriptor.class,
				MigrationsEndpointWriteExtension.Problem.class);
	}

	private void registerClassesNamedInSettings(RuntimeHints hints, @Nullable ClassLoader loader) {
		// database.url's drivers are checked for by name, and the autogenerate scratch
		// database loads its driver by name
		for (Dialect dialect : Dialect.values()) {
			for (DatabaseDriver driver : dialect.getJdbcDrivers()) {
				String className = driver.getDriverClassName();
				if (className != null) {
					hints.reflection()
						.registerTypeIfPresent(loader, className, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
				}
			}
		}
		// Hibernate creates the dialect and the dialect resolvers set in its properties
		// by name
		hints.reflection().registerTypeIfPresent(loader, SQLITE_DIALECT, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		if (ClassUtils.isPresent(HIBERNATE_DIALECT_RESOLVER, loader)) {
			hints.reflection()
				.registerType(TypeReference.of(MariaDbDialectResolver.class),
						MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		}
		if (ClassUtils.isPresent(SQLITE_DIALECT, loader)) {
			hints.reflection()
				.registerType(TypeReference.of(ScratchSqliteDialect.class), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		}
	}

}
