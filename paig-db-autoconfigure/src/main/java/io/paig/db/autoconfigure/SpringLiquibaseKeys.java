package io.paig.db.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import io.paig.db.autoconfigure.DatabaseProperties.Migration;
import io.paig.db.autoconfigure.DatabaseProperties.OnStartup;
import io.paig.db.migration.MigrationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot's own Liquibase keys, {@code spring.liquibase.*}, as a user coming from
 * stock Spring Boot has them: paig-db does not read them by itself, so each one is either
 * honoured, with a warning naming the {@code database.migration.*} key to use instead, or
 * stops start-up with a report saying what to do. A changelog set with
 * {@code spring.liquibase.change-log} is therefore migrated, never silently left alone.
 * <p>
 * A {@code database.migration.*} key that is set wins over its {@code spring.liquibase.*}
 * twin. When the application switches Spring Boot's own Liquibase on
 * ({@code spring.liquibase.enabled=true}, with
 * {@code database.migration.on-startup=none}) the keys are Spring Boot's and left to it.
 * paig-db's own default for {@code spring.liquibase.enabled} (see
 * {@link PaigDatabaseEnvironmentPostProcessor}) is not the application's and is not read
 * here.
 *
 * @author paig-db authors
 */
final class SpringLiquibaseKeys {

	private static final Log logger = LogFactory.getLog(SpringLiquibaseKeys.class);

	static final String PREFIX = "spring.liquibase.";

	private static final String BOOT_LIQUIBASE = "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration";

	/**
	 * The keys with a {@code database.migration.*} twin, honoured when the twin is not
	 * set.
	 */
	private static final List<Twin<?>> TWINS = List.of(
			new Twin<>("change-log", "changelog", Bindable.of(String.class), Migration::setChangelog),
			new Twin<>("contexts", "contexts", Bindable.listOf(String.class), Migration::setContexts),
			new Twin<>("label-filter", "labels", Bindable.listOf(String.class), Migration::setLabels),
			new Twin<>("default-schema", "default-schema", Bindable.of(String.class), Migration::setDefaultSchema),
			new Twin<>("liquibase-schema", "liquibase-schema", Bindable.of(String.class),
					Migration::setLiquibaseSchema),
			new Twin<>("database-change-log-table", "changelog-table", Bindable.of(String.class),
					Migration::setChangelogTable),
			new Twin<>("database-change-log-lock-table", "changelog-lock-table", Bindable.of(String.class),
					Migration::setChangelogLockTable),
			new Twin<>("parameters", "parameters", Bindable.mapOf(String.class, String.class),
					Migration::setParameters),
			new Twin<>("user", "username", Bindable.of(String.class), Migration::setUsername),
			new Twin<>("password", "password", Bindable.of(String.class), Migration::setPassword),
			new Twin<>("url", "url", Bindable.of(String.class), Migration::setUrl), new Twin<>("analytics-enabled",
					"analytics-enabled", Bindable.of(Boolean.class), Migration::setAnalyticsEnabled));

	/**
	 * The keys paig-db has no twin for: what each would have done, and what to do
	 * instead. A boolean one set to {@code false} asks for what paig-db does anyway.
	 */
	private static final List<Orphan> ORPHANS = List.of(
			new Orphan("drop-first", true,
					"paig-db never drops the schema at start-up. Remove the key; to start from an empty database, "
							+ "drop it yourself or run 'db downgrade base'."),
			new Orphan("clear-checksums", true,
					"paig-db never clears checksums at start-up: an edited applied revision stops start-up and is "
							+ "named. Remove the key; see 'Edited applied revisions' in docs/migrations.md."),
			new Orphan("test-rollback-on-update", true,
					"paig-db does not test rollbacks at start-up. Remove the key; paig-db-test's MigrationCheckKit "
							+ "checks every revision's rollback in CI."),
			new Orphan("rollback-file", false,
					"paig-db writes no rollback file at start-up. Remove the key; 'db downgrade <target> --sql' "
							+ "prints the SQL of a downgrade."),
			new Orphan("tag", false,
					"paig-db tags every revision with its own id. Remove the key; 'db stamp' and 'db downgrade' "
							+ "take revision ids."),
			new Orphan("liquibase-tablespace", false,
					"paig-db creates its history tables in the schema's default tablespace. Remove the key, or "
							+ "create the tables in that tablespace before the first start."),
			new Orphan("driver-class-name", false,
					"paig-db picks the driver from the URL. Remove the key; set database.migration.url if the "
							+ "migrations connect elsewhere."),
			new Orphan("show-summary", false,
					"paig-db logs one line per revision and one per run. Remove the key; "
							+ "logging.level.io.paig.db.migration controls those lines."),
			new Orphan("show-summary-output", false,
					"paig-db logs one line per revision and one per run. Remove the key; "
							+ "logging.level.io.paig.db.migration controls those lines."),
			new Orphan("ui-service", false, "paig-db logs through the application's logging. Remove the key."),
			new Orphan("license-key", false,
					"paig-db runs Liquibase's open-source edition; no licence key is used. Remove the key."),
			// Spring Boot 2's name for label-filter, which Spring Boot 3 and 4 no longer
			// read: an application upgraded with it would run every label's changesets
			new Orphan("labels", false,
					"Spring Boot 2's name for spring.liquibase.label-filter, which Spring Boot 3 and later no longer "
							+ "read: every labelled changeset would run. Replace it with database.migration.labels."));

	private final List<String> honoured = new ArrayList<>();

	private final boolean bootMigrates;

	/**
	 * Read the application's {@code spring.liquibase.*} keys and honour them on the
	 * migration properties.
	 * @param environment the environment
	 * @param migration the bound {@code database.migration.*} properties, changed in
	 * place for each honoured key
	 * @param classLoader where to look for Spring Boot's own Liquibase support
	 * @throws MigrationException when a key has no twin and would change what is migrated
	 */
	SpringLiquibaseKeys(Environment environment, Migration migration, @Nullable ClassLoader classLoader) {
		Binder application = applicationBinder(environment);
		Binder all = Binder.get(environment);
		Boolean enabled = application.bind(PREFIX + "enabled", Boolean.class).orElse(null);
		this.bootMigrates = Boolean.TRUE.equals(enabled) && ClassUtils.isPresent(BOOT_LIQUIBASE, classLoader);
		if (this.bootMigrates) {
			if (migration.getOnStartup() != OnStartup.NONE) {
				throw new MigrationException(
						"spring.liquibase.enabled=true switches Spring Boot's own Liquibase on, and paig-db migrates "
								+ "at start-up too (database.migration.on-startup=" + name(migration.getOnStartup())
								+ "): the changelog would run twice, once outside paig-db's lock.",
						"Remove spring.liquibase.enabled so that paig-db alone migrates (the spring.liquibase.* keys "
								+ "then map to database.migration.*, see docs/configuration.md), or set "
								+ "database.migration.on-startup=none to leave the migrations to Spring Boot.");
			}
			// Spring Boot's Liquibase migrates and reads its own keys
			return;
		}
		refuseOrphans(application);
		for (Twin<?> twin : TWINS) {
			twin.apply(application, all, migration, this.honoured);
		}
		if (enabled != null) {
			honourEnabled(enabled, all, migration);
		}
	}

	/**
	 * The keys below {@code spring.liquibase} that paig-db honours or refuses: each twin,
	 * each orphan and {@code enabled}.
	 * @return the keys, without the prefix
	 */
	static Set<String> known() {
		Set<String> keys = new TreeSet<>();
		TWINS.forEach((twin) -> keys.add(twin.key()));
		ORPHANS.forEach((orphan) -> keys.add(orphan.key()));
		keys.add("enabled");
		return keys;
	}

	/**
	 * The {@code spring.liquibase.*} keys that were honoured.
	 * @return the keys, in full
	 */
	List<String> honoured() {
		return this.honoured;
	}

	/**
	 * Whether Spring Boot's own Liquibase migrates this application, which then owns the
	 * {@code spring.liquibase.*} keys.
	 * @return {@code true} when it does
	 */
	boolean bootMigrates() {
		return this.bootMigrates;
	}

	private void refuseOrphans(Binder application) {
		List<String> refused = new ArrayList<>();
		for (Orphan orphan : ORPHANS) {
			// as a list, so that key[0]=... is found as well as key=...
			BindResult<List<String>> value = application.bind(PREFIX + orphan.key(), Bindable.listOf(String.class));
			if (!value.isBound()) {
				continue;
			}
			if (orphan.flag() && value.get().size() == 1 && "false".equalsIgnoreCase(value.get().get(0).strip())) {
				logger.warn(PREFIX + orphan.key() + "=false is what paig-db does anyway; remove the key.");
				this.honoured.add(PREFIX + orphan.key());
				continue;
			}
			refused.add("  - " + PREFIX + orphan.key() + ": " + orphan.action());
		}
		if (!refused.isEmpty()) {
			throw new MigrationException(
					"Spring Boot's Liquibase keys that paig-db cannot honour are set, so start-up stops rather than "
							+ "migrate differently from what they ask:\n" + String.join("\n", refused),
					"Remove these keys (each line above says what paig-db does instead). paig-db reads "
							+ "database.migration.*; docs/configuration.md lists each spring.liquibase.* key and its "
							+ "database.migration.* twin.");
		}
	}

	private void honourEnabled(boolean enabled, Binder all, Migration migration) {
		String key = PREFIX + "enabled";
		if (all.bind("database.migration.on-startup", String.class).isBound()) {
			logger.warn(key + " is not read by paig-db, and database.migration.on-startup (set to "
					+ name(migration.getOnStartup()) + ") wins; remove " + key + ".");
			return;
		}
		if (!enabled) {
			migration.setOnStartup(OnStartup.NONE);
		}
		logger.warn(key + "=" + enabled + " is Spring Boot's key; paig-db honours it as database.migration.on-startup="
				+ name(migration.getOnStartup()) + ". Use that key instead.");
		this.honoured.add(key);
	}

	private static String name(OnStartup onStartup) {
		return onStartup.name().toLowerCase(Locale.ROOT);
	}

	// A binder over the application's own property sources: without paig-db's defaults,
	// so that its spring.liquibase.enabled=false is not taken for the application's.
	private static Binder applicationBinder(Environment environment) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return Binder.get(environment);
		}
		List<PropertySource<?>> sources = new ArrayList<>();
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
					&& !PaigDatabaseEnvironmentPostProcessor.SOURCE_NAME.equals(source.getName())) {
				sources.add(source);
			}
		}
		return new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(configurable));
	}

	/**
	 * A {@code spring.liquibase.*} key and its {@code database.migration.*} twin.
	 *
	 * @param <T> the value's type
	 * @param key the key below {@code spring.liquibase}
	 * @param twin the key below {@code database.migration}
	 * @param type how the value binds
	 * @param setter sets the twin
	 */
	private record Twin<T>(String key, String twin, Bindable<T> type, BiConsumer<Migration, T> setter) {

		void apply(Binder application, Binder all, Migration migration, List<String> honoured) {
			BindResult<T> value = application.bind(PREFIX + this.key, this.type);
			if (!value.isBound()) {
				return;
			}
			String from = PREFIX + this.key;
			String to = "database.migration." + this.twin;
			if (all.bind(to, this.type).isBound()) {
				logger.warn(from + " is not read by paig-db, and " + to + " is set and wins; remove " + from + ".");
				return;
			}
			this.setter.accept(migration, value.get());
			honoured.add(from);
			logger.warn(from + " is Spring Boot's key; paig-db honours it" + shown(value.get()) + " as " + to + ". Use "
					+ to + " instead.");
		}

		private String shown(T value) {
			// the password never, and no value that could hold one (a URL, parameters)
			if (this.key.equals("password") || this.key.equals("url") || value instanceof Map) {
				return "";
			}
			return " (" + value + ")";
		}

	}

	/**
	 * A {@code spring.liquibase.*} key paig-db has no twin for.
	 *
	 * @param key the key below {@code spring.liquibase}
	 * @param flag whether it is a switch, harmless when {@code false}
	 * @param action what paig-db does instead, and what to do
	 */
	private record Orphan(String key, boolean flag, String action) {
	}

}
