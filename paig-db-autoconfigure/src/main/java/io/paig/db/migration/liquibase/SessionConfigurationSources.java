package io.paig.db.migration.liquibase;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;

import liquibase.Scope;
import liquibase.configuration.ConfigurationValueProvider;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.configuration.core.EnvironmentValueProvider;
import liquibase.configuration.core.SystemPropertyValueProvider;
import org.jspecify.annotations.Nullable;

/**
 * Liquibase's configuration sources for system properties and environment variables,
 * hashed once per session. Each of Liquibase's own ({@link SystemPropertyValueProvider},
 * {@link EnvironmentValueProvider}) hashes all its entries at every configuration lookup,
 * to see whether the answers it keeps still hold, and the system property one copies all
 * system properties first. An update looks its settings up many times per changeset (even
 * hashing a schema, as each generated statement does, looks one up), so on a large apply
 * those copies and hashes are a large share of the client's CPU. In a session, these
 * sources answer from a copy of the system properties taken as the session began (as
 * Liquibase's changelog parameters copy them once, when they are created) and from the
 * environment, each with the hash it had then. Nothing in a run sets system properties or
 * environment variables, so the answers are the same. Outside a session they are
 * Liquibase's sources, unchanged.
 * <p>
 * They take the place of Liquibase's two sources in the configuration of each Liquibase
 * root scope a session runs in, at the same precedence; where another source shares that
 * precedence (the order between the two would depend on their class names), Liquibase's
 * source stays.
 *
 * @author paig-db authors
 */
final class SessionConfigurationSources {

	private static final String SCOPE_KEY = SessionConfigurationSources.class.getName();

	/** The configurations these sources are in, one per Liquibase root scope. */
	private static final Map<LiquibaseConfiguration, Boolean> installed = Collections
		.synchronizedMap(new WeakHashMap<>());

	private SessionConfigurationSources() {
	}

	/**
	 * Put these sources in place of Liquibase's in the current root scope's configuration
	 * (once), and add what they answer from in a session to the session's scope values.
	 * @param scope the values of the session's scope
	 */
	static void addTo(Map<String, Object> scope) {
		install(Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class));
		scope.put(SCOPE_KEY, new Snapshot());
	}

	/**
	 * Put these sources in place of Liquibase's system property and environment sources
	 * in a configuration, once; a configuration without one of them keeps what it has.
	 * @param configuration the configuration
	 */
	static void install(LiquibaseConfiguration configuration) {
		synchronized (installed) {
			if (installed.containsKey(configuration)) {
				return;
			}
			List<ConfigurationValueProvider> providers = List.copyOf(configuration.getProviders());
			for (ConfigurationValueProvider provider : providers) {
				ConfigurationValueProvider replacement = replacement(provider);
				if (replacement != null && providers.stream()
					.noneMatch((other) -> other != provider && other.getPrecedence() == provider.getPrecedence())) {
					// added first: a lookup on another thread meanwhile finds the value
					// in
					// both
					configuration.registerProvider(replacement);
					configuration.unregisterProvider(provider);
				}
			}
			installed.put(configuration, Boolean.TRUE);
		}
	}

	private static @Nullable ConfigurationValueProvider replacement(ConfigurationValueProvider provider) {
		if (provider.getClass() == SystemPropertyValueProvider.class) {
			return new SystemProperties();
		}
		if (provider.getClass() == EnvironmentValueProvider.class) {
			return new Environment();
		}
		return null;
	}

	private static @Nullable Snapshot snapshot() {
		return Scope.getCurrentScope().get(SCOPE_KEY, Snapshot.class);
	}

	/**
	 * The system properties, from the session's copy.
	 */
	static final class SystemProperties extends SystemPropertyValueProvider {

		@Override
		protected Map<?, ?> getMap() {
			Snapshot snapshot = snapshot();
			return (snapshot != null) ? snapshot.properties : super.getMap();
		}

		@Override
		protected int getMapHash() {
			Snapshot snapshot = snapshot();
			return (snapshot != null) ? snapshot.propertiesHash : super.getMapHash();
		}

	}

	/**
	 * The environment variables, with the hash they had as the session began.
	 */
	static final class Environment extends EnvironmentValueProvider {

		@Override
		protected Map<?, ?> getMap() {
			Snapshot snapshot = snapshot();
			return (snapshot != null) ? snapshot.environment : super.getMap();
		}

		@Override
		protected int getMapHash() {
			Snapshot snapshot = snapshot();
			return (snapshot != null) ? snapshot.environmentHash : super.getMapHash();
		}

	}

	/**
	 * A copy of the system properties as a session began, the environment variables
	 * (which a JVM cannot change), and their hashes.
	 */
	private static final class Snapshot {

		private final Properties properties = (Properties) System.getProperties().clone();

		private final int propertiesHash = this.properties.hashCode();

		private final Map<String, String> environment = System.getenv();

		private final int environmentHash = this.environment.hashCode();

	}

}
